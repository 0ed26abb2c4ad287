"""Small pure helpers over a parsed Doc: quote membership, noun phrases, subjects, cue tests."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from quotes._lexicon import Lexicon
from quotes._marks import ALL_MARKS, QuoteMark

__all__ = [
    "CLOSING_BRACKETS",
    "DASHES",
    "FINITE_TAGS",
    "NOMINAL_POS",
    "NOT_SPEAKERS",
    "OPENING_BRACKETS",
    "AdverbialPhrase",
    "DocIndex",
    "adverbial_source",
    "before_open_bracket",
    "before_verb_group",
    "can_speak",
    "channel_phrase",
    "cue_lemma",
    "has_particle",
    "idiom_clause",
    "idiom_object",
    "is_cue_verb",
    "medium_object",
    "medium_phrase",
    "noun_phrase",
    "opens_with_that",
    "participle_on_noun",
    "relative_antecedent",
    "speaker_of",
    "speaker_phrase",
    "stranded_subject",
    "subject_of",
    "trim_span",
    "without_determiner",
    "without_relative",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
_EDGE_PUNCT = frozenset(",.;:!?-–—()[]|*") | ALL_MARKS
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Tags of a finite verb: it has a tense, so it can head a clause of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Parts of speech that head a phrase able to be a subject ('others', 'one in four').
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "dep", "pcomp"})


class DocIndex:
    """Per-Doc look-up tables built in linear passes: quotes, characters, sentences and entities.

    spaCy's ``token.sent`` and ``doc.ents`` cost a pass over the whole Doc on each
    call; the passes ask them per token, so they ask here instead.
    """

    def __init__(self, doc: Doc, marks: Sequence[QuoteMark]) -> None:
        self.marks = [m for m in marks if m.level == 0]
        self._mark_ends = [m.end for m in self.marks]
        self.text = text = doc.text  # Doc.text is rebuilt from the tokens on each access: read it once
        self.sents = list(doc.sents)
        self._sent_starts = [s.start for s in self.sents]
        self.ents = list(doc.ents)
        self._ent_of = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        # Doc.text is its tokens with their whitespace, end to end: token i holds the characters up to token i + 1
        starts = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        widths = np.diff(np.append(starts, len(text)))
        self._char_token: list[int] = np.append(np.repeat(np.arange(len(doc)), widths), len(doc)).tolist()
        token_quote = np.full(len(doc), -1, dtype=np.int64)
        for qi in reversed(range(len(self.marks))):  # the first of two overlapping quotes keeps the token
            m = self.marks[qi]
            token_quote[np.searchsorted(starts, m.open) : np.searchsorted(starts, self._stop(m))] = qi
        self.token_quote: list[int] = token_quote.tolist()

    @staticmethod
    def _stop(m: QuoteMark) -> int:
        return (m.close if m.close is not None else m.end - 1) + 1

    def char_token(self, char: int) -> int:
        """Index of the token that holds (or follows) the character offset."""
        return self._char_token[min(char, len(self._char_token) - 1)]

    def inside(self, tok: Token) -> bool:
        """True for tokens in a quote's words or on its marks."""
        return self.token_quote[tok.i] >= 0

    def quotes_in(self, start: int, end: int) -> list[int]:
        """Indices of top-level quotes that overlap the character range (they never overlap each other)."""
        found = []
        i = bisect_right(self._mark_ends, start)
        while i < len(self.marks) and self.marks[i].start < end:
            found.append(i)
            i += 1
        return found

    def sentence(self, tok: Token) -> Span:
        """The sentence that holds ``tok``."""
        return self.sents[bisect_right(self._sent_starts, tok.i) - 1]

    def sentence_number(self, tok: Token) -> int:
        """Position of the sentence that holds ``tok``."""
        return bisect_right(self._sent_starts, tok.i) - 1

    def entity(self, tok: Token) -> Span | None:
        """The named entity ``tok`` belongs to, if any."""
        return self._ent_of.get(tok.i)


def cue_lemma(tok: Token) -> str:
    """Lower-case lemma, with the few participles the tagger leaves unlemmatised."""
    return (tok.lemma_ or tok.text).lower()


