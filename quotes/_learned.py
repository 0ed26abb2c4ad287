"""The learned pass joined to the rules.

The ``quotes_learned`` component tags CUE, SOURCE and CONTENT spans into
``doc.spans["quotes_learned"]``. :func:`combine` groups them into attributions
and meets the rules' records: where both found the same content the record is
``rule+model``, and reported speech whose tagged content runs on past the rules'
takes the tagged extent (PolNeAR's content often spans following clauses); what
only the tagger found becomes a ``model`` record, its speaker read through the
parse where the parse has one. Quote-mark records keep the rules' boundaries;
speakers, chains and entity resolution stay the rules' passes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.util import minibatch

from quotes._chains import add_listener_and_channels
from quotes._content import identifying_passive
from quotes._draft import Draft
from quotes._lexicon import Lexicon, default_lexicon
from quotes._marks import ALL_MARKS
from quotes._reported import content_kind as kind_of_parts
from quotes._syntax import DocIndex, speaker_of, trim_span
from quotes._tagger import Tagged, load_tagger

__all__ = ["LEARNED_KEY", "Attribution", "LearnedComponent", "combine", "group"]

#: ``doc.spans`` key of the tagger's spans.
LEARNED_KEY = "quotes_learned"
#: Most tokens between a content and its cue, or a cue and its source, for them to belong together.
MAX_GAP = 8
_SPEECH_KINDS = frozenset({"direct", "mixed", "indirect"})


class LearnedComponent:
    """Runs the trained tagger on a parsed Doc and stores its spans under ``doc.spans[LEARNED_KEY]``."""

    def __init__(self, nlp: Language, name: str, path: str | None) -> None:
        self.name = name
        self.nlp = nlp
        self.tagger = load_tagger(path)
        self.active = self.tagger.fits(nlp)
        self._cue_ids: np.ndarray | None = None
        self.mark_ids = np.array(sorted(nlp.vocab.strings.add(m) for m in ALL_MARKS), dtype="uint64")

    def _lexicon(self) -> Lexicon:
        """The lexicon of the pipeline's ``quotes`` component (its overrides included), the default without one."""
        return next((pipe.lexicon for _, pipe in self.nlp.pipeline if isinstance(getattr(pipe, "lexicon", None),
                                                                                Lexicon)), default_lexicon())

    @property
    def cue_ids(self) -> np.ndarray:
        """String ids of the cue lexicon's words, read on first use (the ``quotes`` component is added after this)."""
        if self._cue_ids is None:
            lex = self._lexicon()
            words = lex.cue_verbs | lex.cue_nouns | lex.document_verbs | lex.object_content_verbs
            self._cue_ids = np.array(sorted(self.nlp.vocab.strings.add(w) for w in words), dtype="uint64")
        return self._cue_ids

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def cue_flags(self, doc: Doc) -> np.ndarray:
        """Per token: a quote mark, or a word of the cue lexicon; paragraphs without one are not tagged."""
        ids = doc.to_array([ORTH, LEMMA])
        return np.isin(ids[:, 0], self.mark_ids) | np.isin(ids[:, 1], self.cue_ids)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Tag in batches: the network's fixed cost per call is larger than a short article's tagging."""
        for batch in minibatch(docs, size=batch_size):
            found = self.tagger.tag(batch, self.cue_flags) if self.active else [[] for _ in batch]
            for doc, spans in zip(batch, found, strict=True):
                doc.spans[LEARNED_KEY] = SpanGroup(doc, name=LEARNED_KEY,
                                                   spans=[Span(doc, t.start, t.end, label=t.label) for t in spans])
                yield doc


@Language.factory("quotes_learned", assigns=["doc.spans"], requires=["doc.tensor"],
                  default_config={"path": None})
def make_learned_component(nlp: Language, name: str, path: str | None) -> LearnedComponent:
    """Factory of the learned pass (``path``: a trained tagger; None: the packaged one)."""
    return LearnedComponent(nlp, name, path)


@dataclass
class Attribution:
    """Tagged spans that belong together: a content, the cue that introduces it and who spoke."""

    content: Span
    cue: Span | None = None
    source: Span | None = None


def _gap(a: Span | Tagged, b: Span | Tagged) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(0, a.start - b.end, b.start - a.end)


def _nearest(spans: list[Span], anchor: Span) -> Span | None:
    """The span closest to ``anchor`` within MAX_GAP tokens (the earlier one on a tie).

    ``spans`` are one label's tagged spans, in order and apart, so a window found by bisection holds every
    candidate: the search stays linear in the Doc, not quadratic.
    """
    lo = bisect_left(spans, anchor.start - MAX_GAP, key=lambda s: s.end)
    hi = bisect_right(spans, anchor.end + MAX_GAP, key=lambda s: s.start)
    near = [s for s in spans[lo:hi] if _gap(s, anchor) <= MAX_GAP]
    return min(near, key=lambda s: (_gap(s, anchor), s.start > anchor.start), default=None)


def group(spans: list[Span]) -> list[Attribution]:
    """Each tagged content with its nearest cue, and the source nearest that cue."""
    by_label: dict[str, list[Span]] = {"CUE": [], "SOURCE": [], "CONTENT": []}
    for span in sorted(spans, key=lambda s: s.start):
        by_label.setdefault(span.label_, []).append(span)
    out = []
    for content in by_label["CONTENT"]:
        cue = _nearest(by_label["CUE"], content)
        source = _nearest(by_label["SOURCE"], cue if cue is not None else content)
        out.append(Attribution(content, cue, source))
    return out


def _overlap(d: Draft, span: Span) -> int:
    """Characters the draft's content shares with ``span``."""
    return sum(max(0, min(e, span.end_char) - max(s, span.start_char)) for s, e in d.spans)


