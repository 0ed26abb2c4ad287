"""Speaker resolution: pronouns, descriptions and names to one entity per person (rules, no coref model).

Two parts: a :class:`MentionIndex` of one Doc (the people it names, clustered by
compatible names, and every earlier mention a pronoun or description could point
back to) and the resolution steps, one function each: classify a mention, resolve
a pronoun, match a description, find a document's author.

A careful reader's cues, in order: the question–answer pattern (Asked whether
Trump …, he replied), the speaker of the previous attribution, the subject of a
recent clause, gender (given-name lists, honorifics, role nouns) and recency.
Descriptions (the Ukrainian leader) match people by role, role modifiers and
nationality; 'the official' goes back to 'a senior defense official'. A name
counts as a person on evidence (given names, titles, East Slavic surname
endings, the NER label when nothing contradicts it), not on the label alone.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import regex
from spacy.tokens import Doc, Span, Token

from quotes._draft import Draft
from quotes._entities import Names, PersonName, slug
from quotes._lexicon import Lexicon
from quotes._models import SpeakerKind
from quotes._syntax import DocIndex, noun_phrase, relative_antecedent, without_determiner, without_relative

__all__ = ["MentionIndex", "Resolution", "entity_id", "headline", "resolve_speakers"]

_CLOSERS = frozenset(".!?\"”’'…:)")
_PLACE_OR_GROUP = frozenset({"GPE", "NORP", "LOC", "FAC"})
_NAMED_SOURCE = frozenset({"ORG", "GPE", "NORP", "FAC"})
#: Two to four capitalised words in a row: where a name the entity tagger missed may stand ('Delegate Kendal Unruh').
_NAME_RUN = regex.compile(r"\b\p{Lu}\p{Ll}+(?:[ ]\p{Lu}[\p{Ll}'’-]+){1,3}\b")


@dataclass
class Resolution:
    """What a speaker mention resolves to; ``named`` organizations get an id, descriptions do not."""

    kind: SpeakerKind
    name: str | None = None
    person: PersonName | None = None
    gender: str | None = None
    titles: frozenset[str] = frozenset()
    head: str = ""
    named: bool = True
    ambiguous: bool = False
    mentions: int = 0
    plural: bool = False


@dataclass
class _Candidate:
    start: int
    sent: int
    subject: bool
    speaker: bool
    resolution: Resolution
    token: int = -1  # the mention's head token


def _gender(name: PersonName | None, titles: frozenset[str], lex: Lexicon) -> str | None:
    people = lex.people
    if titles & people.gendered_titles.female or titles & people.female_roles:
        return "f"
    if titles & people.gendered_titles.male or titles & people.male_roles:
        return "m"
    return name.gender if name is not None else None


@dataclass
class _People:
    """The doc's persons: clusters of compatible names with their titles and gender."""

    clusters: list[Resolution] = field(default_factory=list)

    def add(self, name: PersonName, titles: frozenset[str], gender: str | None) -> Resolution:
        """The cluster ``name`` belongs to (a new one if none); an unresolvable bare surname stays apart."""
        matches = [c for c in self.clusters if c.person is not None and c.person.compatible(name)
                   and not (gender and c.gender and gender != c.gender)] or self._called_by_first_name(name, gender)
        if name.given_forms:
            matches = [c for c in matches if c.person.given_forms] or matches
        elif len(matches) > 1:
            matches = [c for c in matches if titles & c.titles] or matches
        if len(matches) > 1 and not name.given_forms:
            best = _most_written_about(matches)
            if best is None:  # no one the article clearly writes about
                return Resolution("person", name.full, name, gender, titles, ambiguous=True)
            matches = [best]
        if not matches:
            res = Resolution("person", name.full, name, gender, titles, mentions=1)
            self.clusters.append(res)
            return res
        res = matches[0]
        res.mentions += 1
        if len(name.full.split()) > len(res.person.full.split()):
            res.person, res.name = name, name.full
        res.titles = res.titles | titles
        res.gender = res.gender or gender
        return res

    def _called_by_first_name(self, name: PersonName, gender: str | None) -> list[Resolution]:
        """'Xi Jinping … Mr Xi', 'Tedros Adhanom Ghebreyesus … Dr Tedros', 'Kim Jong Un … Kim': a name written
        alone that is no one's surname but the first name of exactly one person named in full is that person
        (family names written first, and cultures whose people are called by their given name)."""
        if name.given_forms:
            return []
        found = [c for c in self.clusters if c.person is not None and name.surname_plain in c.person.given_forms
                 and c.person.suffix == name.suffix and not (gender and c.gender and gender != c.gender)]
        return found if len(found) == 1 else []


