"""Where the reported words are: the content of a cue verb, read off the dependency parse.

In order: a clausal complement (said (that) …), a quoted or 'as' argument
(cast the meeting as a “…”), a request's infinitive or 'for' object (urged him
to …, called for …), the host clause of a parenthetical cue (Climate change,
he says, is …) and a clause preposed to a sentence-final cue (…, experts say).
Each returns the content as one or more spans of the Doc, or None.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from quotes._lexicon import Lexicon
from quotes._syntax import (
    NOMINAL_POS,
    SUBJECT_DEPS,
    DocIndex,
    adverbial_source,
    before_verb_group,
    can_speak,
    channel_phrase,
    cue_lemma,
    first,
    has_particle,
    idiom_clause,
    idiom_object,
    is_cue_verb,
    opens_with_that,
    stranded_subject,
    trim_span,
)

__all__ = ["bare_cue", "clause_without", "complement", "content_of_clause", "identifying_passive", "verb_content"]

_ARG_DEPS = frozenset({"dobj", "prep", "dative", "attr", "oprd", "acomp", "xcomp", "npadvmod"})
#: Entity labels of a time: 'on Tuesday' after a cue is no topic.
_WHEN = frozenset({"DATE", "TIME"})
#: Dependents that fill a cue's content slot itself (a comment clause has none: 'As the mayor said, …').
_OWN_CONTENT = frozenset({"dobj", "dative", "attr", "oprd", "acomp", "xcomp", "ccomp"})
_TRAILING_ADJUNCTS = frozenset({"advmod", "npadvmod", "prep", "punct", "tmod", "pobj", "det", "compound", "amod"})
#: Dependents before a cue that say when, where or how it was said.
_LEAD_INS = frozenset({"prep", "advmod", "npadvmod", "tmod", "advcl"})

def _without_mark(span: Span, lex: Lexicon) -> Span:
    """Drop a leading 'that' and edge punctuation; 'whether' and 'if' stay, or a question would read as a claim.

    An adverb before the 'that' goes with it: it qualifies the saying ('said only that …', 'added simply that …').
    """
    declarative = lex.function_words.complementizers - lex.function_words.interrogative_complementizers
    span = trim_span(span)
    while len(span) > 1 and span[0].dep_ == "advmod" and _declarative_mark(span[1], span, declarative):
        span = span.doc[span.start + 1 : span.end]
    while len(span) and _declarative_mark(span[0], span, declarative):
        span = trim_span(span.doc[span.start + 1 : span.end])  # 'said if the bloc fails, …': a condition stays
    return span


def _declarative_mark(tok: Token, span: Span, declarative: frozenset[str]) -> bool:
    """'that' marking the span's own clause (not a condition's 'if' or a clause inside it)."""
    return tok.dep_ == "mark" and tok.lower_ in declarative and tok.head.i == span.root.i


def _subtree_span(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _bracketed(tok: Token) -> bool:
    """A parenthetical clause: (this is his third visit since January)."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    opens = doc[left].text == "(" or (left > 0 and doc[left - 1].text == "(")
    closes = doc[right].text == ")" or (right + 1 < len(doc) and doc[right + 1].text == ")")
    return opens and closes


def complement(verb: Token, lex: Lexicon) -> Token | None:
    """The clausal complement of a cue: the nearest one after the verb, else the nearest before it."""
    idiom = idiom_clause(verb, lex)
    if idiom is not None:
        return idiom  # 'made it clear that …': not the 'clear' the parser made a complement
    comps = [c for c in verb.children if c.dep_ == "ccomp" and not _bracketed(c)]
    after = [c for c in comps if c.i > verb.i]
    if after:
        return after[0]
    return comps[-1] if comps else _misattached_complement(verb, lex) or _clause_as_adverbial(verb, lex) \
        or _embedded_question(verb, lex) or _gerund_subject_clause(verb)


def _clause_as_adverbial(verb: Token, lex: Lexicon) -> Token | None:
    """Trump said on Friday he would …: a clause with its own subject and no conjunction, mislabelled."""
    for clause in verb.rights:
        if clause.dep_ in ("advcl", "xcomp") and clause.tag_.startswith(("VB", "MD")) and not any(
            c.dep_ == "mark" or c.lower_ in lex.function_words.wh_words for c in clause.children
        ) and any(c.dep_ in SUBJECT_DEPS and c.i < clause.i for c in clause.children):
            return clause
    return None


def _gerund_subject_clause(verb: Token) -> Token | None:
    """said cutting that output must be …: a gerund the parser made the cue's object, with the clause it is the
    subject of hung under it; the gerund opens the clause that was said."""
    return next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VBG" and any(
        g.dep_ == "ccomp" and g.i > c.i and any(s.dep_ in SUBJECT_DEPS for s in g.children) for g in c.children)),
        None)