class _Records:
    """The speech records by where they start, to find those a span can overlap without a pass over all."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = sorted(drafts, key=lambda d: d.start)
        self.longest = max((d.end - d.start for d in drafts), default=0)

    def near(self, span: Span) -> list[Draft]:
        """The records that start early enough, and not after ``span`` ends, to overlap it."""
        lo = bisect_left(self.drafts, span.start_char - self.longest, key=lambda d: d.start)
        hi = bisect_left(self.drafts, span.end_char, key=lambda d: d.start)
        return self.drafts[lo:hi]


def _matching(records: _Records, span: Span) -> Draft | None:
    """The speech record whose content overlaps ``span`` by at least half of the shorter of the two."""
    best = max(records.near(span), key=lambda d: _overlap(d, span), default=None)
    if best is None:
        return None
    shorter = min(best.end - best.start, span.end_char - span.start_char)
    return best if shorter and _overlap(best, span) * 2 >= shorter else None


def _without_that(span: Span) -> Span:
    """Content without its edge punctuation, a leading complementizer 'that' (SPEC's content) and a dangling
    last word that only links to what follows ('… the day before, after')."""
    span = trim_span(span)
    if len(span) > 1 and span[0].lower_ == "that" and span[0].dep_ == "mark":
        span = trim_span(span[1:])
    while len(span) > 1 and span[-1].pos_ in ("ADP", "CCONJ", "SCONJ", "DET"):
        span = trim_span(span[:-1])
    return span


def _speaker(a: Attribution, lex: Lexicon) -> Span | None:
    """The cue's subject through the parse where it is the tagged source, else the tagged source."""
    if a.source is None:
        return None
    if a.cue is not None and a.cue.root.pos_ in ("VERB", "AUX"):
        parsed = speaker_of(a.cue.root, lex)
        if parsed is not None and _gap(parsed, a.source) == 0:
            return parsed
        if _passive_subject(a.cue.root, a.source):
            return None  # 'The developer … was estimated to have been worth …': reported on, not speaking
    return trim_span(a.source) if len(trim_span(a.source)) else None


def _passive_subject(verb: Token, source: Span) -> bool:
    """The tagged source is the subject of the passive cue verb."""
    return any(c.dep_ == "nsubjpass" and c.left_edge.i < source.end and source.start <= c.right_edge.i
               for c in verb.children)


def _speech_cue(cue: Span, lex: Lexicon) -> bool:
    """A cue whose head word is in the cue lexicon (speech verbs and nouns, document verbs)."""
    lemma = cue.root.lemma_.lower()
    return any(lemma in words for words in (lex.cue_verbs, lex.document_verbs, lex.cue_nouns,
                                            lex.object_content_verbs))


def _new_record(a: Attribution, qx: DocIndex, lex: Lexicon) -> Draft | None:
    """A record for what only the tagger found: reported speech with a speech cue, or quoted words; a speaker.

    Wholly quoted content is left to the quote-mark passes (continuations, split quotes).
    """
    content = _without_that(a.content)
    if a.cue is None or len(content) < 2:
        return None
    kind, spans, marks = kind_of_parts([content], qx)
    if kind == "direct" or qx.inside(content[0]) or (kind == "indirect" and not (_speech_cue(a.cue, lex)
                                                                              and _clausal(content, lex))):
        return None  # what opens with a quote mark is the quote-mark passes' (continuations, split quotes)
    sentence = qx.sentence(a.cue.root)
    if not (sentence.start <= content.start < sentence.end or sentence.start < content.end <= sentence.end):
        return None  # a cue in another sentence introduces something else
    speaker = _speaker(a, lex)
    if speaker is None:
        return None
    draft = Draft(kind, spans, cue=a.cue, speaker=speaker, confidence=lex.confidence.model_only, method="model",
                  marks=marks)
    if a.cue.root.pos_ in ("VERB", "AUX"):
        add_listener_and_channels(draft, a.cue.root, lex)
    return draft


def _clausal(content: Span, lex: Lexicon) -> bool:
    """Reported speech says something: a clause headed by a verb ('disparaging remarks', 'broadcasting watchdog
    Ofcom' are none), not an embedded question or free relative ('whether he would run', 'what he calls …')."""
    opens_wh = content[0].tag_ in ("WP", "WRB", "WDT") or (
        content[0].dep_ == "mark" and content[0].lower_ in lex.function_words.complementizers)  # 'that' is gone
    return not opens_wh and content.root.pos_ in ("VERB", "AUX") and not identifying_passive(content.root, lex)


def _parts(d: Draft) -> list[tuple[int, int]]:
    """Character ranges of a record's content, cue, speaker and listener."""
    return [*d.spans, *((s.start_char, s.end_char) for s in (d.cue, d.speaker, d.listener) if s is not None)]


def _widen_content(d: Draft, a: Attribution, drafts: list[Draft], qx: DocIndex) -> None:
    """Reported speech whose tagged content runs on past the rules' end takes the tagged end (PolNeAR's content
    often holds the following clauses); the rules' start stands (objects and complementizers are theirs).
    Not when the longer content would swallow its own cue, speaker or listener, or another record."""
    content = _without_that(a.content)
    start, end = d.start, content.end_char
    if d.kind == "direct" or not (content.start_char <= start and d.end < end):
        return
    own = [r for r in _parts(d) if r not in d.spans]
    others = [r for other in drafts if other is not d for r in _parts(other)]
    if any(s < end and start < e for s, e in own + others):
        return
    d.kind, d.spans, d.marks = kind_of_parts([content.doc.char_span(start, end, alignment_mode="expand")], qx)


def combine(qx: DocIndex, drafts: list[Draft], tagged: list[Span], lex: Lexicon) -> list[Draft]:
    """The rules' records, marked and widened where the tagger agrees, plus the records only the tagger found."""
    speech = _Records([d for d in drafts if d.kind in _SPEECH_KINDS])
    added: list[Draft] = []
    for a in group(tagged):
        match = _matching(speech, a.content)
        if match is not None:
            match.method = "rule+model"
            match.confidence = min(lex.confidence.agreement_cap, match.confidence + lex.confidence.agreement_bonus)
            _widen_content(match, a, drafts, qx)
            speech.longest = max(speech.longest, match.end - match.start)  # a widened record reaches further
        elif not any(_overlap(d, a.content) for d in speech.near(a.content)):
            draft = _new_record(a, qx, lex)
            if draft is not None:
                added.append(draft)
    return drafts + added
