"""Reported speech and mixed quotes from the dependency parse.

A cue verb's clausal complement (X said (that) …), its 'as' phrase or quoted
argument (cast the meeting as a “…”), a noun cue's 'that' clause (warnings from
Putin that …) and 'according to X' give the content; the kind follows from the
quote marks inside it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from quotes._chains import add_listener_and_channels, authored_medium, clause_root, relay_verb, source_hops
from quotes._content import clause_without, complement, content_of_clause, verb_content
from quotes._direct import quote_span
from quotes._draft import Coverage, Draft
from quotes._lexicon import Lexicon
from quotes._syntax import (
    AdverbialPhrase,
    DocIndex,
    adverbial_source,
    can_speak,
    cue_lemma,
    first,
    is_cue_verb,
    opens_with_that,
    speaker_of,
    speaker_phrase,
    trim_span,
)

__all__ = ["content_kind", "passive_agent", "reported_speech"]

#: Entity labels of a name that, modifying a noun cue, says whose words they are ('a CNN report that …').
_NAMED_SOURCES = frozenset({"ORG", "PERSON", "NORP", "GPE"})


def content_kind(parts: list[Span], qx: DocIndex) -> tuple[str, list[tuple[int, int]], set[int]]:
    """direct when one quote's marks cover the content, mixed when words stand outside them."""
    spans = [(p.start_char, p.end_char) for p in parts]
    start, end = spans[0][0], spans[-1][1]
    inside = qx.quotes_in(start, end)
    if not inside:
        return "indirect", spans, set()
    if len(inside) == 1 and len(spans) == 1:
        m = qx.marks[inside[0]]
        close = m.close if m.close is not None else m.end
        if m.open <= start + 1 and end <= close + 1:
            return "direct", [quote_span(qx.text, m)], set(inside)
    return "mixed", [_with_marks(span, qx, inside) for span in spans], set(inside)


def _only_punct(qx: DocIndex, start: int, end: int) -> bool:
    return all(c in ",.;:!?" for c in qx.text[start:end])


def _with_marks(span: tuple[int, int], qx: DocIndex, inside: list[int]) -> tuple[int, int]:
    """A mixed content keeps the marks of the quotes at its edges ('“great progress” had been made')."""
    start, end = span
    for qi in inside:
        m = qx.marks[qi]
        if m.open == start - 1:
            start = m.open
        if m.close is not None and m.close >= end and _only_punct(qx, end, m.close):
            end = m.close + 1
    return start, end


def _make(verb: Token, content: Span | list[Span], speaker: Span | None, qx: DocIndex, lex: Lexicon) -> Draft:
    kind, spans, marks = content_kind(content if isinstance(content, list) else [content], qx)
    conf = lex.confidence
    draft = Draft(kind, spans, cue=verb.doc[verb.i : verb.i + 1], speaker=speaker, marks=marks,
                  confidence={"direct": conf.reported_direct, "mixed": conf.reported_mixed,
                              "indirect": conf.reported_indirect}[kind])
    if speaker is None:
        draft.confidence = conf.no_speaker
    return draft


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive_agent(verb: Token) -> Span | None:
    """'was described by Jobs as …', 'ruled “too American” by a Paris court': the agent of a passive cue speaks."""
    agent = first(verb.children, ("agent",))
    obj = first(agent.children, ("pobj",)) if agent is not None else None
    return speaker_phrase(obj) if obj is not None else None


def _inverted_subject(verb: Token) -> Span | None:
    """'The only parts left, said the operators of the site, were …': of two subjects the parser hung on a
    parenthetical cue, the one after it speaks (the one before is the host clause's)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    after = [c for c in subjects if c.i > verb.i]
    return speaker_phrase(after[0]) if after and len(subjects) > 1 else None


def _nested_attribution(tok: Token, qx: DocIndex) -> bool:
    """'women who he said “are …”', 'the authorities, who promised he would …': a relative clause that reports
    a clause or a quote of its own, inside the outer record's content; both records stand.
    """
    if tok.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    end = tok.right_edge.idx + len(tok.right_edge)
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) or bool(qx.quotes_in(tok.idx, end))


def _noun_cue_object(verb: Token, lex: Lexicon) -> Token | None:
    """questioned Trump's statement that …: the 'that' clause belongs to the noun cue, not the verb."""
    obj = first(verb.children, ("dobj",))
    comp = complement(verb, lex)
    if obj is None or comp is None or comp.i < obj.i or obj.lemma_.lower() not in lex.cue_nouns:
        return None
    return obj