def _most_written_about(people: list[Resolution]) -> Resolution | None:
    """The only person, or the one the article names at least twice as often as anyone else; else None."""
    ranked = sorted(people, key=lambda c: -c.mentions)
    if len(ranked) == 1 or (len(ranked) > 1 and ranked[0].mentions >= 2 * ranked[1].mentions):
        return ranked[0]
    return None


def _titles_before(ent: Span, lex: Lexicon) -> frozenset[str]:
    """Title and nationality words just before a name, and the head of an appositive it stands in."""
    people = lex.people
    words: list[str] = []
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 4:
        low = ent.doc[i].lower_
        if low in people.honorifics or low in people.nationalities or low in people.person_roles \
                or low in people.role_modifiers.words or (
            ent.doc[i].ent_type_ in ("GPE", "NORP", "ORG") and ent.doc[i].pos_ == "PROPN"
        ):
            words.append(low)
            i -= 1
        else:
            break
    root = ent.root
    skip = lex.function_words.determiners
    # the modifiers the parser hangs on the name: 'Home Secretary Charles Clarke', 'Shadow home secretary X'
    words.extend(t.lower_ for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")
                 for t in t.subtree if not t.is_punct and t.dep_ != "case" and t.lower_ not in skip)
    if root.dep_ == "appos":
        words.extend(t.lower_ for t in root.head.subtree if t.i < root.i and not t.is_punct
                     and t.dep_ != "case" and t.lower_ not in skip)
    return frozenset(words)


def _titles_within(span: Span, lex: Lexicon) -> frozenset[str]:
    people = lex.people
    return frozenset(t.lower_.strip(".") for t in span if t.lower_.strip(".") in people.honorifics
                     or t.lower_ in people.person_roles or t.lower_ in people.nationalities)


