"""Attribution chains and listeners: how the words reached the page (told, according to, via …)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotes._draft import Draft
from quotes._lexicon import Lexicon
from quotes._syntax import (
    NOT_SPEAKERS,
    before_open_bracket,
    channel_phrase,
    cue_lemma,
    first,
    medium_object,
    medium_phrase,
    noun_phrase,
    participle_on_noun,
    trim_span,
    without_determiner,
)

__all__ = ["add_listener_and_channels", "authored_medium", "clause_root", "relay_verb", "source_hops"]


def clause_root(tok: Token) -> Token:
    """Climb participles and conjuncts to the verb whose clause they belong to."""
    while tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return tok


# entity types that name a time, a place, a person or a number: 'said on Monday', 'spoke in Iowa' are no medium
_NOT_MEDIA = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "PERSON", "NORP", "EVENT", "CARDINAL", "ORDINAL",
                        "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"})


def _pobj(prep: Token) -> Token | None:
    return first(prep.children, ("pobj",))


def _preps(tok: Token, words: frozenset[str]) -> list[Token]:
    """The prepositions among ``tok``'s children whose word is one of ``words``."""
    return [c for c in tok.children if c.dep_ == "prep" and c.lower_ in words and _pobj(c) is not None]


def _named_medium(obj: Token, lex: Lexicon) -> bool:
    """An outlet, platform or programme: 'The Times', 'Twitter', 'BBC Radio 4's Today programme'."""
    span = noun_phrase(obj)
    text = span.text.lower()
    bare = without_determiner(text, lex.function_words.determiners)
    names = {text, bare, obj.lower_} if obj.pos_ == "PROPN" else {text, bare} - {obj.lower_}  # not 'his time'
    if names & lex.outlets or names & lex.platforms:
        return True
    owner = first(obj.children, ("poss",))  # "BBC One's Breakfast with Frost", "CNN's State of the Union"
    if owner is not None and obj.pos_ == "PROPN" and (_named_medium(owner, lex) or owner.ent_type_ == "ORG"):
        return True
    return obj.lemma_.lower() in lex.outlet_nouns


def _proper_medium(obj: Token) -> bool:
    """A proper name that is no date, place or person ('on CNN', 'on Fox and Friends')."""
    return obj.pos_ == "PROPN" and obj.ent_type_ not in _NOT_MEDIA


def _told(draft: Draft, target: Span) -> None:
    """told X: the hop, and X as the listener unless the cue named one already; never a time ('told … this week')."""
    if target.root.ent_type_ in NOT_SPEAKERS and target[0].is_lower:  # but "ABC's This Week", 'Fox News Sunday'
        return
    draft.add_hop("told", target)
    if draft.listener is None:
        draft.listener = target


def _medium_target(obj: Token, lex: Lexicon) -> tuple[Span, Token | None]:
    """The medium phrase without a 'to X' addressee (returned apart), which becomes the listener."""
    to = next(iter(_preps(obj, lex.chains.addressee_prepositions)), None)
    if to is not None and noun_phrase(_pobj(to)).text.lower() in lex.platforms:
        to = None  # 'a post to social media': the platform is part of the medium
    span = medium_phrase(obj)
    if to is not None and to.i < span.end:
        span = trim_span(obj.doc[span.start : to.i])
    return span, (_pobj(to) if to is not None else None)


def _noun_hop(draft: Draft, obj: Token, lex: Lexicon) -> bool:
    """in an interview with X / on X; in a statement (to X); in a letter to X; in its report."""
    chains, lemma = lex.chains, obj.lemma_.lower()
    if lemma in chains.interview_nouns:
        for prep in _preps(obj, chains.interviewer_prepositions):
            _told(draft, noun_phrase(_pobj(prep)))
    if lemma in chains.hosted_nouns:
        hosts = [_pobj(p) for p in _preps(obj, chains.outlet_prepositions)]
        hosts = [h for h in hosts if _named_medium(h, lex) or _proper_medium(h)]
        for host in hosts:
            draft.add_hop("via", medium_phrase(host))
        if hosts or lemma in chains.interview_nouns:
            return True  # 'an interview on CNN': the outlet is the medium; a bare interview is a setting
    if lemma not in lex.channel_nouns and obj.lower_ not in lex.platforms:
        return False
    target, addressee = _medium_target(obj, lex)
    if addressee is not None and lemma in chains.statement_nouns:
        draft.add_hop("statement_to", noun_phrase(addressee))  # 'the BBC's US partner CBS'
        return True
    draft.add_hop("via", target)
    if addressee is not None and draft.listener is None:
        draft.listener = noun_phrase(addressee)
    return True


