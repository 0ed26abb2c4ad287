"""Parse repairs made before the passes read the parse.

The small model often hangs a second verb phrase of the reporting clause on the
reported clause: in "Trump said he would order a review and warned against
hackers" it reads *warned* as a conjunct of *order*, so the content of *said*
swallows a second attribution and *warned* speaks for *he*. A finite verb
cannot share the auxiliary of a non-finite one (*would … warned*), so such a
conjunct belongs to the reporting verb of the same form; it is re-attached
there, and every pass then reads two attributions. The same holds for an
infinitive on a noun ("for her refusal to use the term and called for …"): the
conjunct goes up to the nearest verb of its own form. A verb of going on speaking
("said it was too early but added, …") is re-attached the same way: it
continues the reporting verb, not the reported clause.

After a long parenthetical ("The nominee continues to insist, most recently in
an interview with ABC News, that he wants to release his taxes") it may make the
*that* clause the root of the sentence and the reporting clause its complement.
A clause opened by a complementizer is never a sentence's root; the reporting
clause is made the root again and the *that* clause its complement.

After a long opening phrase ("while on the trail for his wife Hillary Clinton,
former president Bill Clinton said …") it may hang the speaker's name as an
apposition or conjunct of a noun before it and leave the cue with no subject. A
finite cue verb has a subject; the name right before it (or before a comma-set
participle clause of the cue: "Texas, leading a coalition of 13 states, asked
…", or before its own apposition: "Patrick F. Kennedy, the undersecretary for
management, wrote") is made that subject; so is a determined noun that can speak
("Speaking to Le Monde, a senior French diplomat said …").

A word written with a hyphen is one word: the parser may hang its first part elsewhere ("co-host Mika
Brzezinski said", with *co* a second subject), or make it the head of the clause ("how Mr. Cruz has
de-emphasized …", with the subject on *de*); the first part is made a compound of the last, which takes the
first part's place when it had one. A stranded name may also stand before its bracketed aside ("…, Gov. John
Kasich (R-OH), said"), and what the parser read as the apposition of a name inside a fronted phrase ("In
addition to Mr. Regalado, two Republican members of Congress …, have said") is the subject.

A participle of speech set off by a comma ("rejected the notion that …, saying
that …") is a supplementive clause of the clause before it (Quirk et al., A
Comprehensive Grammar of the English Language, ch. 15, supplementive clauses):
its subject is that clause's subject. The parser often hangs it on the last
noun of the predicate as a modifier; it is re-attached to the noun's verb as an
adverbial clause. A medium noun ('issued a statement, saying …') keeps its
participle, and so does a subject ('Trump, speaking to veterans, said').

A parenthetical cue ("These employees, Stumpf explained, were well paid") may
come out as the root, the host clause's subject as its adverbial and the host
verb as its conjunct with no subject. The host verb is made the root again,
with its subject, and the cue a parenthetical (parataxis) of it.

A relative clause with no relative pronoun ("Nothing the senator said was true",
"The plan the mayor announced will cost millions"; Quirk et al., ch. 17, zero
relatives) ends with its verb, whose object is the gap. The parser may take the
main clause for that verb's complement and the antecedent for the root, so the
speaker seems to say "was true". The complement is made the root again, with
the antecedent as its subject.

A clause right after a verb of telling and its listener ("after Trump told The
Washington Post he was not quite there yet", "with McCain telling reporters on
Thursday he viewed Obama as responsible") is that verb's complement with *that*
left out: nothing links it to anything else, and English joins two clauses with
a coordinator or a comma. The parser may hang it on the sentence root, or make
it the host of the telling clause; it is made the telling verb's complement.

A clause has one subject. When the parser gives a root two ("Multiple outlets
reported on Wednesday the Secret Service had …") and the first is followed by a
cue verb it read as a participle modifying it, that verb is the reporting verb:
it is made the root, the first subject its subject and the old root its
complement.

A finite verb phrase with a subject, set before a subjectless root by a comma
and no conjunction ("Trump summed up Clinton as terrible, denounced her record
and said …", with *Trump* tagged a verb; "Kasich offered the man a job, then
says …"), is no adverbial clause (those open with a subordinator) and no
complement of a verb that has no subject. It is the first of coordinated verb
phrases; it is made the root and the old root its conjunct, so every verb of
the list shares its subject. A quote stays the complement of the cue after it
("“…,” Flynn, a top surrogate, said"). A verb of speaking coordinated in a
reported clause whose subject is the dummy *there* ("said there are two from
each district … but said the outcome was open") continues the reporting verb,
as *there* says nothing; so does one in a reported clause whose subject is a
common noun that cannot speak ("has said that dance music is not dead, but has
admitted it is …").

A verb of documents after a document noun at the end of a clause ("“…,” the
email read.") may be tagged the last noun of a compound (*email read*); it is
made a verb again, with the document as its subject.

A sentence never opens with a comma, nor ends with one inside its quote marks.
The segmenter sometimes cuts a bare reporting clause off the sentence it
reports ("Those who take on heavy debt struggle, even with a good job, | he
said.", "The event “was … the ringleader,’” | Sexton said."); the root of the
words before it, which end in no full stop, is made the cue's complement, and
the two are one sentence again.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import DEP, LEMMA, ORTH, TAG
from spacy.tokens import Doc, Token

from quotes._lexicon import Lexicon
from quotes._syntax import (
    CLOSING_BRACKETS,
    FINITE_TAGS,
    NOT_SPEAKERS,
    before_verb_group,
    can_speak,
    cue_lemma,
    is_cue_verb,
    medium_object,
)

__all__ = ["repair_parse"]

_ROOT = frozenset({"ROOT"})

#: Penn tags of the verb forms that need an auxiliary or 'to' to head a clause.
_NON_FINITE = frozenset({"VB", "VBN", "VBG"})
#: Dependencies of a reported clause on the verb that reports it.
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Marks that end a sentence.
_FULL_STOPS = frozenset(".!?")
#: Dependencies of the coordinator and comma between two conjuncts.
_LINKS = frozenset({"cc", "punct"})


def _having(doc: Doc, attr: int, values: Iterable[str]) -> list[Token]:
    """The tokens whose dependency label, tag, lemma or text is one of ``values``, found on one array: each repair
    reads only its few candidates, not every token of the Doc."""
    column = doc.to_array(attr)
    mask = np.zeros(len(column), dtype=bool)
    for value in values:  # a few values: one comparison each is cheaper than np.isin's sort
        mask |= column == doc.vocab.strings.add(value)
    return [doc[int(i)] for i in np.flatnonzero(mask)]


def _misattached_to(conj: Token, lex: Lexicon) -> Token | None:
    """The verb ``conj`` coordinates with when its parsed head cannot share its form (the finite verb of the same
    tag whose complement that head is), or when it goes on speaking ('said the bridge was safe but added that …':
    the reporting verb, not the reported clause's verb, is what a verb of continuing continues)."""
    head = conj.head
    if conj.dep_ != "conj" or any(c.dep_ in _SUBJECTS for c in conj.children):
        return None
    if conj.tag_ in FINITE_TAGS and head.tag_ in _NON_FINITE and head.dep_ in (*_COMPLEMENTS, "acl"):
        # 'went after Clinton for following Obama's refusal to use the term and called for …': up to the finite
        # verb of the same form
        return next((a for a in head.ancestors if a.tag_ == conj.tag_ and a.i < head.i), None)
    outer = head.head
    if head.dep_ not in _COMPLEMENTS or outer.i >= head.i:
        return None
    continues = cue_lemma(conj) in lex.continuation_verbs and not is_cue_verb(head, lex)
    # 'said there are two from each district … but said the outcome was open': 'there' says nothing, and neither
    # does a subject that cannot speak ('has said that dance music is not dead, but has admitted it is …')
    mute = is_cue_verb(conj, lex) and any(
        (c.dep_ == "expl" and outer.tag_ == conj.tag_)
        or (c.dep_ in _SUBJECTS and c.pos_ == "NOUN" and not can_speak(c, lex))  # any form: 'claims … and has vowed'
        for c in head.children)
    # 'told ABC that he agrees … and said …', 'telling CNN that Trump is a "faker" and questioning how …': a cue in
    # the reporting verb's form, not the reported verb's, coordinates with the reporting verb
    same_form = is_cue_verb(conj, lex) and conj.tag_ == outer.tag_ != head.tag_ \
        and not any(c.dep_ in ("aux", "auxpass") for c in conj.children)
    return outer if (continues or mute or same_form) and is_cue_verb(outer, lex) else None


def repair_parse(doc: Doc, lex: Lexicon) -> Doc:
    """All twelve repairs, in place; the Doc is returned for chaining."""
    doc = _join_hyphenated_words(doc)
    doc = _raise_reporting_participles(_raise_first_conjuncts(_raise_fronted_reports(doc, lex)), lex)
    doc = _attach_stranded_names(_reattach_conjuncts(doc, lex), lex)
    doc = _lower_parenthetical_roots(_raise_supplementive_participles(doc, lex), lex)
    doc = _attach_told_clauses(_raise_main_clauses_after_contact_relatives(doc, lex), lex)
    return _join_cut_off_reports(_verbs_after_documents(doc, lex), lex)


def _fronted_report(root: Token, lex: Lexicon) -> Token | None:
    """The reporting clause the parser hung under a root that opens with a complementizer: a complement before
    the root (the whole report sits in front of the 'that' clause)."""
    if root.dep_ != "ROOT" or not any(c.dep_ == "mark" and c.lower_ in lex.function_words.complementizers
                                      for c in root.children):
        return None
    return next((c for c in root.lefts if c.dep_ == "ccomp"), None)


def _first_conjunct(root: Token) -> Token | None:
    """The finite verb phrase with a subject the parser made an adverbial clause or complement of a subjectless
    root, set apart by a comma and opened by no subordinator: the first of a list of verb phrases ('Kasich offered
    the man a job, then says he'll welcome advice')."""
    if root.dep_ != "ROOT" or root.tag_ not in FINITE_TAGS or any(c.dep_ in _SUBJECTS for c in root.children):
        return None
    first = next((c for c in root.lefts if c.dep_ in ("advcl", "ccomp")), None)
    if first is None or first.tag_ not in FINITE_TAGS or not any(c.dep_ in _SUBJECTS for c in first.children) \
            or any(c.tag_ in ("IN", "WRB", "WDT", "WP") and c.i < first.i for c in first.children):
        return None  # 'When he arrived, …', 'As she spoke, …': a subordinator opens an adverbial clause
    if first.dep_ == "ccomp" and any(t.tag_ in ("``", "''") for t in first.subtree):
        return None  # '“… our military,” Flynn, a top surrogate, said': a quote is the complement of its cue
    between = root.doc[first.right_edge.i + 1 : root.i]
    return first if any(t.text == "," for t in between) and not any(t.dep_ == "cc" for t in between) else None


def _raise_first_conjuncts(doc: Doc) -> Doc:
    """Make each such first verb phrase the root and the old root its conjunct."""
    for root, first in [(t, f) for t in _having(doc, DEP, _ROOT) if (f := _first_conjunct(t)) is not None]:
        first.head, first.dep_ = first, "ROOT"  # detach first: hanging the root below it at once is a cycle
        root.head, root.dep_ = first, "conj"
    return doc


def _reporting_participle(root: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(the cue, its subject) when ``root`` has two subjects and the first is followed by a cue verb the parser
    hung on it as a participle ('Multiple outlets reported on Wednesday | the Secret Service had …')."""
    subjects = [c for c in root.lefts if c.dep_ == "nsubj"]
    if root.dep_ != "ROOT" or len(subjects) < 2:
        return None
    noun = subjects[0]
    cue = next((c for c in noun.rights if c.dep_ == "acl" and c.i == noun.i + 1), None)
    if cue is None or cue.tag_ not in ("VBN", "VBD") or not is_cue_verb(cue, lex) \
            or cue.right_edge.i >= subjects[1].left_edge.i:
        return None
    return cue, noun


def _raise_reporting_participles(doc: Doc, lex: Lexicon) -> Doc:
    """Make each such cue the root, the first subject its subject and the old root its complement."""
    for root, (cue, noun) in [(t, found) for t in _having(doc, DEP, _ROOT)
                              if (found := _reporting_participle(t, lex)) is not None]:
        cue.head, cue.dep_ = cue, "ROOT"  # detach first: hanging the root below it at once is a cycle
        noun.head, noun.dep_ = cue, "nsubj"
        root.head, root.dep_ = cue, "ccomp"
    return doc


def _deepest_infinitive(verb: Token) -> Token:
    """'continues to insist': the verb at the end of a chain of infinitive complements, which takes the clause."""
    while (nxt := next((c for c in verb.rights if c.dep_ == "xcomp"), None)) is not None:
        verb = nxt
    return verb


def _raise_fronted_reports(doc: Doc, lex: Lexicon) -> Doc:
    """Make each fronted reporting clause the root again, its last infinitive taking the 'that' clause."""
    for root, report in [(t, r) for t in _having(doc, DEP, _ROOT) if (r := _fronted_report(t, lex)) is not None]:
        report.head, report.dep_ = report, "ROOT"  # detach first: hanging the root below it at once is a cycle
        root.head, root.dep_ = _deepest_infinitive(report), "ccomp"
    return doc


def _join_hyphenated_words(doc: Doc) -> Doc:
    """Make the first part of a word written with a hyphen (*co-host*, *de-emphasized*) a compound of the last,
    with the hyphen, when the parser hung it elsewhere; a first part the parser made a head ('how Cruz has
    de-emphasized …', with the subject on *de*) hands its place and its dependents to the last part."""
    for dash in _having(doc, ORTH, {"-"}):
        i = dash.i
        if not 0 < i < len(doc) - 1 or dash.whitespace_ or doc[i - 1].whitespace_:
            continue
        first, last = doc[i - 1], doc[i + 1]
        if not (first.is_alpha and last.is_alpha) or first.head.i == last.i or first.is_ancestor(last) \
                or first.dep_ == "ROOT":
            continue
        dependents = [c for c in first.children if c.i != i]
        if dependents:
            if last.is_ancestor(first.head) or any(c.is_ancestor(last) for c in dependents):
                continue
            for child in dependents:
                child.head = last
            last.head, last.dep_ = first.head, first.dep_
        first.head, first.dep_ = last, "compound"
        if not dash.is_ancestor(last):
            dash.head, dash.dep_ = last, "punct"
    return doc


def _reattach_conjuncts(doc: Doc, lex: Lexicon) -> Doc:
    """Re-attach each misattached conjunct, with its coordinator, to the verb it coordinates with."""
    moves = [(tok, outer) for tok in _having(doc, DEP, {"conj"}) if (outer := _misattached_to(tok, lex)) is not None]
    for conj, outer in moves:
        head = conj.head
        last = max((t.i for t in head.rights if t.dep_ not in _LINKS and t.dep_ != "conj"), default=head.i)
        for link in [t for t in head.rights if t.dep_ in _LINKS and last < t.i < conj.i]:
            link.head = outer
        conj.head = outer
    return doc


def _stranded_name(verb: Token, lex: Lexicon) -> Token | None:
    """The name (or a speaker's description: ``_described_speaker``) right before a finite cue verb with no subject,
    set apart by a comma or conjunction and hung as an apposition or conjunct on a noun to its left."""
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children)
    if not finite or any(c.dep_ in _SUBJECTS for c in verb.children) or not is_cue_verb(verb, lex):
        return None
    doc = verb.doc
    i = _before_aside(_before_apposition(_before_participle(verb, before_verb_group(verb)), verb.doc), doc)
    name = doc[i] if i >= 0 else None
    while name is not None and name.dep_ == "conj" and name.head.pos_ == "PROPN" and name.head.i < name.i \
            and any(c.dep_ == "cc" for c in name.head.children):
        name = name.head  # 'Obama and Clinton call …': the first of coordinated names carries the others
    if name is None or not (name.pos_ == "PROPN" or _described_speaker(name, lex)) \
            or name.dep_ not in ("appos", "conj") or name.head.i > name.i or name.ent_type_ in NOT_SPEAKERS \
            or name.is_ancestor(verb):  # a cue inside the phrase ('a spokesman who …'): no loop in the tree
        return None
    before = doc[name.left_edge.i - 1] if name.left_edge.i else None
    if before is None or not (before.is_punct or before.dep_ == "cc"):
        return None  # 'police Chief Chuck Jordan': a name inside a longer phrase is not set apart from it
    return name


def _described_speaker(noun: Token, lex: Lexicon) -> bool:
    """'Speaking to Le Monde, a senior French diplomat said …': a determined noun that can speak, hung as an
    apposition on the name before it, is the speaker's description, not the name's."""
    return noun.pos_ == "NOUN" and noun.dep_ == "appos" and any(c.dep_ in ("det", "nummod") for c in noun.children) \
        and can_speak(noun, lex)


def _before_participle(verb: Token, i: int) -> int:
    """The token before a comma-set participle clause of ``verb`` that ends at ``i`` ('Texas, leading a coalition
    of 13 states, asked …'), else ``i``."""
    doc = verb.doc
    if i < 1 or doc[i].text != ",":
        return i
    clause = next((c for c in verb.lefts if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")
                   and c.right_edge.i == i - 1), None)
    start = clause.left_edge.i if clause is not None else 0
    return start - 2 if start >= 2 and doc[start - 1].text == "," else i


def _before_apposition(i: int, doc: Doc) -> int:
    """The name an apposition that ends at the comma ``i`` describes ('Patrick F. Kennedy, the undersecretary for
    management, wrote …'), else ``i``."""
    if i < 1 or doc[i].text != ",":
        return i
    desc = next((a for a in [doc[i - 1], *doc[i - 1].ancestors] if a.dep_ == "appos" and a.head.pos_ == "PROPN"
                 and a.head.i < a.i and a.right_edge.i == i - 1), None)
    if desc is None:
        return i
    # 'In addition to Mr. Regalado, two members of Congress, …, have said': a name inside a fronted phrase has no
    # apposition before the verb; the 'apposition' is the subject
    return desc.i if desc.head.dep_ == "pobj" else desc.head.i


def _before_aside(i: int, doc: Doc) -> int:
    """The name a bracketed aside ending at ``i`` (or at the comma after it) hangs on ('Gov. John Kasich (R-OH),
    said …'), else ``i``."""
    j = i - 1 if i >= 1 and doc[i].text == "," else i
    if j < 0 or doc[j].text not in CLOSING_BRACKETS or doc[j].head.pos_ != "PROPN":
        return i
    return doc[j].head.i


def _attach_stranded_names(doc: Doc, lex: Lexicon) -> Doc:
    """Make each stranded name the subject of the cue verb after it."""
    verbs = _having(doc, TAG, FINITE_TAGS | _NON_FINITE)  # 'have said': a finite group, its auxiliary finite
    for verb, name in [(t, n) for t in verbs if (n := _stranded_name(t, lex)) is not None]:
        name.head, name.dep_ = verb, "nsubj"
    return doc


def _supplementive_host(participle: Token, lex: Lexicon) -> Token | None:
    """The verb whose clause a comma-set participle of speech hung on a noun supplements."""
    if participle.dep_ != "acl" or participle.tag_ != "VBG" or not is_cue_verb(participle, lex):
        return None
    left = participle.left_edge.i
    if left == 0 or participle.doc[left - 1].text != "," or medium_object(participle, lex) is not None:
        return None
    noun = host = participle.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    # after the verb only: 'Trump, speaking to veterans, said …' describes the speaker, and the mention ends there
    return host if host.pos_ in ("VERB", "AUX") and host.i < noun.i else None


def _raise_supplementive_participles(doc: Doc, lex: Lexicon) -> Doc:
    """Re-attach each supplementive participle of speech to the verb of the clause it follows."""
    for participle, host in [(t, h) for t in _having(doc, DEP, {"acl"})
                              if (h := _supplementive_host(t, lex)) is not None]:
        participle.head, participle.dep_ = host, "advcl"
    return doc


def _parenthetical_root(root: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(host verb, its subject) when ``root`` is a cue set off by commas inside the host clause: a noun phrase, a
    comma and the cue's subject before it, and after it a conjunct verb with no subject."""
    if root.dep_ != "ROOT" or not is_cue_verb(root, lex):
        return None
    subj = next((c for c in root.lefts if c.dep_ in _SUBJECTS), None)
    front = next((c for c in root.lefts if c.dep_ in ("npadvmod", "dep") and c.pos_ in ("NOUN", "PROPN")
                  and c.ent_type_ not in NOT_SPEAKERS), None)  # not 'This week, the president declined …'
    host = next((c for c in root.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    if subj is None or front is None or host is None or front.i > subj.i \
            or root.doc[subj.left_edge.i - 1].text != "," or any(c.dep_ in _SUBJECTS for c in host.children):
        return None
    return host, front


def _lower_parenthetical_roots(doc: Doc, lex: Lexicon) -> Doc:
    """Make each parenthetical cue's host clause the root again, its subject and later words with it."""
    for root, host, front in [(t, *found) for t in _having(doc, DEP, _ROOT)
                              if (found := _parenthetical_root(t, lex)) is not None]:
        host.head, host.dep_ = host, "ROOT"  # detach first: hanging the cue below it at once is a cycle
        for tok in [c for c in root.children if c.i > host.i]:
            tok.head = host
        front.head, front.dep_ = host, "nsubj"
        root.head, root.dep_ = host, "parataxis"
    return doc


def _main_clause_after(relative: Token, lex: Lexicon) -> Token | None:
    """The main verb the parser hung on a zero relative cue ('Nothing the senator said | was true'): a complement
    with no subject of its own, right after the cue, whose antecedent is the sentence root."""
    noun = relative.head
    if relative.dep_ != "relcl" or noun.dep_ != "ROOT" or not is_cue_verb(relative, lex) \
            or not any(c.dep_ in _SUBJECTS for c in relative.children):
        return None
    comp = next((c for c in relative.rights if c.dep_ == "ccomp"), None)
    if comp is None or comp.left_edge.i != relative.i + 1 or any(c.dep_ in _SUBJECTS for c in comp.children):
        return None
    return comp


def _raise_main_clauses_after_contact_relatives(doc: Doc, lex: Lexicon) -> Doc:
    """Make each such main verb the root, the antecedent its subject, the relative clause staying on it."""
    for relative, main in [(t, m) for t in _having(doc, DEP, {"relcl"})
                           if (m := _main_clause_after(t, lex)) is not None]:
        noun = relative.head
        main.head, main.dep_ = main, "ROOT"  # detach first: hanging the noun below it at once is a cycle
        for tok in [c for c in relative.children if c.i > main.i]:
            tok.head = main  # the full stop
        noun.head, noun.dep_ = main, "nsubj"
    return doc


def _told_clause(verb: Token, lex: Lexicon) -> Token | None:
    """The clause with a subject of its own that starts right after a verb of telling, its listener and adjuncts,
    when the parser hung it elsewhere; not one opened by a conjunction other than 'that' ('told him because …')."""
    if cue_lemma(verb) not in lex.listener_verbs or not any(c.dep_ in ("dobj", "dative") for c in verb.rights) \
            or any(c.dep_ in _COMPLEMENTS for c in verb.children):
        return None
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after >= len(doc) or doc[after].is_punct or doc[after - 1].is_punct or doc[after].is_sent_start:
        return None  # a comma between ('While officials promised more staff for months, though, that …') links them
    clause = doc[after].head if doc[after].dep_ in _SUBJECTS else None
    if clause is None or clause.i < after or clause.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ == "mark" for c in clause.children) or verb.is_ancestor(clause):
        return None
    starts = [c.left_edge.i for c in clause.lefts if c.i != verb.i]
    return clause if min(starts, default=clause.i) == after else None


def _attach_told_clauses(doc: Doc, lex: Lexicon) -> Doc:
    """Make each such clause the telling verb's complement; a telling clause it hosted takes its place."""
    for verb, clause in [(t, c) for t in _having(doc, LEMMA, lex.listener_verbs)
                         if (c := _told_clause(t, lex)) is not None]:
        if verb.head.i == clause.i:  # 'after Trump told X | he was …': the telling clause hangs where the clause did
            verb.head = clause.head if clause.head.i != clause.i else verb
            if verb.head.i == verb.i:
                verb.dep_ = "ROOT"
        clause.head, clause.dep_ = verb, "ccomp"
    return doc


def _cut_off_report(root: Token, lex: Lexicon) -> Token | None:
    """The root of the sentence a bare reporting clause was cut from at its comma ('Those who take on debt
    struggle, even with a good job, | he said.', 'The event “was … ringleader,’” | Sexton said.'): no sentence
    opens with a comma or ends with one, and the words before the cut, which end in no full stop, are what the cue
    reports."""
    doc = root.doc
    start = root.left_edge.i
    if root.dep_ != "ROOT" or start == 0 or not is_cue_verb(root, lex) \
            or any(c.dep_ in _COMPLEMENTS for c in root.children):
        return None
    if doc[start].text != "," and not _after_comma_and_marks(doc, start):
        return None
    before = doc[start - 1]
    if before.is_space or before.text in _FULL_STOPS:
        return None  # a paragraph break, or a sentence that ended
    head = before
    while head.head.i != head.i:
        head = head.head
    return head


def _after_comma_and_marks(doc: Doc, start: int) -> bool:
    """The token before ``start`` closes a quote right after a comma ('… ringleader,’”'): the sentence before ends
    with a comma inside its marks."""
    k = start - 1
    while k > 0 and doc[k].tag_ == "''":
        k -= 1
    return k < start - 1 and doc[k].text == ","


def _join_cut_off_reports(doc: Doc, lex: Lexicon) -> Doc:
    """Make the root of each sentence cut off that way the reporting cue's complement, joining the two."""
    for cue, clause in [(t, c) for t in _having(doc, DEP, _ROOT) if (c := _cut_off_report(t, lex)) is not None]:
        clause.head, clause.dep_ = cue, "ccomp"
    return doc


def _document_verb_read_as_noun(tok: Token, lex: Lexicon) -> Token | None:
    """The document noun before a document verb the tagger read as the last noun of a phrase ('“…,” the email
    read.': *email read* as one noun): a root that ends its clause, a verb of documents by its lemma, right after a
    document noun that modifies it."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or not tok.tag_.startswith("NN") or tok.lemma_.lower() not in lex.document_verbs \
            or tok.i == 0 or any(not c.is_punct and not c.is_space for c in tok.rights):
        return None
    noun = doc[tok.i - 1]
    return noun if noun.head.i == tok.i and noun.lemma_.lower() in lex.document_subjects else None


def _verbs_after_documents(doc: Doc, lex: Lexicon) -> Doc:
    """Make each such word a verb, the document noun its subject and the words before that noun the noun's."""
    for verb, noun in [(t, n) for t in _having(doc, DEP, _ROOT) if (n := _document_verb_read_as_noun(t, lex))]:
        verb.tag_, verb.pos_ = ("VBZ" if verb.lower_.endswith("s") else "VBD"), "VERB"
        for tok in [c for c in verb.lefts if c.i < noun.i]:
            tok.head = noun
        noun.dep_ = "nsubj"
    return doc