def _name_word(doc: Doc, i: int) -> bool:
    return doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """'Jean-Marc', 'Ki-moon': a hyphen with no space on either side joins two parts of one name."""
    return doc[i].tag_ == "HYPH" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _name_span(tok: Token, mention: Span, particles: frozenset[str]) -> Span:
    """The proper name around ``tok`` inside the mention: NER often tags only 'Tymoshenko' of 'Kyrylo Tymoshenko',
    or 'Leyen' of 'Ursula von der Leyen' (a surname's particles join it to the name before)."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while True:
        if start > mention.start and _name_word(doc, start - 1):
            start -= 1
        elif start - 1 > mention.start and _glued_hyphen(doc, start - 1) and _name_word(doc, start - 2):
            start -= 2
        elif start > mention.start and doc[start - 1].lower_ in particles:
            start -= 1
        else:
            break
    while True:
        if end < mention.end and _name_word(doc, end):
            end += 1
        elif end + 1 < mention.end and doc[end].lower_ in particles:
            end += 1  # a particle goes with the name only when one follows it
        elif end + 1 < mention.end and _glued_hyphen(doc, end) and doc[end + 1].text[:1].isalpha():
            end += 2  # 'Ban Ki-moon': the second part may be in lower case
        else:
            break
    return doc[start:end]


def headline(sent: Span, text: str, lex: Lexicon) -> bool:
    """A headline or subhead: a whole line with no closing punctuation, or a title-case line.

    ``text`` is the Doc's text, passed in because ``Doc.text`` is rebuilt on every access.
    """
    body = text[sent.start_char : sent.end_char].rstrip()
    end = sent.start_char + len(body)
    line_start = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
    line_end = text[end : end + 1] in ("\n", "")
    if line_start and line_end and len(sent) <= lex.windows.headline_tokens and body[-1:] not in _CLOSERS:
        return True
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)


def _nationalities(words: frozenset[str] | Sequence[str], lex: Lexicon) -> frozenset[str]:
    """The countries the words name ('Ukrainian', "Ukraine's", 'US'); a set, so no iteration order decides."""
    nat = lex.people.nationalities
    found = {nat[w] for w in words if w in nat}
    found |= {nat[w[:-2]] for w in words if w.endswith(("'s", "’s")) and w[:-2] in nat}
    return frozenset(found)


def _roles(words: frozenset[str] | Sequence[str], lex: Lexicon) -> set[str]:
    roles = lex.people.person_roles
    found = {w for w in words if w in roles}
    joined = " ".join(words)
    found |= {r for r in roles if " " in r and r in joined}
    if found & lex.people.leader_roles.words:
        found.add("leader")
    return found


class MentionIndex:
    """One Doc's people and the mentions resolved so far, in document order, for looking back."""

    def __init__(self, doc: Doc, qx: DocIndex, names: Names) -> None:
        self.doc, self.qx, self.names = doc, qx, names
        self.lex = names.lex
        self.people = _People()
        self.candidates: list[_Candidate] = []
        self.anonymous: list[tuple[int, str, Resolution]] = []
        self._headlines: dict[int, bool] = {}
        for ent in qx.ents:
            if ent.label_ == "PERSON" and not qx.inside(ent.root):
                res = self.person(ent)
                if res is not None:
                    self._add_candidate(ent, res)
        for name in self._untagged_names():
            res = self.person(name)
            if res is not None:
                self._add_candidate(name, res)
        for name in self._bare_surnames():
            res = self.named_person(name.text)
            if res is not None:
                self._add_candidate(name, res)
        self.candidates.sort(key=lambda c: c.start)

    def _add_candidate(self, name: Span, res: Resolution) -> None:
        self.candidates.append(_Candidate(name.start_char, self.sent(name.root),
                                          name.root.dep_ in ("nsubj", "nsubjpass"), False, res, name.root.i))

    def _untagged_names(self) -> Iterator[Span]:
        """Names the entity tagger left untagged: a known given name and a surname, both proper nouns outside any
        entity and outside quotes ('Delegate Kendal Unruh led …'); SPEC: a name is a person on evidence, not on the
        tagger's label."""
        doc, qx = self.doc, self.qx
        for match in _NAME_RUN.finditer(qx.text):
            words = match.group().split(" ")
            given = next((k for k, w in enumerate(words[:-1]) if self.names.known_given(w)), None)
            if given is None:
                continue
            span = doc.char_span(match.start() + sum(len(w) + 1 for w in words[:given]), match.end())
            if span is not None and all(t.pos_ == "PROPN" and not t.ent_type_ and not qx.inside(t) for t in span) \
                    and not self.in_headline(span.root):
                yield span

    def _bare_surnames(self) -> Iterator[Span]:
        """The surname alone of a person the doc names in full, where the tagger did not call it a person ('Graeme
        Souness …' then 'Souness also paid tribute …'): a later he/she may point back to it."""
        surnames = {c.person.surname for c in self.people.clusters if c.person is not None and c.person.given}
        if not surnames:
            return
        doc, qx, named = self.doc, self.qx, {c.token for c in self.candidates}
        written = regex.compile(r"\b(?:" + "|".join(map(regex.escape, sorted(surnames))) + r")\b")
        for match in written.finditer(qx.text):  # the surname as the full name spells it
            span = doc.char_span(match.start(), match.end())
            word = span.root if span is not None and len(span) == 1 else None
            if word is not None and word.pos_ in ("PROPN", "NOUN") and word.ent_type_ != "PERSON" \
                    and word.i not in named and not qx.inside(word) and not self.in_headline(word):
                yield span

    def sent(self, tok: Token) -> int:
        """Number of the sentence that holds ``tok``."""
        return self.qx.sentence_number(tok)

    def before(self, char: int, reach: int) -> Iterator[_Candidate]:
        """Up to ``reach`` candidates mentioned before ``char``, nearest first."""
        end = bisect_left(self.candidates, char, key=lambda c: c.start)
        for i in range(end - 1, max(-1, end - 1 - reach), -1):
            yield self.candidates[i]

    def add_speaker(self, mention: Span, res: Resolution) -> None:
        """Record a resolved speaker mention so later pronouns and descriptions can point back to it."""
        insort(self.candidates, _Candidate(mention.start_char, self.sent(mention.root), True, True, res,
                                           mention.root.i), key=lambda c: c.start)
        if res.kind == "anonymous":
            self.anonymous.append((mention.start_char, res.head, res))

    def in_headline(self, tok: Token) -> bool:
        """True when ``tok`` stands in a headline (whose title-case words are not names)."""
        number = self.sent(tok)
        if number not in self._headlines:
            self._headlines[number] = headline(self.qx.sents[number], self.qx.text, self.lex)
        return self._headlines[number]

    def person(self, ent: Span) -> Resolution | None:
        """The person cluster of a name entity (titles before it give gender and role)."""
        name = self.names.parse(ent.text)
        if name is None:
            return None
        if self.in_headline(ent.root):
            known = " ".join(g for g in name.given if self.names.known_given(g)) + " " + name.surname
            name = self.names.parse(known.strip()) or name  # 'Rejects Zelensky' in a headline → 'Zelensky'
        titles = _titles_before(ent, self.lex) | _titles_within(ent, self.lex)
        return self.people.add(name, titles, _gender(name, titles, self.lex) or self._clause_gender(ent.root))

    def _clause_gender(self, tok: Token) -> str | None:
        """'Trump told his aides': a possessive pronoun in the clause the name is subject of gives its gender."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        pronouns = self.lex.people.pronouns
        for t in tok.head.subtree:
            if t.dep_ == "poss" and not self.qx.inside(t) and t.i > tok.i:
                return "m" if t.lower_ in pronouns.male else "f" if t.lower_ in pronouns.female else None
        return None

    def named_person(self, text: str) -> Resolution | None:
        """A proper name that matches a person already in the Doc (NER sometimes tags 'Zelenskyy' as ORG)."""
        parsed = self.names.parse(text)
        if parsed is None or not any(c.person is not None and c.person.compatible(parsed)
                                     for c in self.people.clusters):
            return None
        return self.people.add(parsed, frozenset(), parsed.gender)


# --- resolution steps -------------------------------------------------------------------------------------------

def _person_evidence(mention: Span, parsed: PersonName | None, names: Names) -> bool:
    """A proper-name mention (``parsed``: its parse) reads as a person: a courtesy title, a known given name first,
    an East Slavic surname."""
    words = [t for t in mention if t.pos_ == "PROPN" or t.text[:1].isupper()]
    if not words or any(t.lower_ in names.lex.people.organization_heads for t in mention):
        return False
    titles = names.lex.people.gendered_titles
    if (title := mention[0].lower_.strip(".")) in titles.female or title in titles.male:
        return True  # 'Ms. von der Leyen', whatever the tagger says
    given = parsed.given[0] if parsed is not None and parsed.given else words[0].text  # 'Jean-Marc', one word
    if len(words) >= 2 and names.given_gender(given) is not None:
        return True
    return parsed is not None and parsed.slavic and words[-1].ent_type_ not in _PLACE_OR_GROUP


def _organization_name(mention: Span, root: Token, lex: Lexicon) -> tuple[str, bool]:
    """How an organization source is named, and whether it is a name: 'a March Bloomberg article' → Bloomberg."""
    outlet = next((t for t in mention if t.pos_ == "PROPN" and t.ent_type_ == "ORG" and t.i != root.i), None)
    if root.pos_ != "PROPN" and outlet is not None and root.lemma_.lower() in lex.people.document_heads:
        start, end = outlet.i, outlet.i + 1  # the whole name: 'a Law Commission report' → 'Law Commission'
        while start > mention.start and outlet.doc[start].ent_iob_ == "I":
            start -= 1
        while end < root.i and outlet.doc[end].ent_iob_ == "I":
            end += 1
        return outlet.doc[start:end].text, True
    text = mention.text
    if len(mention) > 1 and mention[0].dep_ == "det" and mention[0].lower_ in lex.function_words.determiners:
        text = mention[1:].text  # 'the Kremlin' → 'Kremlin', sliced so "India's" keeps its apostrophe
    named = root.pos_ == "PROPN" or root.ent_type_ in _NAMED_SOURCE or text.lower() in lex.outlets
    return text, named


def _unnamed(mention: Span, index: MentionIndex) -> Resolution:
    """Organizations, groups and unnamed sources; proper names with person evidence are people."""
    root, lex = mention.root, index.lex
    people, lemma = lex.people, mention.root.lemma_.lower()
    org_head = lemma in people.organization_heads or lemma in people.document_heads
    # a name the tagger took for a common noun ('Zelenskyy' as NOUN): an entity, or a capital mid-sentence and
    # the evidence of a person's name
    capital = root.text[:1].isupper()
    proper = root.pos_ == "PROPN" or (capital and root.ent_type_ != "") or (
        capital and not root.is_sent_start and _person_evidence(mention, index.names.parse(mention.text),
                                                                 index.names))
    # 'Lord Carlile' of 'Liberal Democrat peer Lord Carlile, the reviewer of …'
    name = _name_span(root, mention, people.name_particles.words)
    parsed = index.names.parse(name.text) if proper else None
    if proper and not org_head:
        known = index.named_person(name.text)
        if known is not None:
            return known
        if parsed is not None and _person_evidence(name, parsed, index.names):
            return index.people.add(parsed, frozenset(), parsed.gender)
    outlet = without_determiner(mention.text, people.definite_determiners.words).lower() in lex.outlets
    if root.ent_type_ in _NAMED_SOURCE or org_head or outlet:
        org_name, named = _organization_name(mention, root, lex)
        return Resolution("organization", org_name, head=lemma, named=named)
    if (root.tag_ in ("NNS", "NNPS") and root.pos_ == "NOUN") or root.lower_ in people.group_heads:
        return Resolution("group", mention.text, head=lemma, named=False)  # analysts, regulators, strategists
    if lemma in people.anonymous_heads:
        return Resolution("anonymous", mention.text, head=lemma, named=False, plural=root.tag_ in ("NNS", "NNPS"))
    if parsed is not None and root.pos_ == "PROPN" and root.ent_type_ in ("", "PERSON", "WORK_OF_ART", "PRODUCT",
                                                                          "EVENT"):
        return index.people.add(parsed, frozenset(), parsed.gender)
    return Resolution("unknown", None, head=lemma, named=False)


def _ends_in_name(mention: Span, index: MentionIndex) -> bool:
    """'Tulsa police Chief Chuck Jordan': a name closes the mention and no preposition ties it to another head
    (not 'the wife of Bill Clinton')."""
    ent = index.qx.entity(mention[-1])
    return ent is not None and ent.end == mention.end and not any(t.pos_ == "ADP" for t in mention[: ent.start
                                                                                                     - mention.start])


def _named_in_mention(mention: Span, index: MentionIndex) -> Resolution | None:
    """A mention whose head (or the head's appositive) is a PERSON entity."""
    root = mention.root
    heads = [root, *(c for c in root.children if c.dep_ == "appos")]
    last = mention[-1]
    last_name = index.qx.entity(last) if last.ent_type_ == "PERSON" else None
    # the name that closes the mention, not one a preposition ties to a named head's role ('Zach Seidl, a
    # spokesperson for Bass')
    tied = last_name is not None and last_name.root.dep_ == "pobj" and root.pos_ == "PROPN"
    if last_name is not None and not tied and (
            any(t.text == "," for t in mention[:-1]) or _ends_in_name(mention, index)):
        heads.append(last)  # "Ukraine's ambassador to the United States, Olga Stefanishina"
    particles = index.lex.people.name_particles.words
    split = _split_surname(mention, particles)
    if split is not None:
        heads.append(split)
    for tok in heads:
        if tok.ent_type_ == "PERSON":
            ent = index.qx.entity(tok)
            if ent is not None:
                wider = _name_span(tok, mention, particles)
                return index.person(wider if wider.start < ent.start or wider.end > ent.end else ent)
    return None


def _split_surname(mention: Span, particles: frozenset[str]) -> Token | None:
    """The last PERSON word of a mention that holds a surname particle and ends in name words the tagger cut off
    the person ('Ursula von der | Leyen', 'Leyen' a place)."""
    doc, k = mention.doc, mention.end - 1
    if not _name_word(doc, k):
        return None
    while k > mention.start and (doc[k - 1].lower_ in particles or _name_word(doc, k - 1)) \
            and doc[k - 1].ent_type_ != "PERSON":
        k -= 1
    particle = any(t.lower_ in particles for t in mention)
    return doc[k - 1] if k > mention.start and doc[k - 1].ent_type_ == "PERSON" and particle else None


def _modifiers(words: frozenset[str] | Sequence[str], lex: Lexicon) -> frozenset[str]:
    return frozenset(w for w in words if w in lex.people.role_modifiers.words)


def _qualifiers(words: Sequence[str], roles: set[str], lex: Lexicon) -> frozenset[str]:
    """The words that narrow a role: 'home' of 'the home secretary', 'Vermont' of 'the Vermont senator'."""
    role_words = {w for r in roles for w in r.split()}
    skip = lex.function_words.determiners | lex.people.role_modifiers.words
    return frozenset(w for w in words if w not in role_words and w not in skip and not _nationalities([w], lex)
                     and w.isalpha())


def _untitled_protagonist(mention: Span, index: MentionIndex) -> Resolution | None:
    """The person a description gives a title to: the untitled subject or speaker just before it, when that is
    the article's first-named person ('David Blunkett has apologised. The home secretary confirmed …') or spoke
    in the sentence before ('Ferguson said: "…" The Man Utd boss continued: "…"')."""
    if not index.people.clusters:
        return None
    first = index.people.clusters[0]
    sent = index.sent(mention.root)
    reach = index.lex.windows.pronoun_speaker_sentences  # a speaker's quotes may run over a few sentences
    for cand in index.before(mention.start_char, len(index.candidates)):
        if sent - cand.sent > reach:
            return None
        res = cand.resolution
        if cand.subject and not cand.speaker and index.doc[cand.token].head.dep_ == "advcl":
            continue  # 'hours after Trump unleashed …': the subject of an adverbial clause is not the topic
        if res.kind == "person" and (cand.subject or cand.speaker):
            untitled = not res.ambiguous and not _roles(res.titles, index.lex)
            near = sent - cand.sent <= 1 and res is first
            return res if untitled and (near or cand.speaker) else None
    return None


def _description(mention: Span, words: list[str], index: MentionIndex) -> Resolution | None:
    """'the Ukrainian leader' → the person whose titles share its whole role (deputy, shadow, home … included)."""
    lex = index.lex
    nationality = _nationalities(words, lex)
    roles = _roles(words, lex) - lex.people.generic_roles.words
    if not roles:
        return None
    modifiers, qualifiers = _modifiers(words, lex), _qualifiers(words, roles, lex)
    best = None
    for cand in index.before(mention.start_char, lex.windows.description_reach):
        res = cand.resolution
        if res.kind != "person" or res.ambiguous or _modifiers(res.titles, lex) != modifiers:
            continue
        cand_nat = _nationalities(res.titles, lex)
        if roles & _roles(res.titles, lex) and nationality <= cand_nat and qualifiers <= res.titles:
            return res
        if best is None and nationality and nationality <= cand_nat and not res.titles - {
            w for w in res.titles if _nationalities([w], lex)
        }:
            best = res
    return best or _untitled_protagonist(mention, index)


def _epithet_holder(mention: Span, country: str, index: MentionIndex) -> Resolution | None:
    """'“We created chances,” the Dutchman added': a person named by nationality alone is the person just spoken of,
    as a pronoun is (the last speaker, else the last subject, within the pronoun's reach), unless the article gave
    that person another nationality."""
    lex = index.lex
    return _last_person(mention.root, index, _speaker_then_subject(lex),
                        lambda c: _nationalities(c.resolution.titles, lex) <= {country})


def _document_author(mention: Span, lemma: str, index: MentionIndex) -> Resolution | None:
    """'The letter' → the author of the earlier 'a letter from Vladimir Putin'."""
    lex = index.lex
    for tok in reversed(index.doc[max(0, mention.start - lex.windows.author_reach) : mention.start]):
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep"
                     and c.lower_ in lex.function_words.author_prepositions), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None:
            return None
        ent = index.qx.entity(obj)
        return index.person(ent) if ent is not None and ent.label_ == "PERSON" else None
    return None