def is_cue_verb(tok: Token, lex: Lexicon) -> bool:
    """A verb of the cue lexicon used as a verb (not 'said document', 'say, a dozen')."""
    if not tok.tag_.startswith("VB") or tok.dep_ in ("amod", "intj", "compound"):
        return False
    lemma = cue_lemma(tok)
    if lemma in lex.cue_verbs or (lemma in lex.object_idioms and idiom_object(tok, lex) is not None) \
            or (lemma in lex.particle_idioms and _idiom_particle(tok, lex)) \
            or (lemma in lex.clause_idioms and idiom_clause(tok, lex) is not None):  # idioms: a few verbs only
        return True
    # 'the letter reads', 'the report found': document verbs speak only through a document subject; with no
    # subject, the document right after the verb is one inverted ('“…,” read the statement')
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        subj = next((c for c in tok.rights if c.dep_ == "dobj" and c.left_edge.i == tok.i + 1), None)
    return lemma in lex.document_verbs and subj is not None and subj.lemma_.lower() in lex.document_subjects


def _idiom_particle(verb: Token, lex: Lexicon) -> bool:
    """The particle that makes a verb a speech verb ('“…,” he went on', 'fired back: “…”'), with no object or phrase
    that makes it another ('went on to win', 'the talks went on for hours')."""
    return has_particle(verb, lex.particle_idioms) \
        and not any(c.dep_ in ("dobj", "xcomp", "prep", "attr", "acomp") for c in verb.children)


def has_particle(verb: Token, particles: Mapping[str, frozenset[str]]) -> bool:
    """The verb has, after it, one of the particles ``particles`` lists for its lemma ('went on', 'pointed out'; the
    parser tags some as adverbs: 'fired back')."""
    words = particles.get(cue_lemma(verb), frozenset())
    return bool(words) and any(c.dep_ in ("prt", "advmod") and c.lower_ in words and c.i > verb.i
                               for c in verb.children)


def idiom_object(verb: Token, lex: Lexicon) -> Token | None:
    """The fixed object that makes a verb a speech verb ('as she put it', 'put it bluntly'). Not with a particle
    ('put it off') or, outside an 'as' clause, a prepositional phrase ('put it on the table'): another verb."""
    objects = lex.object_idioms.get(cue_lemma(verb))
    if not objects or any(c.dep_ == "prt" for c in verb.children):
        return None
    if any(c.dep_ == "prep" for c in verb.children) and not any(c.dep_ == "mark" and c.lower_ in lex.comment_marks
                                                                 for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in objects), None)


def can_speak(head: Token, lex: Lexicon) -> bool:
    """A person, group or organisation ('the State Department', 'officials'), not 'the exchange' or 'a report'."""
    people = lex.people
    lemma = head.lemma_.lower()
    return head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.pos_ == "PRON" or any(
        lemma in heads for heads in (people.person_roles, people.anonymous_heads, people.group_heads,
                                     people.organization_heads))


def idiom_clause(verb: Token, lex: Lexicon) -> Token | None:
    """The 'that' clause of a support verb whose object or predicate makes it a speech verb ('made it clear that
    …', 'made the point that …'), hung on the verb or on that word."""
    words = lex.clause_idioms.get(cue_lemma(verb))
    word = next((c for c in verb.children if c.dep_ in ("dobj", "oprd", "ccomp", "acomp")
                 and c.lemma_.lower() in words), None) if words else None
    if word is None:
        return None
    return next((c for t in (word, verb) for c in t.rights if c.dep_ in ("ccomp", "advcl", "acl", "relcl")
                 and c.i > word.i and opens_with_that(c)), None)