def _own_question(verb: Token, lex: Lexicon) -> bool:
    """'kept asking her why …': a gerund or infinitive of asking with a question of its own asks for its head's
    subject; 'Asked whether …' and 'asked about X, Trump said' are the reporter's."""
    comp = complement(verb, lex) if verb.tag_ in ("VBG", "VB") else None
    opener = comp.left_edge.lower_ if comp is not None else ""
    return opener in lex.function_words.wh_words or opener in lex.function_words.interrogative_complementizers


def _from_verb(verb: Token, qx: DocIndex, lex: Lexicon) -> Draft | None:
    noun = _noun_cue_object(verb, lex)
    if noun is not None:
        return _from_noun(noun, qx, lex, complement(verb, lex))
    if cue_lemma(verb) in lex.question_verbs and verb.dep_ != "conj" and not any(c.dep_ == "nsubj"
                                                                                 for c in verb.children) \
            and not _own_question(verb, lex):
        return None  # 'Asked whether …': the reporter's question ('… and asked the crowd to …' shares a subject)
    content = verb_content(verb, qx, lex) or _relayed_content(verb, lex)
    if content is None:
        return None
    speaker = _inverted_subject(verb) or speaker_of(verb, lex) or passive_agent(verb)
    if speaker is not None and qx.inside(speaker.root) and not qx.inside(verb):
        speaker = _reporting_clause_subject(verb, qx, lex)
    if speaker is None and not _passive(verb):
        return None
    draft = _make(verb, content, speaker, qx, lex)
    add_listener_and_channels(draft, verb, lex)
    return draft


def _reporting_clause_subject(verb: Token, qx: DocIndex, lex: Lexicon) -> Span | None:
    """'"…," Sanders said, going on to say that …': the parser hung the participle on the quote, whose words cannot
    speak for it; the subject of the sentence's reporting clause (a cue set beside the quote) does."""
    sentence = qx.sentence(verb)
    for tok in sentence:
        if tok.i < verb.i and tok.dep_ == "parataxis" and is_cue_verb(tok, lex):
            subj = speaker_of(tok, lex)
            if subj is not None and not qx.inside(subj.root):
                return subj
    return None


def _relayed_content(verb: Token, lex: Lexicon) -> list[Span] | None:
    """'Video games are “big business”, the paper quoted Mr Chernin as saying': the relaying verb's clause."""
    relay = relay_verb(verb, lex)
    comp = complement(relay, lex) if relay is not None else None
    return [content_of_clause(comp, lex)] if comp is not None else None


def _from_noun(noun: Token, qx: DocIndex, lex: Lexicon, clause: Token | None = None) -> Draft | None:
    """warnings from Putin that …; Trump's statement that …"""
    clause = clause or next((c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp", "appos")
                             and opens_with_that(c)), None) or _that_clause_after(noun, lex)
    if clause is None:
        return None
    speaker_tok = first(noun.children, ("poss",)) or next(
        (c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in _NAMED_SOURCES), None)  # a CNN report
    if speaker_tok is None:
        prep = next((c for c in noun.children if c.dep_ == "prep"
                     and c.lower_ in lex.function_words.author_prepositions), None)
        speaker_tok = first(prep.children, ("pobj",)) if prep is not None else None
    if speaker_tok is None:
        return None
    content = content_of_clause(clause, lex)
    return _make(noun, content, speaker_phrase(speaker_tok), qx, lex)


def _that_clause_after(noun: Token, lex: Lexicon) -> Token | None:
    """'after her March comment that, “We're going to …”', 'her assertion during the debate that …': a 'that'
    clause right after the noun cue's phrase, which the parser hung on the sentence or a later noun; not one a
    cue verb governs."""
    doc = noun.doc
    nxt = noun.right_edge.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ != "that" or doc[nxt].dep_ != "mark":
        return None
    clause = doc[nxt].head
    if clause.left_edge.i != nxt or clause.i == noun.i or is_cue_verb(clause.head, lex):
        return None
    return clause


def _initial_according(phrase: AdverbialPhrase, qx: DocIndex) -> tuple[Span, Span] | None:
    """'According to X, Y.' read off the commas: (source, content), skipping an appositive 'X, his aide,'."""
    doc = phrase.span.doc
    after = phrase.span.end
    sent = qx.sentence(phrase.span[0])
    if phrase.span.start - sent.start > 1 or after >= sent.end:
        return None
    commas = [t.i for t in doc[after : sent.end] if t.text == ","]
    if not commas:
        return None
    cut = commas[0]
    for nxt in commas[1:]:
        segment = doc[cut + 1 : nxt]
        if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in segment):
            break
        cut = nxt  # 'Yuri Ushakov, Putin's adviser, …': the appositive belongs to the source
    source, content = trim_span(doc[after:cut]), trim_span(doc[cut + 1 : sent.end])
    return (source, content) if len(source) and len(content) >= 3 else None