def _earlier_anonymous(mention: Span, lemma: str, index: MentionIndex) -> Resolution | None:
    """'the official' → the earlier 'a senior defense official'."""
    for start, head, res in reversed(index.anonymous):
        if start < mention.start_char and head == lemma:
            return res
    return None


def _asked_about(tok: Token, index: MentionIndex) -> Resolution | None:
    """Asked whether Trump was considering …, he replied: the pronoun is the one asked about."""
    for child in tok.head.children:
        if child.dep_ == "advcl" and child.tag_ == "VBN" and child.lemma_.lower() in index.lex.question_verbs \
                and child.i < tok.i:
            for sub in child.subtree:
                if sub.dep_ == "nsubj" and sub.ent_type_ == "PERSON":
                    ent = index.qx.entity(sub)
                    if ent is not None:
                        return index.person(ent)
    return None


def _plural(tok: Token, index: MentionIndex) -> Resolution:
    """'They said …' / 'It said …' right after a group or organization spoke: that group or organization."""
    sent = index.sent(tok)
    for cand in index.before(tok.idx, len(index.candidates)):
        if sent - cand.sent > index.lex.windows.pronoun_speaker_sentences:
            break
        if cand.speaker and cand.resolution.kind in ("group", "organization"):
            return cand.resolution
    return Resolution("unknown", None, head=tok.lower_, named=False)