def opens_with_that(clause: Token) -> bool:
    """The clause is opened by the complementizer 'that' ('said that …', 'the claim that …')."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _participle_speaker_head(verb: Token, lex: Lexicon) -> Token | None:
    """'…, adding that …' hanging inside a reported clause speaks for the nearest cue verb above it that says
    something: in 'said that the candidate was not contradicting …, noting that …' the one noting is the one who
    said, as a negated cue says nothing to go on with."""
    if not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp") and is_cue_verb(verb, lex)):
        return None
    for anc in verb.ancestors:
        if is_cue_verb(anc, lex) and any(c.dep_ in SUBJECT_DEPS for c in anc.children) \
                and not any(c.dep_ == "neg" for c in anc.children):
            return anc
    return None


def _fallback_subject(verb: Token) -> Token | None:
    """A name left of the verb that the parser failed to label as subject ('Trump, going back …, insisted')."""
    for child in verb.lefts:
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            subj = next((c for c in child.lefts if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj  # 'Trump, going back to …, insisted': the parser gave Trump to the participle
        if child.dep_ in ("advcl", "npadvmod", "dep", "nmod", "appos") and (
            child.pos_ in ("PROPN", "NOUN") or child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        ) and not child.tag_.startswith("VB") and child.ent_type_ not in NOT_SPEAKERS:
            return child
    return None


#: Brackets as tokens: what they enclose is an aside ('Sen. Smith (D-Conn.)').
OPENING_BRACKETS = frozenset({"(", "["})
CLOSING_BRACKETS = frozenset({")", "]"})

#: Dashes as tokens (the normalized view turns the horizontal bar into an em dash).
DASHES = frozenset({"-", "--", "—", "–"})


def before_verb_group(verb: Token) -> int:
    """Index of the token before ``verb`` and its own auxiliaries, negation and adverbs ('had not yet said'); -1
    at the start of the Doc."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    return i


def _before_parenthetical(verb: Token) -> Token | None:
    """'Mr Yushchenko - keen to reassure investors - had said …': the name right before a parenthetical the parser
    tangled, when nothing else gives the verb a subject."""
    doc = verb.doc
    i = before_verb_group(verb)
    if i < 2 or doc[i].text not in _BREAKS or (not doc[i - 1].whitespace_ and doc[i].text in DASHES):
        return None
    close = doc[i]
    for j in range(i - 1, 0, -1):
        if doc[j].is_sent_start:
            return None
        if doc[j].text == close.text or (close.text in DASHES and doc[j].text in DASHES and doc[j].whitespace_):
            name = doc[j - 1]
            return name if name.pos_ in ("PROPN", "PRON") and name.ent_type_ not in NOT_SPEAKERS else None
    return None


def medium_object(verb: Token, lex: Lexicon) -> Token | None:
    """The medium noun a participle hangs on when a verb's object: 'issued a statement saying …'."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" and head.lemma_.lower() in lex.channel_nouns \
            and head.head.pos_ in ("VERB", "AUX"):
        return head
    return None


def stranded_subject(verb: Token) -> Token | None:
    """'… claimed X was a leader but his lawyer, Antony Townsden, told …': a coordinated clause whose subject
    the parser hung on the clause before as a conjunct; it ends right before the verb, after 'but'/'and'. Also a
    subjectless verb that reports a clause, made the complement of the cue before it ('Many said they will not
    attend the convention and others said …')."""
    doc = verb.doc
    hung = verb.dep_ == "ccomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
        and any(c.dep_ == "ccomp" for c in verb.children)
    if not (verb.dep_ == "conj" or hung) or doc[verb.i - 1].dep_ == "cc":
        return None  # '… protesters and police and said …': the 'and' coordinates the verb, not a new subject
    for i in range(verb.i - 1, verb.head.i, -1):
        tok = doc[i]
        if tok.dep_ == "conj" and tok.pos_ in NOMINAL_POS and tok.head.i < i \
                and tok.right_edge.i >= verb.i - 2 and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].dep_ == "cc":
            return tok
    return None


def _object_controller(verb: Token) -> Token | None:
    """'forced Stumpf to admit that …': an infinitive that reports a clause is spoken by its head's object.

    Only with a clause: 'urging employees to report violations' is no record for lack of a speaker.
    """
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
            or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    obj = first(verb.head.children, ("dobj",))
    return obj if obj is not None and obj.i < verb.i else None


def _fronted_participle_subject(subj: Token, verb: Token) -> Token | None:
    """'Adding another layer of intrigue, Melania Trump's office confirmed …': the parser made the participle
    clause the subject and hung the real subject on it as an appositive right before the verb."""
    if subj.dep_ != "csubj" or subj.tag_ != "VBG":
        return None
    return next((t for t in subj.subtree if t.dep_ == "appos" and t.right_edge.i >= verb.i - 2
                 and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","), None)