def _comma_set(tok: Token) -> bool:
    """The phrase of ``tok`` stands between two commas: a parenthetical, not a modifier of the word before it."""
    doc, start, end = tok.doc, tok.left_edge.i, tok.right_edge.i
    return start > 0 and end + 1 < len(doc) and doc[start - 1].text == "," and doc[end + 1].text == ","


def _on_subject(tok: Token) -> bool:
    """A comma-set 'according to' phrase the parser hung on the subject it follows: it modifies the clause."""
    return tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.i < tok.i and _comma_set(tok)


def _subject_before(tok: Token, root: Token) -> Span | None:
    """The subject a comma-set 'according to' phrase splits from its verb ('Other cleavages, according to the poll,
    include …'): the first part of the clause the phrase reports; a relative pronoun is no part of it."""
    subj = first(root.children, ("nsubj", "nsubjpass"))
    if subj is None or subj.tag_ in ("WDT", "WP") or not subj.i < tok.i < root.i or not _comma_set(tok):
        return None
    return trim_span(tok.doc[subj.left_edge.i : tok.left_edge.i - 1])


def _own_clause(verb: Token) -> bool:
    """A conjunct with its own subject, set off by a comma ('…, and he will be part of …'): a clause of its own, not
    a second predicate the parser made of a noun phrase ('one of 707 people … and the fourth person shot …')."""
    subj = first(verb.children, ("nsubj", "nsubjpass")) if verb.dep_ == "conj" else None
    if subj is None or subj.i > verb.i:
        return False
    before = subj.left_edge.i - 1
    if before > 0 and verb.doc[before].dep_ == "cc":
        before -= 1
    return before >= 0 and verb.doc[before].text == ","


def _according_head(tok: Token) -> Token | None:
    """The clause 'according to' modifies; when the parser made the phrase its own root, the next clause; set off by
    commas on the clause's subject, the subject's clause ('Other cleavages, according to the poll, include …'); a
    conjunct with a subject of its own is a clause of its own ('He crossed the border after, according to him,
    Televisa censured his report')."""
    if _on_subject(tok):
        return clause_root(tok.head.head)
    if _own_clause(tok.head):
        return tok.head
    if tok.head.i != tok.i:
        return clause_root(tok.head)
    doc = tok.doc
    nxt = tok.right_edge.i + 1
    while nxt < len(doc) and (doc[nxt].is_punct or doc[nxt].is_space):
        nxt += 1
    if nxt >= len(doc) or any(t.text in ".!?" or "\n" in t.text for t in doc[tok.i : nxt]):
        return None
    root = doc[nxt]
    while root.head.i != root.i:
        root = root.head
    return None if root.i == tok.i else root


def _drafts_of_clause(drafts: Iterable[Draft], root: Token) -> list[Draft]:
    return [d for d in drafts if d.cue is not None and clause_root(d.cue.root) == root]


def _attach_source(d: Draft, source: Span, inner: list[tuple[str, Span]], relation: str, lex: Lexicon) -> None:
    """'…, according to X' on an attributed record: a hop; on a record with no speaker: its speaker."""
    if d.speaker is None and inner and inner[0][0] == "citing":
        d.speaker = inner[0][1]
    elif d.speaker is None:
        d.speaker, hops = _source_reading(source, relation, lex)
        inner = hops + inner
    for rel, span in inner:
        if span is not d.speaker:
            d.add_hop(rel, span)
    d.add_hop(relation, source)
    d.confidence = max(d.confidence, lex.confidence.according)


def _source_reading(source: Span, relation: str, lex: Lexicon) -> tuple[Span, list[tuple[str, Span]]]:
    """'according to X' with no other speaker: X speaks, or the author of X when X is a document from someone."""
    found = authored_medium(source, lex)
    if found is None:
        return source, []
    author, medium, obtainers = found  # 'an email from the president of the AFL-CIO obtained by …'
    return author, [(relation, medium)] + [("obtained_by", who) for who in obtainers]


