"""Quotes with no cue of their own: continuations of the previous speaker, or terms nobody says.

“Tomahawks are a new step of aggression,” added Trump. “Do they want …?” — the
second quote opens a sentence right after an attributed one with no new cue in
between, so it inherits the speaker, listener and chain. A quoted phrase inside
someone else's sentence, a title or a headline is a ``term``, not speech, unless
it is the argument of a cue (``ruled “too American” by a court``: see ``_fragments``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes._direct import quote_span, starts_sentence
from quotes._draft import Coverage, Draft
from quotes._fragments import fragment_speech
from quotes._lexicon import Lexicon
from quotes._syntax import DocIndex, is_cue_verb

__all__ = ["continuations_and_terms"]

#: Dependencies of a subject that speaks (a passive subject is the one spoken to or asked).
_ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})


def _attribution_end(draft: Draft) -> int:
    ends = [draft.end]
    ends += [s.end_char for s in (draft.speaker, draft.listener) if s is not None]
    ends += [h.target.end_char for h in draft.chain]
    if draft.cue is not None:
        ends.append(draft.cue.end_char)
    return max(ends)


def _paragraph_breaks(text: str) -> int:
    return sum(1 for line in text.split("\n")[1:-1] if not line.strip()) + (1 if "\n" in text else 0)


def _continues(doc: Doc, qx: DocIndex, prev: Draft, open_at: int, lex: Lexicon) -> bool:
    """No cue and at most one paragraph break between the previous record and this quote."""
    start = _attribution_end(prev)
    if start > open_at:
        return False
    gap = qx.text[start:open_at]
    most = lex.windows.continuation_paragraph_breaks
    if gap.count("\n") > 2 * most and _paragraph_breaks(gap) > most:
        return False
    first = qx.char_token(start)
    if first < len(doc) and doc[first].idx < start:
        first += 1  # the attribution's last word (often the cue itself: '…,” he said. “…') is not in the gap
    last = qx.char_token(open_at)
    return not any((is_cue_verb(t, lex) and not _in_reporting_clause(t, prev)) or _someone_else(t, prev)
                   for t in doc[first:last] if not qx.inside(t))


def _someone_else(tok: Token, prev: Draft) -> bool:
    """'… Pence said. | On “Face the Nation,” Sen. Bernie Sanders identified … “The younger people …”': a person's
    name that is the subject of a verb between the two quotes, and not the previous speaker's, makes someone else
    the one the next quote may be from (an organisation's business in between does not: '“…,” Souness told BBC
    Sport. The Scottish Football Association has appointed … “He fits the bill …”'; nor a name after a pronoun
    or description, who may be that person)."""
    if tok.dep_ != "nsubj" or tok.ent_type_ != "PERSON" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    speaker = prev.speaker  # 'she' or 'the senator' may be the person named in between
    return speaker is not None and any(t.pos_ == "PROPN" for t in speaker) \
        and tok.lower_ not in {t.lower_ for t in speaker}


def _in_reporting_clause(verb: Token, prev: Draft) -> bool:
    """'“…,” Reeves insisted when asked whether she would resign. “…”': an adverbial clause of the previous cue
    with no one speaking in it (no subject, or a passive one: the one asked is the one who answers) is part of
    that attribution, not a new one."""
    return prev.cue is not None and verb.dep_ == "advcl" and prev.cue.root in verb.ancestors \
        and not any(c.dep_ in _ACTIVE_SUBJECTS for c in verb.children)


def _paragraph_groups(qx: DocIndex) -> list[int]:
    """For each quote, the first quote of the multi-paragraph quote it belongs to (itself when alone)."""
    groups: list[int] = []
    for qi, m in enumerate(qx.marks):
        linked = qi > 0 and m.reopened and qx.marks[qi - 1].continues
        groups.append(groups[qi - 1] if linked else qi)
    return groups


def _group_sources(drafts: list[Draft], groups: list[int]) -> dict[int, Draft]:
    """The attributed record of each multi-paragraph quote: its paragraphs share its speaker, wherever the cue is."""
    sources: dict[int, Draft] = {}
    for d in sorted(drafts, key=lambda d: d.start):
        if d.speaker is not None and d.kind != "term":
            for qi in sorted(d.marks):
                sources.setdefault(groups[qi], d)
    return sources


def _inherit(source: Draft, span: tuple[int, int], qi: int, lex: Lexicon) -> Draft:
    return Draft("direct", [span], speaker=source.speaker, listener=source.listener, chain=list(source.chain),
                 confidence=lex.confidence.continuation, method="rule", inherited=True, marks={qi})


def continuations_and_terms(doc: Doc, qx: DocIndex, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """Records for the quotes no cue claimed; ``drafts`` are the ones found so far."""
    claimed = {qi for d in drafts for qi in d.marks}
    groups = _paragraph_groups(qx)
    sources = _group_sources(drafts, groups)
    covered = Coverage(qx.text, drafts)
    by_end = sorted(drafts, key=lambda d: d.end)
    seen = 0
    prev: Draft | None = None  # of the records ending before the quote, the one whose attribution ends last
    new: list[Draft] = []
    for qi, m in enumerate(qx.marks):
        while seen < len(by_end) and by_end[seen].end <= m.open:
            prev = _later(prev, by_end[seen])
            seen += 1
        if qi in claimed or covered.at(m.start):
            continue
        span = quote_span(qx.text, m)
        if not any(c.isalpha() for c in qx.text[span[0] : span[1]]):
            continue
        if groups[qi] in sources:
            draft = _inherit(sources[groups[qi]], span, qi, lex)
        elif prev is not None and prev.speaker is not None and starts_sentence(qx.text, m) \
                and _continues(doc, qx, prev, m.open, lex):
            draft = _inherit(prev, span, qi, lex)
        else:
            draft = fragment_speech(doc, qx, qi, lex) or Draft("term", [span], confidence=lex.confidence.term,
                                                                method="rule", marks={qi})
        claimed |= draft.marks
        new.append(draft)
        prev = _later(prev, draft)
    return new


def _later(a: Draft | None, b: Draft) -> Draft | None:
    """Of two records, the one whose attribution ends later; a term attributes nothing and is passed over ('His
    main concern is “privacy”. “We are …”' goes on quoting the speaker before)."""
    if b.kind == "term":
        return a
    return b if a is None or _attribution_end(b) >= _attribution_end(a) else a
