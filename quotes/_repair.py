"""Parse repairs made before the passes read the parse.

The small model often hangs a second verb phrase of the reporting clause on the
reported clause: in "Trump said he would order a review and warned against
hackers" it reads *warned* as a conjunct of *order*, so the content of *said*
swallows a second attribution and *warned* speaks for *he*. A finite verb
cannot share the auxiliary of a non-finite one (*would … warned*), so such a
conjunct belongs to the reporting verb of the same form; it is re-attached
there, and every pass then reads two attributions.

After a long parenthetical ("The nominee continues to insist, most recently in
an interview with ABC News, that he wants to release his taxes") it may make the
*that* clause the root of the sentence and the reporting clause its complement.
A clause opened by a complementizer is never a sentence's root; the reporting
clause is made the root again and the *that* clause its complement.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes._lexicon import Lexicon

__all__ = ["repair_parse"]

#: Penn tags of finite verbs, and of the forms that need an auxiliary or 'to' to head a clause.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_NON_FINITE = frozenset({"VB", "VBN", "VBG"})
#: Dependencies of a reported clause on the verb that reports it.
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Dependencies of the coordinator and comma between two conjuncts.
_LINKS = frozenset({"cc", "punct"})


def _misattached_to(conj: Token) -> Token | None:
    """The verb ``conj`` coordinates with when its parsed head cannot share its form: the finite verb of the
    same tag whose complement that head is."""
    head = conj.head
    if conj.dep_ != "conj" or conj.tag_ not in _FINITE or head.tag_ not in _NON_FINITE:
        return None
    if any(c.dep_ in _SUBJECTS for c in conj.children) or head.dep_ not in _COMPLEMENTS:
        return None
    outer = head.head
    return outer if outer.tag_ == conj.tag_ and outer.i < head.i else None


def repair_parse(doc: Doc, lex: Lexicon) -> Doc:
    """Both repairs, in place; the Doc is returned for chaining."""
    return _reattach_conjuncts(_raise_fronted_reports(doc, lex))


def _fronted_report(root: Token, lex: Lexicon) -> Token | None:
    """The reporting clause the parser hung under a root that opens with a complementizer: a complement before
    the root (the whole report sits in front of the 'that' clause)."""
    if root.dep_ != "ROOT" or not any(c.dep_ == "mark" and c.lower_ in lex.function_words.complementizers
                                      for c in root.children):
        return None
    return next((c for c in root.lefts if c.dep_ == "ccomp"), None)


def _deepest_infinitive(verb: Token) -> Token:
    """'continues to insist': the verb at the end of a chain of infinitive complements, which takes the clause."""
    while (nxt := next((c for c in verb.rights if c.dep_ == "xcomp"), None)) is not None:
        verb = nxt
    return verb


def _raise_fronted_reports(doc: Doc, lex: Lexicon) -> Doc:
    """Make each fronted reporting clause the root again, its last infinitive taking the 'that' clause."""
    for root, report in [(t, r) for t in doc if (r := _fronted_report(t, lex)) is not None]:
        report.head, report.dep_ = report, "ROOT"  # detach first: hanging the root below it at once is a cycle
        root.head, root.dep_ = _deepest_infinitive(report), "ccomp"
    return doc


def _reattach_conjuncts(doc: Doc) -> Doc:
    """Re-attach each misattached finite conjunct, with its coordinator, to the verb it coordinates with."""
    moves = [(tok, outer) for tok in doc if (outer := _misattached_to(tok)) is not None]
    for conj, outer in moves:
        head = conj.head
        last = max((t.i for t in head.rights if t.dep_ not in _LINKS and t.dep_ != "conj"), default=head.i)
        for link in [t for t in head.rights if t.dep_ in _LINKS and last < t.i < conj.i]:
            link.head = outer
        conj.head = outer
    return doc
