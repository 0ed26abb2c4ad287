"""Parse repairs made before the passes read the parse.

The small model often hangs a second verb phrase of the reporting clause on the
reported clause: in "Trump said he would order a review and warned against
hackers" it reads *warned* as a conjunct of *order*, so the content of *said*
swallows a second attribution and *warned* speaks for *he*. A finite verb
cannot share the auxiliary of a non-finite one (*would … warned*), so such a
conjunct belongs to the reporting verb of the same form; it is re-attached
there, and every pass then reads two attributions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["reattach_conjuncts"]

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


def reattach_conjuncts(doc: Doc) -> Doc:
    """Re-attach each misattached finite conjunct, with its coordinator, to the verb it coordinates with."""
    moves = [(tok, outer) for tok in doc if (outer := _misattached_to(tok)) is not None]
    for conj, outer in moves:
        head = conj.head
        last = max((t.i for t in head.rights if t.dep_ not in _LINKS and t.dep_ != "conj"), default=head.i)
        for link in [t for t in head.rights if t.dep_ in _LINKS and last < t.i < conj.i]:
            link.head = outer
        conj.head = outer
    return doc