def _embedded_question(verb: Token, lex: Lexicon) -> Token | None:
    """asked the candidate if he had been preparing …: the parser reads a verb of asking's 'if' clause as a
    condition. Only right after the verb or its object ('asked for help if needed' is a condition)."""
    if cue_lemma(verb) not in lex.question_verbs:
        return None
    ends = {verb.i} | {c.right_edge.i for c in verb.rights if c.dep_ in ("dobj", "dative")}
    for clause in verb.rights:
        mark = _interrogative_mark(clause, lex) if clause.dep_ == "advcl" else None
        if mark is not None and mark.i == clause.left_edge.i and mark.i - 1 in ends:
            return clause
    return None


def _interrogative_mark(clause: Token, lex: Lexicon) -> Token | None:
    """The 'whether' or 'if' that opens a reported question."""
    return next((c for c in clause.children if c.dep_ == "mark"
                 and c.lower_ in lex.function_words.interrogative_complementizers), None)


def _adjunct_nouns(verb: Token, depth: int = 2) -> Iterator[Token]:
    """The verb's objects and the objects of its prepositions, down ``depth`` prepositions ('in its submission
    before the Budget')."""
    for arg in verb.rights:
        if arg.dep_ == "dobj":
            yield arg
        elif arg.dep_ == "prep":
            yield from _prep_objects(arg, depth)


def _prep_objects(prep: Token, depth: int) -> Iterator[Token]:
    for noun in prep.children:
        if noun.dep_ == "pobj":
            yield noun
            if depth > 1:
                for inner in noun.children:
                    if inner.dep_ == "prep":
                        yield from _prep_objects(inner, depth - 1)


def _complement_that(clause: Token) -> bool:
    """'that' opens the clause as a complementizer: a mark, or a determiner of the clause's own subject ('… the
    Budget that action is needed', where the parser read 'that action'); not a relative pronoun."""
    if any(c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i for c in clause.children):
        return True
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "det" and first.head.dep_ in SUBJECT_DEPS \
        and first.head.head.i == clause.i


def _misattached_complement(verb: Token, lex: Lexicon) -> Token | None:
    """warned Trump during the call that …, said in its submission before the Budget that …: a 'that' clause the
    parser hung on a nearby noun. A speech noun's clause is its own ('responded to the claim that …'), unless the
    noun is the channel the cue spoke through ('said in a statement that …', where both say the same)."""
    for noun in _adjunct_nouns(verb):
        if noun.lemma_.lower() in lex.cue_nouns and not (noun.dep_ == "pobj" and channel_phrase(noun.head, lex)):
            continue
        for clause in noun.rights:
            if clause.dep_ in ("relcl", "acl") and _complement_that(clause):
                return clause
    return None


def _own_attribution(tok: Token, head: Token, lex: Lexicon) -> Token | None:
    """A cue inside the clause that starts an attribution of its own (…, and a person indicated …)."""
    phrase = adverbial_source(tok, lex)
    if phrase is not None and phrase.root.i != head.i:
        return phrase.root  # '…, according to X' is a hop of the record, not part of what was said
    verb = _verb_after(tok)
    subject = stranded_subject(verb) if verb is not None and is_cue_verb(verb, lex) else None
    if subject is not None and subject.i == tok.i:
        return tok  # '… leaders but his lawyer, Antony Townsden, told …': the lawyer starts an attribution
    if tok.i != head.i and tok.tag_ == "VBG" and tok.dep_ == "advcl" and cue_lemma(tok) in lex.citing_verbs:
        return tok  # '… appeal, citing the strategic importance of …': what the speakers cite is not what they said
    if tok.i == head.i or not is_cue_verb(tok, lex):
        return None
    # a passive with no agent names no speaker ('… endorsement if it were offered')
    has_subject = any(c.dep_ == "nsubj" for c in tok.children) or (
        any(c.dep_ == "nsubjpass" for c in tok.children) and any(c.dep_ == "agent" for c in tok.children))
    # '…, with the committee announcing that …': an absolute 'with' clause has a speaker of its own
    own = (has_subject and (tok.dep_ in ("conj", "advcl") or (tok.dep_ == "pcomp" and tok.tag_ == "VBG"))) \
        or (tok.tag_ == "VBG" and tok.dep_ == "advcl")
    return tok if own else None


