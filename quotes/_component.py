"""The spaCy side: the ``quotes`` component, its line-break helper and the Doc extensions.

Factories are declared apart from the classes (as spaCy's own span_ruler is);
the package registers them through the ``spacy_factories`` entry point so that
``nlp.add_pipe("quotes")`` works once ``quotes`` is installed. ``doc._.quotes``
holds a tuple of plain dicts in the record schema (offsets into ``doc.text``),
sequences as tuples: msgpack (``DocBin``, multiprocessing) gives tuples back, so
the value is the same after a round trip; pydantic objects would not survive it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Dict  # noqa: UP035  (spaCy's config validation reads these hints)

import srsly
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import raise_error

from quotes._chains import clause_root
from quotes._continuation import continuations_and_terms
from quotes._direct import direct_quotes
from quotes._draft import Coverage, Draft
from quotes._entities import Names
from quotes._furniture import furniture_ranges
from quotes._learned import LEARNED_KEY, combine
from quotes._lexicon import Lexicon, default_lexicon, load_lexicon, merge_overrides, read_pattern_data
from quotes._marks import QuoteMark, scan_quotes
from quotes._needs import require_parse
from quotes._overlap import drop_overlaps
from quotes._repair import repair_parse
from quotes._reported import reported_speech
from quotes._speakers import Resolution, entity_id, headline, resolve_speakers
from quotes._syntax import SUBJECT_DEPS, DocIndex, speaker_phrase

__all__ = ["FURNITURE_KEY", "QuotesComponent", "find_quotes", "install_extensions", "mark_line_breaks", "set_spans"]

#: ``doc.user_data`` key of the page-furniture ranges the caller found (computed here when absent).
FURNITURE_KEY = "quotes_furniture"
_LEXICON_FILE = "lexicon.json"


def install_extensions() -> None:
    """Register ``doc._.quotes``; safe to call again (spawned workers call it on import)."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)


install_extensions()


