"""Attribution chains and listeners: how the words reached the page (told, according to, via …)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotes._draft import Draft
from quotes._patterns import lexicon
from quotes._syntax import cue_lemma, first, noun_phrase

__all__ = ["add_listener_and_channels", "clause_root", "source_hops"]

_LISTENER_VERBS = frozenset({"tell", "warn", "assure", "reassure", "inform", "remind", "urge", "ask", "advise",
                             "caution", "promise", "brief", "press", "congratulate", "thank"})
_CHANNEL_PREPS = frozenset({"on", "in", "via", "through", "during", "at"})
_CHANNEL_VERBS = frozenset({"write", "post", "tweet", "speak", "say", "tell", "add", "comment", "announce"})


def clause_root(tok: Token) -> Token:
    """Climb participles and conjuncts to the verb whose clause they belong to."""
    while tok.dep_ in ("advcl", "conj", "xcomp") and tok.head is not tok and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _is_outlet(span: Span) -> bool:
    lex = lexicon()
    text = span.text.lower().removeprefix("the ").strip("* ")
    if text in lex.outlets or span.text.lower() in lex.outlets or text in lex.platforms:
        return True
    root = span.root
    return root.ent_type_ in ("ORG", "NORP") and root.pos_ == "PROPN"


def _pobj(prep: Token) -> Token | None:
    return first(prep.children, ("pobj",))


def _channel_hop(draft: Draft, prep: Token) -> None:
    """on X / in a post to social media / in a statement to CBS / in a readout of his call."""
    obj = _pobj(prep)
    if obj is None or prep.lower_ not in _CHANNEL_PREPS:
        return
    lex = lexicon()
    lemma = obj.lemma_.lower()
    target = noun_phrase(obj)
    is_platform = target.text.lower().removeprefix("his ").removeprefix("her ") in lex.platforms
    if lemma == "statement":
        to = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None and _pobj(to) is not None:
            draft.add_hop("statement_to", _appositive_name(_pobj(to)))
            return
    if lemma in lex.channel_nouns or lemma in lex.platforms or is_platform or obj.text.lower() in lex.platforms:
        draft.add_hop("via", target)


def _appositive_name(tok: Token) -> Span:
    """'the BBC's US partner CBS' → the whole phrase; its name is what readers look for."""
    return noun_phrase(tok)


def add_listener_and_channels(draft: Draft, cue: Token) -> None:
    """Listener and told/via/statement_to hops from the cue verb and its clause."""
    lemma = cue_lemma(cue)
    if lemma in _LISTENER_VERBS:
        obj = first(cue.children, ("dobj", "dative", "iobj"))
        if obj is not None and not draft.covers(obj.idx, obj.idx + len(obj)):
            draft.listener = noun_phrase(obj)
            if lemma == "tell" and _is_outlet(draft.listener):
                draft.add_hop("told", draft.listener)
    root = clause_root(cue)
    scopes = {cue, root}
    for head in scopes:
        for child in head.children:
            if child.dep_ == "prep" and not draft.covers(child.idx, child.idx + 1):
                _channel_hop(draft, child)
            elif child.dep_ == "advcl" and cue_lemma(child) in _CHANNEL_VERBS and child is not cue:
                for prep in child.children:
                    if prep.dep_ == "prep":
                        _channel_hop(draft, prep)


def source_hops(source: Token) -> tuple[Span, list[tuple[str, Span]]]:
    """Split an 'according to' object into its first source and the hops behind it.

    'a report by CNN citing sources' → ('a report by CNN', [('citing', 'sources')]);
    'a transcript obtained by an agency' → ('a transcript', [('obtained_by', 'an agency')]).
    """
    hops: list[tuple[str, Span]] = []
    for child in source.children:
        if child.dep_ not in ("acl", "relcl"):
            continue
        lemma = cue_lemma(child)
        if lemma == "cite":
            obj = first(child.children, ("dobj",))
            if obj is not None:
                hops.append(("citing", noun_phrase(obj)))
        elif lemma in ("obtain", "publish", "release", "see", "review", "leak"):
            agent = first(child.children, ("agent",))
            obj = _pobj(agent) if agent is not None else None
            if obj is not None:
                hops.append(("obtained_by", noun_phrase(obj)))
    return noun_phrase(source), hops