def _verb_after(tok: Token) -> Token | None:
    """The word right after a noun phrase, its trailing punctuation and the auxiliaries of that word ('others
    have said')."""
    doc, i = tok.doc, tok.right_edge.i + 1
    while i < len(doc) and (doc[i].is_punct or (doc[i].dep_ in ("aux", "neg") and doc[i].head.i > i)):
        i += 1
    return doc[i] if i < len(doc) and tok.pos_ in NOMINAL_POS else None


def content_of_clause(head: Token, lex: Lexicon) -> Span:
    """The subtree of ``head`` up to the first clause that is an attribution of its own."""
    doc = head.doc
    own = [root for tok in head.subtree if (root := _own_attribution(tok, head, lex)) is not None]
    cut = {t.i for tok in own for t in tok.subtree} | {i for tok in own for i in _opening(tok)}
    # 'Though Republicans boast of X, there is no link, scientists say': an attribution opening the clause is not
    # part of what the clause reports
    start = max([head.left_edge.i] + [tok.right_edge.i + 1 for tok in own
                                      if tok.left_edge.i == head.left_edge.i and tok.right_edge.i < head.i])
    end = start
    for tok in doc[start : head.right_edge.i + 1]:
        if (tok.i in cut and tok.i > head.i) or (tok.text == ";" and tok.i > start):
            break  # an attribution of its own, or a semicolon: the next independent clause is the writer's
        end = tok.i + 1
    span = _without_closing_subject(doc[start:end])
    while len(span) and span[-1].dep_ in ("cc", "punct", "mark"):
        span = doc[span.start : span.end - 1]
    if head.dep_ in ("relcl", "acl") and len(span) > 1 and _complement_that(head) and span[0].dep_ == "det":
        span = doc[span.start + 1 : span.end]  # a complement the parser hung on a noun: 'that' is no determiner
    return _without_mark(span, lex)


def _opening(clause: Token) -> range:
    """The comma, dash, conjunction or preposition that opens a clause, with the adverbs after it ('… but also
    because …', '…, with the committee announcing …'); never a word of the clause before ('… endorsement if …')."""
    doc = clause.doc
    i = clause.left_edge.i - 1
    while i > 0 and doc[i].pos_ == "ADV":
        i -= 1
    joins = i >= 0 and (doc[i].is_punct or doc[i].pos_ in ("CCONJ", "SCONJ", "ADP"))
    return range(i, clause.left_edge.i) if joins else range(0)


def _without_closing_subject(span: Span) -> Span:
    """'… a call with Putin and the pair agreed to …': a conjunct closing the span that is the subject of the verb
    right after it opens a clause of its own, outside what was said."""
    last = span[-1] if len(span) else None
    if last is None or last.dep_ != "conj" or last.pos_ not in NOMINAL_POS \
            or last.left_edge.i == span.start or span.doc[last.left_edge.i - 1].dep_ != "cc":
        return span
    verb = _verb_after(last)
    if verb is None or verb.pos_ != "VERB" or verb.i < span.end:
        return span
    return span.doc[span.start : last.left_edge.i]


def _weak(verb: Token, lex: Lexicon) -> bool:
    """A verb that reports a clause only with 'that' ('pointed to …'), unless a particle makes it a verb of saying
    ('pointed out there are …')."""
    return cue_lemma(verb) in lex.weak_verbs and not has_particle(verb, lex.strong_particles)