def subject_of(verb: Token, lex: Lexicon, depth: int = 3) -> Token | None:
    """The subject of ``verb``; participles and conjuncts inherit their head clause's subject. Of two subjects the
    parser gave a sentence-final cue, the last ('people with … ideas to organize …, she said.')."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        child = subjects[-1] if all(c.is_punct for c in verb.rights) else subjects[0]
        return _fronted_participle_subject(child, verb) or child
    outer = _participle_speaker_head(verb, lex)
    if outer is not None:
        return subject_of(outer, lex, depth - 1) if depth else None
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = [g for g in child.children if g.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    stranded = stranded_subject(verb)
    if stranded is not None:
        return stranded
    controller = _object_controller(verb)
    if controller is not None:
        return controller
    if depth and verb.dep_ in _INHERIT_DEPS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.pos_ in ("ADP", "SCONJ") and head.head.i != head.i:
            head = head.head  # 'by telling them that …', 'aside from saying …': the verb the preposition hangs on
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, lex, depth - 1)
    medium = medium_object(verb, lex)
    if medium is not None and depth:
        return subject_of(medium.head, lex, depth - 1)  # 'The White House issued a statement saying …'
    if (verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBD")) and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # a finite verb the parser hung on the noun before it is that noun's ('a man yelled “…”')
    return _fallback_subject(verb) or _before_parenthetical(verb)


def relative_antecedent(tok: Token, lex: Lexicon) -> Token | None:
    """The noun a relative pronoun stands for: 'a staffer who told …' → staffer; a personal one the parser hung on
    the object of a noun's preposition stands for that noun ('an expert on code-breaking, who has confirmed …')."""
    if tok.lower_ not in lex.function_words.relative_pronouns or tok.head.dep_ != "relcl" \
            or tok.head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = tok.head.head
    if tok.tag_ == "WP" and not can_speak(noun, lex):
        holder = _preposition_holder(noun)
        if holder is not None and can_speak(holder, lex):
            return holder
    return noun


def _preposition_holder(noun: Token) -> Token | None:
    """The noun whose preposition ``noun`` is the object of, up a chain of them ('expert on the history of X')."""
    holder = noun
    while holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.head.pos_ in ("NOUN", "PROPN"):
        holder = holder.head.head
    return holder if holder.i != noun.i else None


def speaker_of(verb: Token, lex: Lexicon) -> Span | None:
    """The noun phrase that speaks through ``verb``: not the subject of a passive, not 'it'/'there'."""
    words = lex.function_words
    subj = subject_of(verb, lex)
    if subj is None or (subj.dep_ == "nsubjpass" and subj.head.i == verb.i):
        return None  # 'was described as': the subject is what was described, not who spoke
    if relative_antecedent(subj, lex) is not None:
        return subj.doc[subj.i : subj.i + 1]  # 'a staffer who told …': 'who' speaks; resolution finds the staffer
    if subj.lower_ in words.non_speaker_subjects and subj.dep_ != "pobj":
        return None
    return _before_channel(speaker_phrase(subj), subj, lex)


def _before_channel(span: Span, head: Token, lex: Lexicon) -> Span:
    """'Trump in a statement said …', 'The senator in an interview with CNN said …': a channel phrase the parser
    hung on the speaker is the clause's, not part of the name (lexicon channel_prepositions, channel_nouns)."""
    prep = next((c for c in head.rights if channel_phrase(c, lex)), None)
    return trim_span(span.doc[span.start : prep.i]) if prep is not None and span.start < prep.i < span.end else span


def channel_phrase(prep: Token, lex: Lexicon) -> bool:
    """'in a statement', 'in an interview with CNN', 'on Twitter': a channel preposition with a channel or interview
    noun or a platform."""
    obj = first(prep.children, ("pobj",)) if prep.dep_ == "prep" and prep.lower_ in lex.channel_prepositions else None
    if obj is None:
        return False
    lemma = obj.lemma_.lower()
    return lemma in lex.channel_nouns or lemma in lex.chains.interview_nouns or obj.lower_ in lex.platforms


def _restrictive(clause: Token, participles: bool) -> bool:
    """A relative clause (or participle, when ``participles``) not set off by a comma, dash or bracket restricts
    its noun and names the speaker with it ('a historian who attended the session', 'the experts I interviewed',
    'those surveyed', 'a report released in September by …'); 'Joseph, who has four children,' adds, and a
    clause opened by a complementizer is no relative clause ('a lawsuit | that the rule was illegal')."""
    relative = clause.dep_ == "relcl" and clause.left_edge.dep_ != "mark"
    return (relative or (participles and _participle_clause(clause))) and not _set_off(clause)