def _singular_person(res: Resolution) -> bool:
    """A he/she can stand for a named person or one unnamed person ('A spokesman for the BSA said … He said')."""
    if res.kind == "anonymous":
        return not res.plural
    return res.kind == "person" and not res.ambiguous


def _named_people(gender: str, index: MentionIndex, blocked: frozenset[int]) -> list[Resolution]:
    """The people of that gender the article has named outside ``blocked`` mentions."""
    named = {id(c.resolution) for c in index.candidates if c.token not in blocked}
    return [c for c in index.people.clusters if c.gender == gender and not c.ambiguous and id(c) in named]


def _in_preposed_adjunct(tok: Token) -> frozenset[int]:
    """Objects inside an adjunct before the pronoun's clause: 'Responding to criticism from Hansen, he …'.

    The pronoun does not refer back to them (it may to a subject there: 'After Blair arrived, he …').
    """
    out: set[int] = set()
    for adjunct in tok.head.children:
        if adjunct.i < tok.i and adjunct.dep_ in ("advcl", "prep", "npadvmod"):
            out.update(t.i for t in adjunct.subtree if t.dep_ in ("pobj", "dobj", "dative", "compound"))
    return frozenset(out)


def _in_own_complement(tok: Token) -> frozenset[int]:
    """Names inside the clause a subject pronoun reports: in 'Clinton “caused havoc,” he said' he is not Clinton
    (a pronoun never refers to a name in the clause below it). An adverbial clause inside is the parser's doubt
    ('When Trump used the words, “…,” he was echoing …'), and left open."""
    if tok.dep_ != "nsubj":
        return frozenset()
    clauses = [c for c in tok.head.children if c.dep_ == "ccomp"]
    adverbial = {t.i for c in clauses for a in c.subtree if a.dep_ == "advcl" for t in a.subtree}
    return frozenset(t.i for c in clauses for t in c.subtree if t.i not in adverbial)