def _clausal_content(verb: Token, lex: Lexicon) -> Span | None:
    comp = complement(verb, lex)
    if comp is None:
        return None
    if _weak(verb, lex) and not opens_with_that(comp):
        return None
    content = content_of_clause(comp, lex)
    subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
    if comp.dep_ != "ccomp" and subj is not None:  # found under another label: lead-in adverbials are the cue's
        lead = _interrogative_mark(comp, lex) or subj.left_edge
        content = content.doc[max(content.start, lead.i) : content.end]
    if content.start <= verb.i < content.end:
        # 'donations, which he said were accompanied by …': the cue sits inside a relative clause
        return trim_span(content.doc[verb.i + 1 : content.end])
    # 'lamented what he calls …' is a free relative (the wh-word an argument of the clause's own verb); 'explained
    # why …' and 'said that what he is doing is wrong' (a wh-word opening the subject) report what was said
    if len(content) and content[0].lower_ in lex.function_words.wh_words and content[0].tag_ != "WRB" \
            and content[0].head == comp and cue_lemma(verb) not in lex.question_verbs:
        return None
    return content


def _as_content(verb: Token, qx: DocIndex, lex: Lexicon) -> Span | None:
    """described X as “…” → the quoted part; described X as Y (no quote) → 'X as Y'."""
    if cue_lemma(verb) not in lex.as_verbs:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    obj = first(prep.children, ("pobj",)) if prep is not None else None
    if obj is None:
        return None
    span = trim_span(_subtree_span(obj))
    quoted = _to_last_quote(span, qx)
    if quoted is not None:
        return quoted
    dobj = first(verb.children, ("dobj",))
    start = dobj.left_edge.i if dobj is not None and dobj.i < prep.i else prep.i
    return trim_span(verb.doc[start : span.end])


def _naming_content(verb: Token, lex: Lexicon) -> Span | None:
    """She called the shootings a moment of …: object and predicate of a naming verb."""
    if cue_lemma(verb) not in lex.naming_verbs:
        return None
    obj, pred = _naming_arguments(verb)
    if obj is None or pred is None or obj.lower_ in lex.function_words.wh_words:
        return None  # 'what he calls X' is the writer's paraphrase, not a report
    if "Yes" in obj.morph.get("Reflex") and not (pred.pos_ == "ADJ" or first(pred.children, ("det",))):
        return None  # 'they called themselves Drink Or Die': a name taken ('calls himself a socialist' is a claim)
    return trim_span(verb.doc[obj.left_edge.i : _predicate_end(pred)])


def _naming_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """The object and the predicate of a naming verb, also where the parser labelled both predicates ('called Trump
    a con artist'), took the object for a dative ('calls himself a socialist') or hung an adjective predicate on the
    object's last noun ('called the squabble … unusual')."""
    obj = first(verb.children, ("dobj", "dative"))
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if obj is None and len(predicates) == 2:
        return predicates[0], predicates[1]
    if predicates or obj is None:
        return obj, predicates[0] if predicates else None
    return obj, _unmarked_apposition(obj) or _trailing_adjective(obj)


def _trailing_adjective(obj: Token) -> Token | None:
    """'called [the squabble with the community] unusual': a bare adjective that closes the object's phrase after
    its noun, which English sets before the noun when it modifies it."""
    last = obj.right_edge
    if last.pos_ == "ADJ" and last.dep_ == "amod" and last.head.i < last.i and last.head.pos_ in NOMINAL_POS \
            and not list(last.children) and last != obj:
        return last
    return None


def _predicate_end(pred: Token) -> int:
    """Where a naming predicate ends: before a verb coordinated with it ('called it “shameful” and called on …') or a
    participle after a comma ('the “ultimate hypocrite,” linking to a story'), which belong to the sentence."""
    end = pred.right_edge.i + 1
    for child in pred.rights:
        before = pred.doc[child.left_edge.i - 1]
        while before.is_quote and before.i > pred.i:
            before = pred.doc[before.i - 1]
        if child.pos_ == "VERB" and ((child.dep_ == "conj" and before.dep_ == "cc")
                                     or (child.dep_ in ("acl", "advcl") and child.tag_ == "VBG"
                                         and before.text == ",")):
            return min(end, before.i)
    return end


def _unmarked_apposition(obj: Token) -> Token | None:
    """'called her fallen son her hero': a predicate the parser made an apposition of the object, with no comma or
    dash setting it off (a true apposition has one: 'called his brother, John, a hero'); not an emphatic pronoun
    ('calling major fundraisers himself')."""
    return next((c for c in obj.rights if c.dep_ == "appos" and c.pos_ != "PRON"
                 and not c.doc[c.left_edge.i - 1].is_punct), None)