def _participle_clause(tok: Token) -> bool:
    """A participle the parser hung on a noun as a clause ('those surveyed', 'a report released …')."""
    return tok.dep_ == "acl" and participle_on_noun(tok)


def _set_off(clause: Token) -> bool:
    """A comma, dash, bracket or line break (or nothing) stands before the clause."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i else None
    return before is None or before.is_punct or before.is_space


def without_relative(span: Span) -> Span:
    """The phrase before its first relative clause or participle: who a mention names, without what the clause
    says of them ('a report released by the National Academy' is a report)."""
    cut = min((t.left_edge.i for t in span if (t.dep_ == "relcl" or _participle_clause(t))
               and span.start <= t.head.i < t.left_edge.i
               and t.left_edge.dep_ != "aux"), default=span.end)  # 'Alliance to Reclaim Our Schools' is a name
    return trim_span(span.doc[span.start : cut]) if cut > span.start else span


def participle_on_noun(tok: Token) -> bool:
    """'Mr Clarke, writing in The Times, …', 'Trump, speaking to reporters, …': a participle hanging on a noun
    phrase, whatever label the parser gave it (apposition, clause, or none)."""
    return tok.dep_ in ("appos", "acl", "advcl", "dep") and tok.tag_ in ("VBG", "VBN")


def _excluded(head: Token, participles: bool) -> set[int]:
    """Tokens of clauses hanging off a noun phrase (non-restrictive relative clauses, participles unless restrictive
    and ``participles``, appositive participles)."""
    out: set[int] = set()
    kept: set[int] = set()  # a restrictive relative clause stays whole: 'veterans who have come to work with him'
    for tok in head.subtree:
        if tok.i in kept or tok.i in out or tok.i <= head.i:
            continue
        participle = participle_on_noun(tok)
        if _time_adjunct(tok, head):
            out.update(t.i for t in tok.subtree)  # 'Trump on Sunday said': the parser hung the time on the name
        elif _restrictive(tok, participles):
            kept.update(t.i for t in tok.subtree)
        elif tok.dep_ in _CLAUSE_DEPS or participle:
            out.update(t.i for t in tok.subtree)
    return out


def _time_adjunct(tok: Token, head: Token) -> bool:
    """A preposition on the phrase's head whose object is a date or time ('on Sunday'): the clause's, not the name's."""
    obj = first(tok.children, ("pobj",)) if tok.dep_ == "prep" and tok.head == head else None
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


_BREAKS = DASHES | {","}


def _lead_in_end(head: Token, start: int) -> int:
    """Where the phrase starts after a lead-in the parser gave it: 'In the days before the election, Minyon
    Moore', 'WASHINGTON -- President Obama'; a hyphen glued to a word ('D.C.-based') is no break."""
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].text in _BREAKS and (doc[i].text == "," or doc[i - 1].whitespace_):
            own = any(t.head.i == head.i and t.dep_ in ("det", "poss") for t in doc[start:i])
            return start if own else i + 1  # 'A Washington, D.C.-based think tank': its article stands before
    return start


def _kept_adverb(tok: Token) -> bool:
    """'Nearly eight of 10 voters', 'Only 52 percent', 'Almost half': an adverb that modifies a number or amount,
    or a modifier after it in the phrase, stays in the phrase; so does the 'both' of 'both X and Y'."""
    head = tok.head
    return tok.dep_ == "preconj" or head.like_num or head.dep_ in ("nummod", "quantmod") \
        or head.ent_type_ in ("CARDINAL", "PERCENT") \
        or (head.pos_ in ("ADV", "ADJ") and head.i > tok.i)


def speaker_phrase(head: Token) -> Span:
    """The noun phrase that names a speaker, with a participle that restricts it as a relative clause would
    ('those surveyed', 'a report released in September by the Academy'); a document or channel phrase ends
    before one ('a letter from the Legion | obtained by the AP'), which names a hop of its own."""
    return noun_phrase(head, participles=True)