def _prep_hop(draft: Draft, prep: Token, lex: Lexicon, on_cue: bool = False) -> None:
    """One prepositional phrase of the cue's clause: 'to X' after speak/talk, or a medium after on/in/via.

    ``on_cue``: the phrase hangs on the cue itself, so it is attribution even where the content runs over it.
    """
    obj, head = _pobj(prep), prep.head
    if obj is None or (not on_cue and draft.covers(obj.idx, obj.idx + len(obj))):
        return
    verb_lemma = cue_lemma(head) if head.pos_ in ("VERB", "AUX") else ""
    chains = lex.chains
    if prep.lower_ in chains.addressee_prepositions and verb_lemma in chains.addressee_verbs:
        _told(draft, noun_phrase(obj))  # 'speaking to the Treasury Select Committee'
        return
    if prep.lower_ not in lex.channel_prepositions:
        return
    if _noun_hop(draft, obj, lex) or head.pos_ not in ("VERB", "AUX"):
        return  # 'claimed victory in a tweet': a medium noun may hang on the object
    topic = verb_lemma in lex.topic_content.get(prep.lower_, frozenset())  # 'commented on Trump'
    named = _named_medium(obj, lex)
    asked = verb_lemma in lex.for_verbs  # 'called on Trump to apologize': the one asked, not a medium
    proper = _proper_medium(obj) and not topic and not asked and (prep.lower_ in chains.outlet_prepositions
                                                     or verb_lemma in chains.publication_verbs)
    if named or proper:
        draft.add_hop("via", medium_phrase(obj))  # 'said on CNN', 'writing in The Times'


def relay_verb(cue: Token, lex: Lexicon) -> Token | None:
    """The verb that relays a cue: 'quoted' in 'the paper quoted Mr Chernin as saying'."""
    as_word = cue.head
    if cue.dep_ != "pcomp" or as_word.lower_ not in lex.chains.relay_as or as_word.head.i == as_word.i:
        return None
    return as_word.head if cue_lemma(as_word.head) in lex.chains.relay_verbs else None


def _relayed(draft: Draft, cue: Token, lex: Lexicon) -> None:
    """'X quoted Y as saying …' / 'Y was quoted by X as saying …': Y speaks, X is a reported_by hop."""
    chains = lex.chains
    relay = relay_verb(cue, lex)
    if relay is None:
        return
    quoted = first(relay.children, ("dobj", "nsubjpass"))
    if quoted is None:
        return
    relayer = first(relay.children, ("nsubj",))
    if relayer is None:
        prep = next(iter(_preps(relay, chains.relay_prepositions)), None)
        relayer = _pobj(prep) if prep is not None else first(
            (g for c in relay.children if c.dep_ == "agent" for g in c.children), ("pobj",))
    draft.speaker = noun_phrase(quoted)
    if relayer is not None:
        draft.add_hop("reported_by", noun_phrase(relayer))


def authored_medium(source: Span, lex: Lexicon) -> tuple[Span, Span, list[Span]] | None:
    """'A letter from the American Legion obtained by AP': (author, medium, [who obtained it]), else None."""
    head = source.root
    if head.lemma_.lower() not in lex.channel_nouns:
        return None
    prep = next(iter(_preps(head, lex.function_words.author_prepositions)), None)
    if prep is None or prep.i <= source.start:
        return None
    medium = trim_span(source.doc[source.start : prep.i])
    agents = [first(t.children, ("agent",)) for t in head.subtree
              if t.dep_ == "acl" and cue_lemma(t) in lex.obtained_verbs]
    obtainers = [noun_phrase(_pobj(a)) for a in agents if a is not None and _pobj(a) is not None]
    return noun_phrase(_pobj(prep)), medium, obtainers


def _author_speaks(draft: Draft, lex: Lexicon) -> None:
    """A document that speaks ('a letter from X warns') gives the floor to its author, the document a via hop."""
    found = authored_medium(draft.speaker, lex) if draft.speaker is not None else None
    if found is None:
        return
    draft.speaker, medium, obtainers = found
    draft.add_hop("via", medium)
    for who in obtainers:
        draft.add_hop("obtained_by", who)


def _cited(draft: Draft, cue: Token, lex: Lexicon) -> None:
    """'…, the Post reported, citing another source': the cited source speaks; the reporter is a citing hop."""
    if cue_lemma(cue) not in lex.chains.reporting_verbs:
        return
    # on the cue, or hung by the parser on the reported clause ('reported that the talks had failed, citing …')
    reported = [g for c in cue.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "advcl"]
    citing = next((c for c in [*cue.children, *reported] if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"
                   and cue_lemma(c) in lex.citing_verbs), None)
    source = first(citing.children, ("dobj",)) if citing is not None else None
    if source is None or draft.speaker is None:
        return
    reporter = draft.speaker
    draft.speaker = noun_phrase(source)
    draft.add_hop("citing", reporter)