def _to_last_quote(span: Span, qx: DocIndex) -> Span | None:
    """Cut a quoted argument after its last closing mark: 'a “pointed conversation” in a post' → the quote part."""
    inside = qx.quotes_in(span.start_char, span.end_char)
    if not inside:
        return None
    m = qx.marks[inside[-1]]
    stop = (m.close if m.close is not None else m.end) + 1
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].idx >= stop:
        end -= 1
    return span.doc[span.start : end]


def _quoted_argument(verb: Token, qx: DocIndex, lex: Lexicon) -> Span | None:
    """congratulated Trump on the ‘…’: the verb's arguments up to the quote they hold; after an idiom ('put it in an
    exposé, “the operator”') the quoted argument alone, as the idiom's own words say nothing."""
    args = [c for c in verb.children if c.i > verb.i and (c.dep_ in _ARG_DEPS or _particle_with_object(c))]
    holding = [a for a in args if qx.quotes_in(a.left_edge.idx, a.right_edge.idx + len(a.right_edge))]
    if not holding:
        return None
    first_arg = holding[-1] if idiom_object(verb, lex) is not None else args[0]
    start = first_arg.left_edge.i
    if (first_arg.dep_ == "prt" or (first_arg.dep_ == "prep" and first_arg.pos_ == "ADP")) and first_arg.i == start \
            and start < holding[-1].right_edge.i:
        start += 1  # 'accused of “breathtaking complacency”': the preposition is the cue's, not what was said
    return _to_last_quote(trim_span(verb.doc[start : holding[-1].right_edge.i + 1]), qx)


def _particle_with_object(tok: Token) -> bool:
    """'called on police to …': a preposition the parser took for a particle, its object still hung on it."""
    return tok.dep_ == "prt" and any(c.dep_ == "pobj" for c in tok.children)