def noun_phrase(head: Token, participles: bool = False) -> Span:
    """The noun phrase headed by ``head`` without trailing clauses (but restrictive relative clauses, and
    restrictive participles when ``participles``) or edge punctuation."""
    doc = head.doc
    excluded = _excluded(head, participles)
    start = _lead_in_end(head, head.left_edge.i)
    while start < head.i and ((doc[start].pos_ in ("ADV", "CCONJ", "PUNCT", "SCONJ") and not _kept_adverb(doc[start]))
                              or doc[start].is_space):
        start += 1  # 'Later Smith said': the adverb is not part of the name
    end = start
    for tok in doc[start : head.right_edge.i + 1]:
        if tok.i in excluded or (tok.i > head.i and tok.text == "," and _clause_follows(tok, excluded)):
            break
        end = tok.i + 1
    while end > head.i + 1 and doc[end - 1].dep_ == "case":
        end -= 1  # "Trump's statement": the possessor without its 's
    cut = before_open_bracket(doc, start, end)
    return trim_span(doc[start : cut if start < cut < end else max(end, head.i + 1)])


def before_open_bracket(doc: Doc, start: int, end: int) -> int:
    """The end of a phrase cut inside a bracket it opens ('Sen. Chris Murphy (a Democrat so boyish he …', where the
    parser made 'boyish' the head) moved before the bracket; a closed bracket ('Sen. Smith (D-Conn.)') stays."""
    depth, opened = 0, end
    for tok in doc[start:end]:
        if tok.text in OPENING_BRACKETS:
            depth, opened = depth + 1, (tok.i if depth == 0 else opened)
        elif tok.text in CLOSING_BRACKETS and depth:
            depth -= 1
    return opened if depth else end


def _is_time(tok: Token) -> bool:
    """A time word or adverb after a noun ('last week', 'earlier', 'in 1996', 'on Sunday')."""
    if tok.dep_ == "prep":
        obj = first(tok.children, ("pobj",))
        return obj is not None and obj.ent_type_ in ("DATE", "TIME")
    return tok.ent_type_ in ("DATE", "TIME") or tok.dep_ in ("advmod", "npadvmod")


def medium_phrase(head: Token) -> Span:
    """A noun phrase naming a medium, cut before the time or adverb after its head ('a … essay last week')."""
    span = noun_phrase(head)
    for child in head.rights:
        if child.i < span.end and _is_time(child):
            return trim_span(span.doc[span.start : child.left_edge.i])
    return span


def _clause_follows(comma: Token, excluded: set[int]) -> bool:
    nxt = comma.nbor(1) if comma.i + 1 < len(comma.doc) else None
    return nxt is None or nxt.i in excluded


def without_determiner(text: str, words: frozenset[str]) -> str:
    """'the Kremlin' → 'Kremlin': a leading determiner from ``words`` is no part of a name."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in words else text


def trim_span(span: Span) -> Span:
    """Drop edge punctuation and white space from a span; a ')' closing a '(' inside it stays (the leading 'that'
    of a content is dropped by ``_content._without_mark``)."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT) and not _closes(doc, start, end):
        end -= 1
    return doc[start:end]


def _closes(doc: Doc, start: int, end: int) -> bool:
    """True when the last token is a ')' closing a '(' inside the span ('Sen. Lindsey Graham (R-S.C.)')."""
    return doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1])


def first(tokens: Iterable[Token], deps: Iterable[str]) -> Token | None:
    """The first of ``tokens`` whose dependency label is one of ``deps``."""
    wanted = set(deps)
    return next((t for t in tokens if t.dep_ in wanted), None)


@dataclass(frozen=True)
class AdverbialPhrase:
    """'according to X', 'per X', 'in the words of X': the phrase, its syntactic root, the source, the hop."""

    span: Span
    root: Token
    source: Token
    relation: str


_PAUSES = frozenset(",(—–-:")


def adverbial_source(tok: Token, lex: Lexicon) -> AdverbialPhrase | None:
    """The prepositional attribution that starts at ``tok``, with the object of its last word as source."""
    doc = tok.doc
    for phrase in lex.adverbial_by_first.get(tok.lower_, ()):
        end = tok.i + len(phrase.words)
        if end > len(doc) or not all(doc[tok.i + k].lower_ == w for k, w in enumerate(phrase.words[1:], 1)):
            continue
        before = doc[tok.i - 1] if tok.i else None
        if phrase.after_pause and not (before is None or before.text in _PAUSES or tok.is_sent_start):
            continue
        source = first(doc[end - 1].children, ("pobj",))
        if source is not None and source.lemma_.lower() not in lex.conformity_objects:  # 'according to plan'
            return AdverbialPhrase(doc[tok.i : end], doc[tok.i : end].root, source, phrase.relation)
    return None