def _according_record(phrase: AdverbialPhrase, parts: list[Span], source: Span, inner: list[tuple[str, Span]],
                      qx: DocIndex, lex: Lexicon) -> Draft:
    """A record for the clause 'according to' modifies (its subject may stand before the phrase, its verb after); a
    speaker of its own makes the source a hop."""
    content = parts[-1]
    verb = content.root
    speaker = speaker_of(verb, lex) if is_cue_verb(verb, lex) else None
    said = verb_content(verb, qx, lex) if speaker is not None else None
    if speaker is not None and content.start <= speaker.start and can_speak(speaker.root, lex) and said:
        # 'According to Fox News, the State Department reported finding …': Fox News relays the department. A cue
        # whose words cannot be read ('Russia attacked overnight', a misparsed 'asked X to …') is what X reports.
        draft = _make(verb, said, speaker, qx, lex)
        _attach_source(draft, source, inner, phrase.relation, lex)
        return draft
    speaker, hops = _source_reading(source, phrase.relation, lex)
    draft = _make(phrase.root, parts, speaker, qx, lex)
    draft.cue = phrase.span
    for rel, span in hops + inner:
        draft.add_hop(rel, span)
    return draft


def _apply_according(phrase: AdverbialPhrase, drafts: list[Draft], qx: DocIndex, lex: Lexicon) -> Draft | None:
    """Add the phrase's hop to the records of the clause it modifies, or make that clause a record."""
    first_source, inner = source_hops(phrase.source, lex)
    initial = _initial_according(phrase, qx)
    if initial is not None:
        first_source, content = initial
        governed = [d for d in drafts if d.cue is not None and content.start <= d.cue.root.i < content.end]
        if not governed:
            return _according_record(phrase, [content], first_source, inner, qx, lex)
    tok = phrase.root
    root = _according_head(tok)
    if root is None:
        return None
    if initial is None:
        governed = _drafts_of_clause(drafts, root) or [d for d in drafts if d.covers(tok.head.idx, tok.head.idx + 1)]
    for d in governed:
        _attach_source(d, first_source, inner, phrase.relation, lex)
    if governed:
        return None
    if root.pos_ not in ("VERB", "AUX") and root.dep_ != "ROOT":
        return None  # 'the death toll according to the ministry' inside a clause: no clause of its own to report
    content = clause_without(root, tok)  # a verbless sentence too: 'Pretty much the same, according to MSNBC.'
    if content is None or not len(content):
        return None
    subject = _subject_before(tok, root)
    parts = [subject, content] if subject is not None and subject.end < content.start else [content]
    return _according_record(phrase, parts, first_source, inner, qx, lex)


def _outer_report(verb: Token, by_cue: dict[int, Draft], lex: Lexicon) -> bool:
    """…, AP reported: a cue whose complement holds another record's cue becomes a hop of it."""
    comp = complement(verb, lex)
    if comp is None or not any(t.i in by_cue for t in comp.subtree):
        return False  # the common case, decided without reading the content
    inner = [by_cue[t.i] for t in content_of_clause(comp, lex) if t.i in by_cue]  # not a clause of its own
    subj = speaker_of(verb, lex)
    if not inner or subj is None or not any(d.speaker is not None and can_speak(d.speaker.root, lex)
                                            for d in inner):
        return False  # 'Secret Service protocol called for …, sources said': a protocol says nothing of its own
    for d in inner:
        d.add_hop(lex.report_relations.get(cue_lemma(verb), "according_to"), subj)
    return True


def reported_speech(doc: Doc, qx: DocIndex, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """Add records for cue verbs and noun cues not yet used; returns the new ones."""
    by_cue = {d.cue.root.i: d for d in drafts if d.cue is not None}
    covered = Coverage(qx.text, drafts)
    new: list[Draft] = []

    def keep(draft: Draft) -> None:
        new.append(draft)
        covered.add(draft)
        if draft.cue is not None:
            by_cue[draft.cue.root.i] = draft

    for tok in doc:
        if tok.i in by_cue or qx.inside(tok) or (tok in covered and not _nested_attribution(tok, qx)):
            continue
        draft = None
        if is_cue_verb(tok, lex):
            if _outer_report(tok, by_cue, lex):
                continue
            draft = _from_verb(tok, qx, lex)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.cue_nouns:
            draft = _from_noun(tok, qx, lex)
        if draft is not None:
            keep(draft)
    for tok in doc:
        phrase = adverbial_source(tok, lex) if not qx.inside(tok) else None
        if phrase is not None:
            draft = _apply_according(phrase, drafts + new, qx, lex)
            if draft is not None and tok not in covered:
                keep(draft)
    return new