def _pronoun(tok: Token, index: MentionIndex) -> Resolution:
    """he/she: the subject of its own or the sentence before, else the last speaker, else the last subject, else
    the last person of that gender nearby; never a name in the clause it reports."""
    low, lex = tok.lower_, index.lex
    pronouns = lex.people.pronouns
    if low in pronouns.plural or low in pronouns.neuter:
        return _plural(tok, index)
    gender = "m" if low in pronouns.male else "f" if low in pronouns.female else None
    if gender is None:
        return Resolution("unknown", None, head=low, named=False)
    asked = _asked_about(tok, index)
    if asked is not None:
        return asked
    blocked = _in_preposed_adjunct(tok) | _in_own_complement(tok)
    searches = [*_speaker_then_subject(lex), (lex.windows.pronoun_subject_sentences, lambda c: True)]
    found = _last_person(tok, index, searches,
                         lambda c: c.token not in blocked and c.resolution.gender in (None, gender))
    return found or _most_written_about(_named_people(gender, index, blocked)) or Resolution(
        "unknown", None, head=low, named=False)


_Search = tuple[int, Callable[[_Candidate], bool]]


def _speaker_then_subject(lex: Lexicon) -> list[_Search]:
    """The searches back from a pronoun or an epithet: the subject of its own or the sentence before (the
    preferred centre: 'Saulnier will move into the top 50. “…,” he revealed.' is Saulnier even after another
    player spoke), then the last speaker within the speaker window, then the last subject within the subject
    window (``settings.json`` windows)."""
    windows = lex.windows
    return [(windows.pronoun_previous_subject_sentences, lambda c: c.subject),
            (windows.pronoun_speaker_sentences, lambda c: c.speaker),
            (windows.pronoun_subject_sentences, lambda c: c.subject)]


