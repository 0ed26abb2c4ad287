"""Attribution chains and listeners: how the words reached the page (told, according to, via …)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotes._draft import Draft
from quotes._lexicon import Lexicon
from quotes._syntax import cue_lemma, first, noun_phrase, trim_span

__all__ = ["add_listener_and_channels", "clause_root", "source_hops"]



def clause_root(tok: Token) -> Token:
    """Climb participles and conjuncts to the verb whose clause they belong to."""
    while tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _is_outlet(span: Span, lex: Lexicon) -> bool:
    text = span.text.lower().removeprefix("the ").strip("* ")
    if text in lex.outlets or span.text.lower() in lex.outlets or text in lex.platforms:
        return True
    root = span.root
    return root.ent_type_ in ("ORG", "NORP") and root.pos_ == "PROPN"


def _pobj(prep: Token) -> Token | None:
    return first(prep.children, ("pobj",))


def _channel_hop(draft: Draft, prep: Token, lex: Lexicon) -> None:
    """on X / in a post to social media / in a statement to CBS / in a readout of his call."""
    obj = _pobj(prep)
    if obj is None or prep.lower_ not in lex.channel_prepositions:
        return
    lemma = obj.lemma_.lower()
    target = trim_span(obj.doc[obj.left_edge.i : obj.right_edge.i + 1])  # 'a briefing tied to Axios'
    is_platform = target.text.lower().removeprefix("his ").removeprefix("her ") in lex.platforms
    if lemma == "statement":
        to = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None and _pobj(to) is not None:
            draft.add_hop("statement_to", noun_phrase(_pobj(to)))  # 'the BBC's US partner CBS'
            return
    if lemma in lex.channel_nouns or lemma in lex.platforms or is_platform or obj.text.lower() in lex.platforms:
        draft.add_hop("via", target)


def add_listener_and_channels(draft: Draft, cue: Token, lex: Lexicon) -> None:
    """Listener and told/via/statement_to hops from the cue verb and its clause."""
    lemma = cue_lemma(cue)
    if lemma in lex.listener_verbs:
        obj = first(cue.children, ("dobj", "dative", "iobj"))
        if obj is not None and not draft.covers(obj.idx, obj.idx + len(obj)):
            draft.listener = noun_phrase(obj)
            if lemma == "tell" and _is_outlet(draft.listener, lex):
                draft.add_hop("told", draft.listener)
    root = clause_root(cue)
    for prep in root.subtree:
        if prep.dep_ == "prep" and not draft.covers(prep.idx, prep.idx + 1) and _in_clause(prep, root):
            _channel_hop(draft, prep, lex)


def _in_clause(tok: Token, root: Token) -> bool:
    """True unless a clause with its own subject stands between ``tok`` and ``root``."""
    for anc in tok.ancestors:
        if anc.i == root.i:
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children) and anc.dep_ != "advcl":
            return False
    return False


def _text_span(doc_span: Span) -> Span | None:
    """Edge punctuation (and the *asterisks* of markdown titles) trimmed off."""
    span = trim_span(doc_span)
    return span if len(span) else None


def _name_after_by(doc: Doc, end: int) -> int:
    """Extend a phrase that stops at 'by' over the name the parser attached elsewhere ('by *The New York Times*')."""
    last = end - 1
    while last > 0 and doc[last].is_punct:
        last -= 1
    if doc[last].lower_ != "by":
        return end
    i = last + 1
    while i < len(doc) and doc[i].is_punct and not doc[i].is_space and doc[i].text not in ",.;":
        i += 1
    if i < len(doc) and doc[i].ent_iob_ == "B":
        i += 1
        while i < len(doc) and doc[i].ent_iob_ == "I":
            i += 1
    return max(end, i)


def source_hops(source: Token, lex: Lexicon) -> tuple[Span, list[tuple[str, Span]]]:
    """Split an 'according to' object into its first source and the hops behind it.

    'a report by CNN citing sources' → ('a report by CNN', [('citing', 'sources')]);
    'a transcript obtained by an agency' → ('a transcript', [('obtained_by', 'an agency')]).
    Read off the words, not the tree: parsers attach these phrases in many ways.
    """
    doc = source.doc
    start, end = source.left_edge.i, source.right_edge.i + 1
    end = _name_after_by(doc, end)
    hops: list[tuple[str, Span]] = []
    cut = end
    for tok in doc[source.i + 1 : end]:
        lemma = cue_lemma(tok)
        if lemma in lex.citing_verbs:
            target = _text_span(doc[tok.i + 1 : end])
            relation = "citing"
        elif lemma in lex.obtained_verbs and tok.i + 1 < end and doc[tok.i + 1].lower_ == "by":
            target = _text_span(doc[tok.i + 2 : end])
            relation = "obtained_by"
        else:
            continue
        if target is not None:
            hops.append((relation, target))
            cut = tok.i
        break
    first_source = _text_span(doc[start:cut]) or noun_phrase(source)
    return first_source, hops