def mark_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and page furniture stay apart."""
    starts = [i for i in range(1, len(doc))
              if doc[i - 1].is_space and "\n" in doc[i - 1].text and not doc[i].is_space]
    if starts:  # one array write: setting token.is_sent_start checks the whole Doc each time
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


class QuotesComponent:
    """Finds quotes and reported speech in a parsed Doc; results on ``doc._.quotes`` and in ``doc.spans``.

    It owns its :class:`~quotes._lexicon.Lexicon` (the package's ``patterns/`` by default, or a folder, with
    overrides merged in) and saves it with the pipeline, so a saved pipeline behaves the same without
    ``patterns/``.
    """

    def __init__(self, nlp: Language, name: str = "quotes", *, patterns: str | None = None,
                 overrides: dict[str, Any] | None = None, confidence: dict[str, float] | None = None,
                 windows: dict[str, int] | None = None, furniture: bool = True,
                 spans_key: str = "quotes") -> None:
        self.name = name
        self.furniture = furniture
        self.spans_key = spans_key
        settings = {"settings": {"confidence": confidence or {}, "windows": windows or {}}}
        self._set_data(merge_overrides(merge_overrides(read_pattern_data(patterns), overrides or {}), settings))
        self._error_handler: Callable[..., Any] = raise_error
        install_extensions()

    def _set_data(self, data: dict[str, Any]) -> None:
        self.lexicon = default_lexicon() if data == default_lexicon().data else load_lexicon(data)
        self.names = Names(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        require_parse(doc)
        text = doc.text
        furniture = doc.user_data.get(FURNITURE_KEY)
        if furniture is None:
            furniture = furniture_ranges(text, self.lexicon.furniture) if self.furniture else []
        learned = doc.spans.get(LEARNED_KEY)
        doc._.quotes = find_quotes(doc, scan_quotes(text), self.lexicon, self.names, furniture,
                                   None if learned is None else list(learned))
        set_spans(doc, doc._.quotes, self.spans_key)
        return doc

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        """What ``nlp.pipe`` does when a Doc fails here (``nlp.set_error_handler`` calls this)."""
        self._error_handler = error_handler

    def get_error_handler(self) -> Callable[..., Any]:
        """The handler spaCy calls with (name, component, docs, exception) when a Doc fails."""
        return self._error_handler

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon data, so a pipeline saved to bytes keeps its lexicon."""
        return srsly.json_dumps(dict(self.lexicon.data)).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuotesComponent:
        """Restore the lexicon saved by :meth:`to_bytes`."""
        self._set_data(srsly.json_loads(data.decode("utf-8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon as ``lexicon.json`` in the component's folder of a saved pipeline."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _LEXICON_FILE, dict(self.lexicon.data))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuotesComponent:
        """Load the lexicon saved by :meth:`to_disk` (not the package's ``patterns/``)."""
        self._set_data(srsly.read_json(Path(path) / _LEXICON_FILE))
        return self


@Language.factory(
    "quotes",
    assigns=["doc._.quotes", "doc.spans", "token.head", "token.dep"],
    requires=["token.dep", "token.pos", "token.tag", "token.lemma", "token.ent_type", "token.is_sent_start",
              "doc.ents"],
    default_config={"patterns": None, "overrides": {}, "confidence": {}, "windows": {}, "furniture": True,
                    "spans_key": "quotes"},
)
def make_quotes_component(nlp: Language, name: str, patterns: str | None, overrides: Dict[str, Any],  # noqa: UP006
                          confidence: Dict[str, float], windows: Dict[str, int], furniture: bool,  # noqa: UP006
                          spans_key: str) -> QuotesComponent:
    """Factory of the ``quotes`` pipeline component; every setting is in its config (see docs/api.md)."""
    return QuotesComponent(nlp, name, patterns=patterns, overrides=overrides, confidence=confidence,
                           windows=windows, furniture=furniture, spans_key=spans_key)


@Language.component("quotes_line_breaks", assigns=["token.is_sent_start"])
def line_breaks_component(doc: Doc) -> Doc:
    """Pipeline wrapper of :func:`mark_line_breaks`; goes before the parser."""
    return mark_line_breaks(doc)


def _in_headline(d: Draft, qx: DocIndex, lex: Lexicon) -> bool:
    """Reported speech read off a headline ('Zelensky asks Trump for missiles') is not a record."""
    return d.kind == "indirect" and d.cue is not None and headline(qx.sentence(d.cue.root), qx.text, lex)


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A record whose content lies inside another record's content is nested speech: drop it.

    Not when its cue heads a relative clause of its own ('the authorities, who promised …'): two attributions.
    """
    kept: list[Draft] = []
    reach = -1  # the furthest end of the records kept so far (sorted by start)
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        relative = d.cue is not None and d.cue.root.dep_ == "relcl" and d.speaker is not None
        if d.end <= reach and not relative:
            continue
        kept.append(d)
        reach = d.end
    return kept


def _outside_furniture(drafts: list[Draft], text: str, furniture: list[tuple[int, int]], lex: Lexicon
                       ) -> list[Draft]:
    """Speech found in page furniture is not a record; a quoted phrase there stays a ``term``."""
    mask = Coverage(text, [])
    for start, end in furniture:
        mask.add_range(start, end)
    kept = []
    for d in drafts:
        if d.speaker is not None and mask.at(d.speaker.start_char):
            _speaker_after_furniture(d, mask)
        if mask.at(d.start):
            _after_furniture(d, text, furniture)
        if not mask.at(d.start):
            kept.append(d)
        elif d.kind == "direct" and not d.inherited:
            kept.append(Draft("term", d.spans, confidence=lex.confidence.term, method="rule", marks=d.marks))
    return kept


def _speaker_after_furniture(draft: Draft, mask: Coverage) -> None:
    """'PHILADELPHIA ― Hillary Clinton's campaign said …': a dateline the parser made a second subject of the cue is
    no speaker; the cue's subject after it is (the subject of the clause a participle cue belongs to: 'Washington
    (AFP) – Hillary Clinton has taken a swipe at Trump, saying …')."""
    cue = clause_root(draft.cue.root) if draft.cue is not None else None
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and not mask.at(c.idx)] if cue is not None else []
    if subjects:
        draft.speaker = speaker_phrase(subjects[-1])


def _after_furniture(draft: Draft, text: str, furniture: list[tuple[int, int]]) -> None:
    """'WASHINGTON — Trump's obsession is an insult, lawmakers said': reported speech whose cue stands in the text
    and whose content only opens with furniture (a dateline) starts after it."""
    start, end = draft.spans[0]
    stop = next((e for s, e in furniture if s <= start < e), start)
    cue_free = draft.cue is not None and not any(s <= draft.cue.start_char < e for s, e in furniture)
    if draft.kind == "direct" or not cue_free or stop >= end:
        return
    while stop < end and text[stop].isspace():
        stop += 1
    draft.spans[0] = (stop, end)


def find_quotes(doc: Doc, marks: list[QuoteMark], lex: Lexicon, names: Names,
                furniture: Iterable[tuple[int, int]] = (),
                learned: list[Span] | None = None) -> tuple[dict[str, Any], ...]:
    """All passes over one Doc: parse repairs, quote marks, direct, reported, the learned pass's spans,
    continuations, speakers; overlaps dropped last."""
    qx = DocIndex(repair_parse(doc, lex), marks)
    drafts = direct_quotes(doc, qx, lex)
    drafts += [d for d in reported_speech(doc, qx, drafts, lex) if not _in_headline(d, qx, lex)]
    if learned is not None:  # the rules' records were read off headlines above; only the tagger's new ones here
        drafts = [d for d in combine(qx, drafts, learned, lex) if d.method != "model" or not _in_headline(d, qx, lex)]
    drafts = _outside_furniture(_drop_nested(drafts), qx.text, list(furniture), lex)
    drafts += continuations_and_terms(doc, qx, drafts, lex)
    drafts.sort(key=lambda d: d.start)
    resolutions = resolve_speakers(doc, qx, drafts, names)
    records = [_as_dict(doc, qx, d, r, lex) for d, r in zip(drafts, resolutions, strict=True)]
    return tuple(drop_overlaps(records, lex.confidence.unknown_speaker_cap))


def set_spans(doc: Doc, records: Iterable[dict[str, Any]], key: str) -> None:
    """The records as span groups: content spans labelled by kind, cues and speakers in their own groups.

    ``displacy.render(doc, style="span", options={"spans_key": key})`` draws them; ``spacy.scorer`` reads them.
    """
    groups: dict[str, list[Any]] = {key: [], f"{key}_cues": [], f"{key}_speakers": []}
    for rec in records:
        for part in rec["spans"]:
            groups[key].append(_char_span(doc, part, rec["kind"]))
        if rec["cue"] is not None:
            groups[f"{key}_cues"].append(_char_span(doc, rec["cue"], "CUE"))
        if rec["speaker"] is not None:
            groups[f"{key}_speakers"].append(_char_span(doc, rec["speaker"], rec["speaker"]["kind"].upper()))
    for name, spans in groups.items():
        doc.spans[name] = SpanGroup(doc, name=name, spans=[s for s in spans if s is not None])


def _char_span(doc: Doc, part: dict[str, Any], label: str) -> Any:
    return doc.char_span(part["start"], part["end"], label=label, alignment_mode="expand")


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _sentence(qx: DocIndex, d: Draft) -> dict[str, int]:
    chars = [d.start, d.end]
    for span in (d.speaker, d.cue):
        if span is not None and not d.inherited:
            chars += [span.start_char, span.end_char]
    if d.cue is not None:
        sent = qx.sentence(d.cue.root)
        chars += [sent.start_char, sent.end_char]
    return _span(min(chars), max(chars))


def _speaker(d: Draft, res: Resolution | None, lex: Lexicon) -> dict[str, Any] | None:
    if d.speaker is None:
        return None
    res = res or Resolution("unknown")
    return {"mention": d.speaker.text, **_span(d.speaker.start_char, d.speaker.end_char), "name": res.name,
            "entity_id": entity_id(res, lex), "kind": res.kind}


def _as_dict(doc: Doc, qx: DocIndex, d: Draft, res: Resolution | None, lex: Lexicon) -> dict[str, Any]:
    cue = d.cue
    text = " … ".join(qx.text[s:e] for s, e in d.spans)
    cap = lex.confidence.unknown_speaker_cap
    confidence = d.confidence if res is None or res.kind != "unknown" else min(d.confidence, cap)
    if any(qx.marks[qi].repaired for qi in d.marks):  # a closing mark never came: the pairing was recovered
        confidence = min(confidence, lex.confidence.repaired_pairing_cap)
    return {
        "kind": d.kind,
        "text": text,
        "spans": tuple(_span(s, e) for s, e in d.spans),
        "cue": None if cue is None else {"text": cue.text, "lemma": cue.lemma_.lower() if len(cue) == 1
                                         else cue.text.lower(), **_span(cue.start_char, cue.end_char)},
        "speaker": _speaker(d, res, lex),
        "listener": None if d.listener is None else {"text": d.listener.text,
                                                     **_span(d.listener.start_char, d.listener.end_char)},
        "chain": tuple({"relation": h.relation, "target": h.target.text,
                        **_span(h.target.start_char, h.target.end_char)} for h in d.chain),
        "sentence": _sentence(qx, d),
        "confidence": round(confidence, 2),
        "method": d.method,
    }