def _last_person(tok: Token, index: MentionIndex, searches: Sequence[_Search],
                 accept: Callable[[_Candidate], bool]) -> Resolution | None:
    """The nearest single person before ``tok`` that one search after another finds and ``accept`` takes; each
    search looks back as many sentences as its window allows."""
    sent = index.sent(tok)
    for window, test in searches:
        for cand in index.before(tok.idx, len(index.candidates)):
            if sent - cand.sent > window:
                break
            if _singular_person(cand.resolution) and test(cand) and accept(cand):
                return cand.resolution
    return None


def _predicated_of(noun: Token, lex: Lexicon) -> Token | None:
    """'Trump is a liar and a bully who has pledged …': the person a predicate noun (or one of a list of them)
    describes is the one the relative clause speaks of. A name is its own antecedent ('it was Obama who …',
    a cleft), and a subject the tagger did not call a person leaves the noun as it is ('Smith is a lawyer who …')."""
    if noun.ent_type_:
        return None
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    verb, pronouns = noun.head, lex.people.pronouns
    if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # 'Trump regularly incites violence and is a serial liar … who …'
    return next((c for c in verb.children if c.dep_ == "nsubj" and (
        c.ent_type_ == "PERSON" or c.lower_ in pronouns.male | pronouns.female)), None)


