"""The spaCy side: the ``quotes`` component, its line-break helper and the Doc extensions.

Factories are declared apart from the classes (as spaCy's own span_ruler is);
the package registers them through the ``spacy_factories`` entry point so that
``nlp.add_pipe("quotes")`` works once ``quotes`` is installed. ``doc._.quotes``
holds plain dicts in the record schema (offsets into ``doc.text``), which
survive ``DocBin`` and multiprocessing; pydantic objects do not.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from quotes._continuation import continuations_and_terms
from quotes._direct import direct_quotes
from quotes._draft import Coverage, Draft
from quotes._furniture import furniture_ranges
from quotes._marks import QuoteMark, scan_quotes
from quotes._reported import reported_speech
from quotes._speakers import Resolution, entity_id, headline, resolve_speakers
from quotes._syntax import DocIndex

__all__ = ["FURNITURE_KEY", "QuotesComponent", "find_quotes", "install_extensions", "mark_line_breaks"]

#: ``doc.user_data`` key of the page-furniture ranges the caller found (computed here when absent).
FURNITURE_KEY = "quotes_furniture"


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
    """Finds quotes and reported speech in a parsed Doc and stores them on ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str = "quotes") -> None:
        self.name = name
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        furniture = doc.user_data.get(FURNITURE_KEY)
        doc._.quotes = find_quotes(doc, scan_quotes(text), furniture_ranges(text) if furniture is None else furniture)
        return doc


@Language.factory("quotes", assigns=["doc._.quotes"], requires=["token.dep", "token.pos", "doc.ents"],
                  default_config={})
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    """Factory of the ``quotes`` pipeline component."""
    return QuotesComponent(nlp, name)


@Language.component("quotes_line_breaks", assigns=["token.is_sent_start"])
def line_breaks_component(doc: Doc) -> Doc:
    """Pipeline wrapper of :func:`mark_line_breaks`; goes before the parser."""
    return mark_line_breaks(doc)


def _in_headline(d: Draft, qx: DocIndex) -> bool:
    """Reported speech read off a headline ('Zelensky asks Trump for missiles') is not a record."""
    return d.kind == "indirect" and d.cue is not None and headline(qx.sentence(d.cue), qx.text)


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A record whose content lies inside another record's content is nested speech: drop it."""
    kept: list[Draft] = []
    reach = -1  # the furthest end of the records kept so far (sorted by start)
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        if d.end <= reach:
            continue
        kept.append(d)
        reach = d.end
    return kept


def _outside_furniture(drafts: list[Draft], text: str, furniture: list[tuple[int, int]]) -> list[Draft]:
    """Speech found in page furniture is not a record; a quoted phrase there stays a ``term``."""
    mask = Coverage(text, [])
    for start, end in furniture:
        mask.add_range(start, end)
    kept = []
    for d in drafts:
        if not mask.at(d.start):
            kept.append(d)
        elif d.kind == "direct" and not d.inherited:
            kept.append(Draft("term", d.spans, confidence=0.2, method="rule", marks=d.marks))
    return kept


def find_quotes(doc: Doc, marks: list[QuoteMark], furniture: list[tuple[int, int]] = ()) -> list[dict[str, Any]]:
    """All passes over one Doc: quote marks, direct, reported, continuations, speakers."""
    qx = DocIndex(doc, marks)
    drafts = direct_quotes(doc, qx)
    drafts += [d for d in reported_speech(doc, qx, drafts) if not _in_headline(d, qx)]
    drafts = _outside_furniture(_drop_nested(drafts), qx.text, list(furniture))
    drafts += continuations_and_terms(doc, qx, drafts)
    drafts.sort(key=lambda d: d.start)
    resolutions = resolve_speakers(doc, qx, drafts)
    return [_as_dict(doc, qx, d, r) for d, r in zip(drafts, resolutions, strict=True)]


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _sentence(qx: DocIndex, d: Draft) -> dict[str, int]:
    chars = [d.start, d.end]
    for span in (d.speaker, d.cue_text):
        if span is not None and not d.inherited:
            chars += [span.start_char, span.end_char]
    if d.cue is not None:
        sent = qx.sentence(d.cue)
        chars += [sent.start_char, sent.end_char]
    return _span(min(chars), max(chars))


def _speaker(d: Draft, res: Resolution | None) -> dict[str, Any] | None:
    if d.speaker is None:
        return None
    res = res or Resolution("unknown")
    return {"mention": d.speaker.text, **_span(d.speaker.start_char, d.speaker.end_char), "name": res.name,
            "entity_id": entity_id(res), "kind": res.kind}


def _as_dict(doc: Doc, qx: DocIndex, d: Draft, res: Resolution | None) -> dict[str, Any]:
    cue = d.cue_text if d.cue_text is not None else (doc[d.cue.i : d.cue.i + 1] if d.cue is not None else None)
    text = " … ".join(qx.text[s:e] for s, e in d.spans)
    confidence = d.confidence if res is None or res.kind != "unknown" else min(d.confidence, 0.4)
    return {
        "kind": d.kind,
        "text": text,
        "spans": [_span(s, e) for s, e in d.spans],
        "cue": None if cue is None else {"text": cue.text, "lemma": cue.lemma_.lower() if len(cue) == 1
                                         else cue.text.lower(), **_span(cue.start_char, cue.end_char)},
        "speaker": _speaker(d, res),
        "listener": None if d.listener is None else {"text": d.listener.text,
                                                     **_span(d.listener.start_char, d.listener.end_char)},
        "chain": [{"relation": h.relation, "target": h.target.text,
                   **_span(h.target.start_char, h.target.end_char)} for h in d.chain],
        "sentence": _sentence(qx, d),
        "confidence": round(confidence, 2),
        "method": d.method,
    }