def _tells_for(verb: Token, cue: Token) -> bool:
    """A 'tell' of the cue's clause speaks for the cue: the cue itself, a verb above it, or 'telling X'."""
    return verb.i == cue.i or verb.is_ancestor(cue) or (verb.tag_ == "VBG" and not _has_subject(verb))


def _other_reports(root: Token, cue: Token, lex: Lexicon) -> set[int]:
    """Tokens of other cue verbs of the clause that report words of their own ('…, stating on Fox News that …')."""
    out: set[int] = set()
    for verb in root.subtree:  # the cheap tests first: the ancestor walk only for cue verbs with a clause
        if verb.tag_.startswith("VB") and verb.i != cue.i and cue_lemma(verb) in lex.cue_verbs \
                and any(c.dep_ == "ccomp" for c in verb.children) and not verb.is_ancestor(cue):
            out.update(t.i for t in verb.subtree)
    return out


def add_listener_and_channels(draft: Draft, cue: Token, lex: Lexicon) -> None:
    """Listener, told/via/statement_to hops and relays, read off the cue verb and its clause."""
    _relayed(draft, cue, lex)
    _author_speaks(draft, lex)
    _cited(draft, cue, lex)
    if cue_lemma(cue) in lex.listener_verbs:
        obj = first(cue.children, ("dobj", "dative", "iobj"))
        if obj is not None and (not draft.covers(obj.idx, obj.idx + len(obj)) or draft.start == obj.left_edge.idx):
            draft.listener = noun_phrase(obj)  # also the one asked, first in what was asked ('urged him to …')
    _clause_hops(draft, cue, lex)


def _clause_hops(draft: Draft, cue: Token, lex: Lexicon) -> None:
    """The prepositional phrases and 'tell' verbs of the cue's clause, its participles and its subject's."""
    medium = medium_object(cue, lex)
    root = clause_root(medium.head if medium is not None else cue)  # 'issued a statement saying …'
    opening = root.left_edge.i  # 'In a statement released after …, Cruz said': an opening phrase is the clause's
    others = _other_reports(root, cue, lex)
    for tok in root.subtree:
        if tok.dep_ != "prep" and tok.pos_ != "VERB":
            continue  # only prepositions and verbs make hops: the ancestor walk below is for them alone
        on_cue = tok.dep_ == "prep" and tok.head.i == cue.i and draft.kind != "direct"  # 'says in a statement that'
        if (draft.covers(tok.idx, tok.idx + 1) and not on_cue) or tok.i in others \
                or (tok.i not in (root.i, opening) and not _in_clause(tok, root, lex)):
            continue
        if tok.dep_ == "prep":
            _prep_hop(draft, tok, lex, on_cue)
        elif tok.pos_ == "VERB" and _tells_for(tok, cue):
            _verb_hop(draft, tok, lex)


def _verb_hop(draft: Draft, verb: Token, lex: Lexicon) -> None:
    """'told the crowd', 'telling reporters'; 'issued a statement', 'wrote a letter to X': the verb's object."""
    obj = first(verb.children, ("dobj", "dative", "iobj"))
    if obj is None or draft.covers(obj.idx, obj.idx + len(obj)):
        return
    lemma, chains = cue_lemma(verb), lex.chains
    if lemma in chains.told_verbs:
        _told(draft, noun_phrase(obj))
        return
    if lemma not in chains.medium_verbs:
        return
    to = next(iter(_preps(verb, chains.addressee_prepositions)), None)  # 'released a statement to the BBC'
    if to is not None and obj.lemma_.lower() in chains.statement_nouns:
        draft.add_hop("statement_to", noun_phrase(_pobj(to)))
    elif _noun_hop(draft, obj, lex) and draft.listener is None and to is not None:
        draft.listener = noun_phrase(_pobj(to))  # 'wrote a letter to X'


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _in_clause(tok: Token, root: Token, lex: Lexicon) -> bool:
    """True unless a clause with its own subject, or the subject's inner clauses, stand between ``tok`` and ``root``.

    The subject's own appositive participle counts as the clause's ('Mr Clarke, writing in The Times, accused'), and
    so does a channel phrase the parser hung on the subject ('Trump in a statement said', 'Cruz on Twitter said').
    """
    below = tok
    for anc in tok.ancestors:
        if anc.i == root.i:
            return True
        if _has_subject(anc) and anc.dep_ != "advcl":
            return False
        if anc.dep_ in ("nsubj", "nsubjpass") and not (below.head.i == anc.i and (
                participle_on_noun(below) or channel_phrase(below, lex))):
            return False
        below = anc
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
    cut = before_open_bracket(doc, start, cut)  # 'exit polls (a sizable margin, …': a remark, not the source
    first_source = _text_span(doc[start:cut]) or noun_phrase(source)
    return first_source, hops