def classify(mention: Span, index: MentionIndex) -> Resolution:
    """What one speaker mention is: a pronoun's referent, a person, a description's holder, or a typed source;
    read off the mention without its relative clause ('a study that appeared in the BMJ' is a study), which only
    an unnamed source keeps in its name ('an official who attended the talks')."""
    full, mention = mention, without_relative(mention)
    root = mention.root
    antecedent = relative_antecedent(root, index.lex) if len(mention) == 1 else None
    if antecedent is not None:  # not the clause 'who' speaks in
        return classify(without_relative(noun_phrase(_predicated_of(antecedent, index.lex) or antecedent)), index)
    if len(mention) == 1 and root.pos_ == "PRON":
        return _pronoun(root, index)
    if any(c.dep_ == "conj" for c in root.children):
        return Resolution("group", full.text, head=root.lemma_.lower(), named=False)  # 'McConnell and Ryan'
    people = index.lex.people
    low, lemma = root.lower_, root.lemma_.lower()
    words = [t.lower_ for t in mention]
    det = {t.lower_ for t in mention if t.dep_ in ("det", "nummod", "quantmod")}
    definite = bool(det & people.definite_determiners.words)
    country = people.person_demonyms.nouns.get(low)
    if definite and country is not None and not any(c.dep_ == "appos" for c in root.children):
        # before names: the tagger calls 'the Scot' a PERSON; a person either way ('the Dutchman', not yet named)
        return _epithet_holder(mention, country, index) or Resolution("person", None, head=low, named=False)
    person = _named_in_mention(mention, index)
    if person is not None:
        return person
    indefinite = det & people.indefinite_determiners.words or (
        not definite and root.pos_ == "NOUN" and low not in people.group_heads
    )
    # 'one Republican senator', 'a Labour MP': a role held by someone the article does not name
    role = lemma in people.person_roles or low in people.person_roles
    unnamed_role = role and not definite and bool(det & people.indefinite_determiners.words)
    if (indefinite and (lemma in people.anonymous_heads or low in people.anonymous_heads)) or unnamed_role:
        return Resolution("anonymous", full.text, head=lemma, named=False, plural=root.tag_ in ("NNS", "NNPS"))
    if definite and lemma in people.document_heads:
        author = _document_author(mention, lemma, index)
        if author is not None:
            return author
    if definite and (lemma in people.person_roles or low in people.person_roles):
        found = _description(mention, words, index) or _earlier_anonymous(mention, lemma, index)
        if found is not None:
            return found
        if lemma not in people.anonymous_heads and root.tag_ == "NN":
            return Resolution("person", None, head=lemma, named=False)  # 'the Vermont senator', not yet named
    return _unnamed(mention, index)


def resolve_speakers(doc: Doc, qx: DocIndex, drafts: list[Draft], names: Names) -> list[Resolution | None]:
    """One resolution per draft (same order); inherited drafts share their source's."""
    index = MentionIndex(doc, qx, names)
    order = sorted(range(len(drafts)), key=lambda i: drafts[i].speaker.start_char if drafts[i].speaker else 0)
    out: list[Resolution | None] = [None] * len(drafts)
    by_mention: dict[int, Resolution | None] = {}
    for i in order:
        mention = drafts[i].speaker
        if mention is None or not len(mention):
            continue
        if mention.start_char not in by_mention:
            res = classify(mention, index)
            index.add_speaker(mention, res)
            by_mention[mention.start_char] = res
        out[i] = by_mention[mention.start_char]
    return out


def entity_id(res: Resolution, lex: Lexicon) -> str | None:
    """Doc-local entity id: a slug of the canonical name of a named person or organization, else None."""
    if res.kind in ("person", "organization") and res.name and res.named and not res.ambiguous:
        return slug(without_determiner(res.name, lex.people.definite_determiners.words))
    return None
