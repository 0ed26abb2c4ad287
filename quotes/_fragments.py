"""Quoted fragments that are the content of a cue: speech, not ``term``.

``ruled “too American” by a Paris court``, ``welcomed his “gracious apology”``:
a quote inside an argument of a cue verb (or of a verb of judgment that reports
words only through such a fragment) whose speaker the parse gives is someone's
words. The record holds that argument; it is ``direct`` when the marks cover it.
A verb of judgment also reports the 'that' clause a fragment sits in
(``ruled that the statement is “true”``): the record holds the clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes._draft import Draft
from quotes._lexicon import Lexicon
from quotes._marks import QuoteMark
from quotes._reported import content_kind, passive_agent
from quotes._syntax import DocIndex, cue_lemma, first, is_cue_verb, speaker_of, trim_span

__all__ = ["fragment_speech"]

# labels on the way from a quoted fragment up to the verb whose argument it is (no clause boundary among them)
_ARGUMENT_PATH = frozenset({"dobj", "pobj", "prep", "oprd", "attr", "acomp", "amod", "compound", "appos", "conj",
                            "nmod", "npadvmod", "dative", "cc", "pcomp", "xcomp"})
# a verb on the path that opens no clause of its own: a gerund or infinitive with no subject ('for helping develop')
_NON_FINITE = frozenset({"VBG", "VB"})
# the verb's argument that holds it: an object or predicate, or an 'as' phrase; never an adjunct such as
# 'on CBS's “Face the Nation”' (a title where the words were said)
_ARGUMENTS = frozenset({"dobj", "oprd", "attr", "acomp", "dative"})
_MAX_STEPS = 4  # 'cited the film as proof of his “…”': verb, as, proof, of, commitment


def _root_inside(doc: Doc, qx: DocIndex, m: QuoteMark) -> Token | None:
    """The token of the quote whose head lies outside it."""
    first_tok, last_tok = qx.char_token(m.start), qx.char_token(max(m.start, m.end - 1))
    return next((t for t in doc[first_tok : last_tok + 1] if not first_tok <= t.head.i <= last_tok), None)


def _passed_through(verb: Token) -> bool:
    """A non-finite verb with no subject inside a prepositional or infinitive phrase: the path goes on above it."""
    return verb.tag_ in _NON_FINITE and verb.dep_ in ("pcomp", "xcomp") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _governing_verb(root: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(verb, its argument on the path) when the fragment sits in an argument of a speech or judgment verb."""
    cur = root
    for _ in range(_MAX_STEPS + 1):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in _ARGUMENT_PATH:
            return None
        if head.pos_ in ("VERB", "AUX") and not _passed_through(head):
            speech = is_cue_verb(head, lex) or cue_lemma(head) in lex.fragment_verbs
            listener = cur.dep_ in ("dobj", "dative") and cue_lemma(head) in lex.listener_verbs  # told “Morning Joe”
            grounds = cur.dep_ == "prep" and cur.lower_ in lex.grounds_prepositions  # 'cited X as …', 'lauded X for …'
            argument = (cur.dep_ in _ARGUMENTS and not listener) or grounds
            return (head, cur) if speech and argument else None
        cur = head
    return None


def _judged_clause(root: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(verb of judgment, its 'that' clause) when the fragment sits in that clause: 'ruled that X is “true”'."""
    cur = root
    for _ in range(_MAX_STEPS + 1):
        if cur.pos_ in ("VERB", "AUX"):
            break
        if cur.head.i == cur.i or cur.dep_ not in _ARGUMENT_PATH:
            return None
        cur = cur.head
    head = cur.head
    judged = cur.dep_ == "ccomp" and head.i < cur.i and cue_lemma(head) in lex.fragment_verbs
    if not judged or not any(c.dep_ == "mark" and c.lower_ in lex.function_words.complementizers
                             for c in cur.children):
        return None
    return head, cur


def _prepositional_object(verb: Token) -> Token | None:
    """The object of a preposition right after the verb, a prepositional verb's object: 'referred to him as …'."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1), None)
    return first(prep.children, ("pobj",)) if prep is not None else None


def fragment_speech(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> Draft | None:
    """A record for the quote ``qi`` when it is a fragment of what a cue's speaker said, else None."""
    root = _root_inside(doc, qx, qx.marks[qi])
    found = (_governing_verb(root, lex) or _judged_clause(root, lex)) if root is not None else None
    if found is None:
        return None
    verb, argument = found
    speaker = speaker_of(verb, lex) or passive_agent(verb)  # 'ruled … by a Paris court'
    if speaker is None:
        return None
    obj = first(verb.children, ("dobj",)) or _prepositional_object(verb)
    as_phrase = obj is not None and obj.i < argument.i and argument.dep_ == "prep"
    start = obj.left_edge.i if as_phrase else argument.left_edge.i  # 'cited the film as proof of …': from the film
    while doc[start].dep_ == "mark" and start < argument.i:
        start += 1  # 'that' opens the judged clause; the content follows it
    content = trim_span(doc[start : argument.right_edge.i + 1])
    if not len(content):
        return None
    kind, spans, marks = content_kind([content], qx)
    return Draft(kind, spans, cue=doc[verb.i : verb.i + 1], speaker=speaker, confidence=lex.confidence.fragment,
                 method="rule+model", marks=marks | {qi})