def _request_content(verb: Token, lex: Lexicon) -> Span | None:
    """urged him to …; vowed to …; called on X to …; called for …: what was asked or promised."""
    lemma = cue_lemma(verb)
    if lemma in lex.for_verbs:
        found = _for_content(verb)
        if found is not None:
            return found
    in_class = lex.cue_class.get(lemma) in lex.infinitive_classes  # requests, commitments, warnings
    if not in_class and lemma not in lex.infinitive_verbs:
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in lex.speaking_terms for c in verb.children):
        return None  # 'requested anonymity to speak freely': the infinitive says why
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ not in _WHEN
               and lemma not in lex.listener_verbs]  # neither a time nor the person spoken to
    if not in_class and any(not can_speak(c, lex) for c in objects):
        return None  # 'offered Trump a platform to offer up …': the infinitive tells what the thing is for
    own_object = bool(objects)
    # with no object of its own, an infinitive the parser made adverbial is what was asked or promised
    # ('promised Sunday at a rally to end …'); not after a particle ('sworn in to tell the truth': another verb)
    loose = not own_object and not any(c.dep_ == "prt" for c in verb.children)
    for head in [verb, *_on_objects(verb)]:
        deps = ("xcomp", "ccomp", "advcl") if loose and head is verb else ("xcomp", "ccomp")
        comp = next((c for c in head.children if c.dep_ in deps and c.i > verb.i
                     and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if comp is not None:
            return None if identifying_passive(comp, lex) else _asked_of(verb, comp, lex)
    return None


def _asked_of(verb: Token, comp: Token, lex: Lexicon) -> Span:
    """'urged the governor to sign the bill', 'called on Congress to act': the one asked and the act asked of them
    (PolNeAR's content; the one asked is also the record's listener), not the one promised ('promised voters to …')."""
    span = _subtree_span(comp)
    lemma = cue_lemma(verb)
    if lemma in lex.object_control_verbs or lex.cue_class.get(lemma) in lex.object_control_classes:
        who = next((o for o in _asked(verb) if o.i < comp.i and o.ent_type_ not in _WHEN), None)
        if who is not None and who.right_edge.i + 1 == span.start:  # not across 'in a meeting … this week'
            return trim_span(comp.doc[who.left_edge.i : span.end])
    return trim_span(span)


def _asked(verb: Token) -> Iterator[Token]:
    """The verb's object and the object of its 'on' ('called on Congress …')."""
    yield from (c for c in verb.children if c.dep_ == "dobj")
    yield from _on_objects(verb)


def _on_objects(verb: Token) -> Iterator[Token]:
    """The objects of the verb's 'on' ('called on Congress to …'), which the parser makes a preposition or a
    particle."""
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ == "on":
            yield from (g for g in child.children if g.dep_ == "pobj")


def identifying_passive(comp: Token, lex: Lexicon) -> bool:
    """'asked not to be named', 'declined to be identified': a passive of identifying the source is the terms on
    which they spoke, not what they asked for (lexicon identifying_verbs)."""
    return cue_lemma(comp) in lex.identifying_verbs and any(c.dep_ == "auxpass" for c in comp.children)


def _for_content(verb: Token) -> Span | None:
    """called for …: the object of 'for', or the clause it opens ('called for her to quit her bid')."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i), None)
    obj = first(prep.children, ("pobj", "pcomp")) if prep is not None else None
    if obj is not None:
        return trim_span(_subtree_span(obj))
    clause = next((c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "for"
                   and c.left_edge.dep_ == "mark"), None)
    return trim_span(verb.doc[clause.left_edge.i + 1 : clause.right_edge.i + 1]) if clause is not None else None


def _gerund_object(verb: Token) -> Token | None:
    """denied taking the money, suggested looking at …: a gerund with no subject of its own, the verb's object."""
    return next((c for c in verb.rights if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG"
                 and not any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)


def _object_content(verb: Token, lex: Lexicon) -> Span | None:
    """acknowledged their uphill battle; denied the report; denied taking the money: a direct object (a gerund
    too) that names what was said."""
    if cue_lemma(verb) not in lex.object_content_verbs:
        return None
    obj = first(verb.children, ("dobj",)) or _gerund_object(verb)
    if obj is None or obj.pos_ == "PRON" or obj.i < verb.i or obj.ent_type_ in _WHEN or _negated(verb, lex):
        return None  # 'promised Sunday …': a time the parser made the object
    if obj.lemma_.lower() in lex.cue_nouns and any(_complement_that(c) for c in obj.children):
        return None  # 'questioned Trump's statement that …': the noun cue carries the content
    return trim_span(_subtree_span(obj))


def _pro_form_content(verb: Token, qx: DocIndex, lex: Lexicon) -> Span | None:
    """'Mook said as much', 'voters said the same of Trump', 'half said so', 'he said no': a pro-form standing for
    what was said before ('isn't saying much' says nothing, as with any negated object; a quoted “no” is a
    fragment of the sentence around it)."""
    if lex.cue_class.get(cue_lemma(verb)) != "assertion" or _negated(verb, lex):
        return None
    arg = next((c for c in verb.rights if c.dep_ in ("dobj", "advmod", "intj") and c.lower_ in lex.pro_forms), None)
    if arg is None or qx.inside(arg):
        return None
    end = arg.right_edge.i if arg.dep_ == "dobj" else arg.i  # 'as much' without 'in an interview'
    return trim_span(verb.doc[arg.left_edge.i : end + 1])


def _negated(verb: Token, lex: Lexicon) -> bool:
    """'did not confirm any contact', 'neither … nor … confirmed': nothing was said."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = first(verb.children, ("nsubj", "nsubjpass"))
    return subj is not None and any(t.lower_ in lex.function_words.negators for t in subj.subtree)


def _topic_content(verb: Token, lex: Lexicon) -> Span | None:
    """complained about his mic; commented on the death: the topic of a speech verb."""
    topics = lex.topic_content
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i and is_cue_verb(verb.head, lex):
        return None  # 'Commenting on his case, he said: “…”': one speech event, its words come with the cue
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i > verb.i and cue_lemma(verb) in topics.get(prep.lower_, ()):
            obj = first(prep.children, ("pobj", "pcomp"))
            if obj is not None and obj.ent_type_ not in _WHEN and obj.lemma_.lower() not in lex.speaking_terms:
                return trim_span(_subtree_span(obj))  # not 'reported on Tuesday', 'spoke on condition of …'
    return None


def _passive_subject_content(verb: Token, lex: Lexicon) -> Span | None:
    """The issue was first reported by The Post; a curfew was announced: the passive subject is what was said."""
    subj = first(verb.children, ("nsubjpass",))
    if subj is None or subj.pos_ == "PRON" or cue_lemma(verb) not in lex.object_content_verbs:
        return None
    return trim_span(_subtree_span(subj))


def _hung_before_host(verb: Token, lex: Lexicon) -> bool:
    """'If anything, Ash argued, the incident is …': a cue set off by commas, with no object of its own (the
    person told is none), that the parser made the complement of the clause after it, or an adverbial clause
    with no subordinator ('…, the former executive told The Post, Fiorina would lead …'); not the complement of a
    cue: '…, sources said' reports the clause before."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    subj = first(verb.children, ("nsubj",))
    # a comma, not a subordinator, right before its subject ('Hours before Trump and Putin spoke, …' is a time;
    # 'I never thanked him for that, so …' opens its sentence)
    unmarked = verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") and subj is not None \
        and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text == ","
    return ((verb.dep_ == "ccomp" or unmarked) and verb.head.i > verb.i and after < len(doc)
            and doc[after].text == "," and not is_cue_verb(verb.head, lex) and not _negated(verb, lex)
            and not any(c.dep_ in _OWN_CONTENT and not _trailing(c, verb, lex) for c in verb.children))


def _parenthetical_content(verb: Token, lex: Lexicon) -> list[Span] | None:
    """Climate change, Mr. Obama often says, is the greatest threat: the host clause around the cue."""
    hung = _hung_before_host(verb, lex)
    if verb.dep_ != "parataxis" and not hung:
        return None
    host = verb.head
    if host.dep_ in ("aux", "auxpass", *SUBJECT_DEPS) and host.head.i != host.i:
        host = host.head  # 'The vote, officials said, was lost': the parser hung the cue on the auxiliary or subject
    if host.pos_ not in ("VERB", "AUX"):
        return None
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i + 1
    host_subject = [c for c in verb.lefts if c.dep_ == "nsubj"] if any(
        c.dep_ == "nsubj" and c.i > verb.i for c in verb.children) else []
    if host_subject:  # 'The only parts left, said the operators, were …': the parser gave the cue the host's subject
        left = host_subject[-1].right_edge.i + 1
    own_subject = first(verb.children, ("nsubj",))
    if hung and own_subject is not None and own_subject.i < verb.i:
        left = own_subject.left_edge.i  # the lead-in before the cue's subject ('If anything,') is the host's
    parts = [trim_span(doc[host.left_edge.i : left]), trim_span(doc[right : host.right_edge.i + 1])]
    parts = [p for p in parts if len(p)]
    return parts or None


def clause_without(head: Token, cut: Token) -> Span | None:
    """The clause of ``head`` minus the subtree of ``cut`` (an attribution phrase or clause) and any lead-in before
    the subject; where the cut sits mid-clause, the side that holds ``head`` ('Some 59 percent view her unfavorably,
    according to a poll last week - the same as …'), or the longer side when neither does."""
    doc = head.doc
    removed = {t.i for t in cut.subtree}
    tokens = [t for t in head.subtree if t.i not in removed]
    subj = first(head.children, ("nsubj", "nsubjpass", "expl"))
    if subj is not None:
        tokens = [t for t in tokens if t.i >= subj.left_edge.i]
    if not tokens:
        return None
    runs: list[list[Token]] = [[tokens[0]]]
    for t in tokens[1:]:
        if t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    best = next((run for run in runs if run[0].i <= head.i <= run[-1].i), None) or max(runs, key=len)
    return trim_span(doc[best[0].i : best[-1].i + 1])


def _comment_clause_content(verb: Token, lex: Lexicon) -> Span | None:
    """'As the mayor said last week, the bridge will open': a comment clause says the clause it comments on. Not
    when the cue has an object of its own ('As he said goodbye, she wept' tells when, not what)."""
    host = verb.head
    if verb.dep_ != "advcl" or host.pos_ not in ("VERB", "AUX") or cue_lemma(verb) not in lex.comment_verbs \
            or not any(c.dep_ == "mark" and c.lower_ in lex.comment_marks for c in verb.children):
        return None
    idiom = idiom_object(verb, lex)  # 'As Cornyn put it, …': the idiom's object is no content of its own
    if any(c.dep_ in _OWN_CONTENT and c != idiom for c in verb.children):
        return None
    return clause_without(host, verb)


def _trailing(tok: Token, verb: Token, lex: Lexicon) -> bool:
    """An adjunct after a sentence-final cue, or the person a verb of telling spoke to ('…, Carter told a panel')."""
    return tok.dep_ in _TRAILING_ADJUNCTS or (tok.dep_ in ("dobj", "dative") and cue_lemma(verb) in lex.listener_verbs)


def bare_cue(verb: Token, lex: Lexicon) -> bool:
    """A cue with nothing but a subject, adjuncts and the person spoken to ('Trump told reporters on Friday.'): what
    it says stands elsewhere."""
    return all(c.dep_ in SUBJECT_DEPS or c.dep_ in _LEAD_INS or c.dep_ == "aux" or _trailing(c, verb, lex)
               for c in verb.children)


def _scene_setting(verb: Token, span: Span, comma: int) -> bool:
    """Whether the words before a sentence-final cue end in its own adverbial, which sets the scene of the saying
    and reports nothing: they are all the cue's adverbials ('On Friday, the third day of his tour, he said.'), or the
    last opens a clause ('But when Congress cut funding, Mexico said enough.', '…, and though they speak no
    English, their smiles said a lot'). An adverbial the parser hung on the cue mid-phrase ('people with
    like-minded, if bogus, ideas …, she said') is neither."""
    lead_ins = [c for c in verb.lefts if c.dep_ in _LEAD_INS]
    inside = {t.i for c in lead_ins for t in c.subtree}
    if all(t.i in inside or t.is_punct or t.dep_ == "cc" for t in span):
        return True
    return any(c.right_edge.i == comma - 1 and _opens_clause(c, span.start) for c in lead_ins)


def _opens_clause(tok: Token, sent_start: int) -> bool:
    """Whether ``tok``'s phrase stands first in its clause: at the sentence start or after a conjunction (commas
    aside)."""
    before = [t for t in tok.doc[sent_start : tok.left_edge.i] if t.text != ","]
    return not before or before[-1].dep_ == "cc" or before[-1].text in (";", ":")


def _preposed_content(verb: Token, qx: DocIndex, lex: Lexicon) -> Span | None:
    """People like Scott, he said. / …, experts say. / …, Carter told a Senate panel. / …, said the chief executive.:
    the words before a sentence-final cue."""
    inverted = next((c for c in verb.rights if c.dep_ in SUBJECT_DEPS), None)
    # the nearest subject: a parse that gave the cue a second one took it from the words before the comma
    subj = None if inverted is not None else next((c for c in reversed(list(verb.lefts)) if c.dep_ in SUBJECT_DEPS),
                                                  None)
    if (subj is None and inverted is None) or verb.dep_ == "relcl" \
            or not all(c == inverted or _trailing(c, verb, lex) for c in verb.rights):
        return None  # '…, said the official, who spoke …': a relative clause reports nothing before it
    doc = verb.doc
    comma = subj.left_edge.i - 1 if subj is not None else before_verb_group(verb)
    sent_start = qx.sentence(verb).start
    if comma <= sent_start or doc[comma].text != ",":
        return None
    span = trim_span(doc[sent_start:comma])
    if any(is_cue_verb(a, lex) and span.start <= a.i < span.end for a in verb.ancestors):
        return None  # '… said that if Mr. Obama opted to make one, he should have insisted …': a report's content
    if _scene_setting(verb, span, comma):
        return None  # 'In a statement, the mayor said.', 'But when Congress cut funding, Mexico said enough.'
    return span if len(span) >= 2 else None


def verb_content(verb: Token, qx: DocIndex, lex: Lexicon) -> list[Span] | None:
    """The content spans of a cue verb, trying each construction in turn."""
    single = (_clausal_content(verb, lex) or _as_content(verb, qx, lex) or _naming_content(verb, lex)
              or _quoted_argument(verb, qx, lex) or _request_content(verb, lex) or _object_content(verb, lex)
              or _topic_content(verb, lex) or _pro_form_content(verb, qx, lex) or _passive_subject_content(verb, lex))
    if single is not None and len(single):
        return [single]
    if complement(verb, lex) is not None:
        return None
    other = _comment_clause_content(verb, lex) or _preposed_content(verb, qx, lex)
    return _parenthetical_content(verb, lex) or ([other] if other is not None and len(other) else None)
