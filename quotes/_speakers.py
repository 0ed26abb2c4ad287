"""Speaker resolution: pronouns, descriptions and names to one entity per person (rules, no coref model).

A careful reader's cues, in order: the question–answer pattern (Asked whether
Trump …, he replied), the speaker of the previous attribution, the subject of a
recent clause, gender (given-name lists, honorifics, role nouns) and recency.
Descriptions (the Ukrainian leader) match people by role and nationality;
'the official' goes back to 'a senior defense official'.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotes._draft import Draft
from quotes._entities import Names, PersonName, slug
from quotes._lexicon import Lexicon
from quotes._syntax import DocIndex

__all__ = ["Resolution", "headline", "resolve_speakers"]

_CLOSERS = frozenset(".!?\"”’'…:)")


@dataclass
class Resolution:
    """What a speaker mention resolves to."""

    kind: str
    name: str | None = None
    person: PersonName | None = None
    gender: str | None = None
    titles: frozenset[str] = frozenset()
    head: str = ""


@dataclass
class _Candidate:
    start: int
    sent: int
    subject: bool
    speaker: bool
    resolution: Resolution


@dataclass
class _People:
    """The doc's persons: clusters of compatible names with their titles and gender."""

    clusters: list[Resolution] = field(default_factory=list)

    def add(self, name: PersonName, titles: frozenset[str], gender: str | None) -> Resolution:
        matches = [c for c in self.clusters if c.person is not None and c.person.compatible(name)]
        if not matches:
            res = Resolution("person", name.full, name, gender, titles)
            self.clusters.append(res)
            return res
        res = matches[0] if name.given_key else max(matches, key=lambda c: len(c.titles) + len(c.person.given))
        if len(name.full.split()) > len(res.person.full.split()):
            res.person, res.name = name, name.full
        res.titles = res.titles | titles
        res.gender = res.gender or gender
        return res


def _gender(name: PersonName | None, titles: frozenset[str], lex: Lexicon) -> str | None:
    people = lex.people
    if titles & people.gendered_titles.female or titles & people.female_roles:
        return "f"
    if titles & people.gendered_titles.male or titles & people.male_roles:
        return "m"
    if name is None or not name.given:
        return None
    given = name.given[0].lower()
    if given in lex.female_names and given not in lex.male_names:
        return "f"
    if given in lex.male_names and given not in lex.female_names:
        return "m"
    return None


def _titles_before(ent: Span, lex: Lexicon) -> frozenset[str]:
    """Title and nationality words just before a name, and the head of an appositive it stands in."""
    people = lex.people
    words: list[str] = []
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 4:
        low = ent.doc[i].lower_
        if low in people.honorifics or low in people.nationalities or low in people.person_roles or (
            ent.doc[i].ent_type_ in ("GPE", "NORP", "ORG") and ent.doc[i].pos_ == "PROPN"
        ):
            words.append(low)
            i -= 1
        else:
            break
    root = ent.root
    if root.dep_ == "appos":
        skip = lex.function_words.determiners
        words.extend(t.lower_ for t in root.head.subtree if t.i < root.i and not t.is_punct
                     and t.dep_ != "case" and t.lower_ not in skip)
    return frozenset(words)


def _without_determiner(mention: Span, lex: Lexicon) -> str:
    """'the Kremlin' → 'Kremlin', sliced from the text so "India's" keeps its apostrophe."""
    if len(mention) > 1 and mention[0].dep_ == "det" and mention[0].lower_ in lex.function_words.determiners:
        return mention[1:].text
    return mention.text


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


def _known_given_names(name: PersonName, names: Names) -> PersonName:
    """In a headline keep only given names found in the name lists ('Rejects Zelensky' → 'Zelensky')."""
    lex = names.lex
    given = tuple(g for g in name.given if g.lower() in lex.male_names or g.lower() in lex.female_names)
    return names.person(given, name.surname)


def _nationality(words: frozenset[str] | Sequence[str], lex: Lexicon) -> str | None:
    nat = lex.people.nationalities
    for w in words:
        if w in nat:
            return nat[w]
        if w.endswith(("'s", "’s")) and w[:-2] in nat:
            return nat[w[:-2]]
    return None


def _roles(words: frozenset[str] | Sequence[str], lex: Lexicon) -> set[str]:
    roles = lex.people.person_roles
    found = {w for w in words if w in roles}
    joined = " ".join(words)
    found |= {r for r in roles if " " in r and r in joined}
    if found & lex.people.leader_roles.words:
        found.add("leader")
    return found


class _Resolver:
    """Resolves draft speakers of one Doc in document order."""

    def __init__(self, doc: Doc, qx: DocIndex, names: Names) -> None:
        self.doc = doc
        self.qx = qx
        self.names = names
        self.lex = lex = names.lex
        self.windows = lex.windows
        self.people = _People()
        self.candidates: list[_Candidate] = []
        self.anonymous: list[tuple[int, str, Resolution]] = []
        self._headlines: dict[int, bool] = {}
        for ent in qx.ents:
            if ent.label_ == "PERSON" and not qx.inside(ent.root):
                res = self._person(ent)
                if res is not None:
                    self.candidates.append(_Candidate(ent.start_char, self._sent(ent.root),
                                                      ent.root.dep_ in ("nsubj", "nsubjpass"), False, res))

    def _sent(self, tok: Token) -> int:
        return self.qx.sentence_number(tok)

    def _before(self, char: int, reach: int) -> Iterator[_Candidate]:
        """Up to ``reach`` candidates mentioned before ``char``, nearest first."""
        end = bisect_left(self.candidates, char, key=lambda c: c.start)
        for i in range(end - 1, max(-1, end - 1 - reach), -1):
            yield self.candidates[i]

    def _in_headline(self, tok: Token) -> bool:
        number = self._sent(tok)
        if number not in self._headlines:
            self._headlines[number] = headline(self.qx.sents[number], self.qx.text, self.lex)
        return self._headlines[number]

    def _person(self, ent: Span) -> Resolution | None:
        name = self.names.parse(ent.text)
        if name is None:
            return None
        if self._in_headline(ent.root):
            name = _known_given_names(name, self.names)
        titles = _titles_before(ent, self.lex)
        return self.people.add(name, titles, _gender(name, titles, self.lex))

    def resolve(self, draft: Draft) -> Resolution | None:
        mention = draft.speaker
        if mention is None or not len(mention):
            return None
        res = self._classify(mention)
        cand = _Candidate(mention.start_char, self._sent(mention.root), True, True, res)
        insort(self.candidates, cand, key=lambda c: c.start)
        if res.kind == "anonymous":
            self.anonymous.append((mention.start_char, res.head, res))
        return res

    def _classify(self, mention: Span) -> Resolution:
        root = mention.root
        low = root.lower_
        if len(mention) == 1 and root.pos_ == "PRON":
            return self._pronoun(root)
        person = self._named_person(mention)
        if person is not None:
            return person
        words = [t.lower_ for t in mention]
        det = {t.lower_ for t in mention if t.dep_ in ("det", "nummod", "quantmod")}
        lemma = root.lemma_.lower()
        people = self.lex.people
        indefinite = det & people.indefinite_determiners.words or (
            "the" not in det and root.pos_ == "NOUN" and low not in people.group_heads
        )
        if indefinite and (lemma in people.anonymous_heads or low in people.anonymous_heads):
            return Resolution("anonymous", mention.text, head=lemma)
        if "the" in det and lemma in people.document_heads:
            author = self._document_author(mention, lemma)
            if author is not None:
                return author
        if "the" in det and (lemma in people.person_roles or low in people.person_roles):
            found = self._description(mention, words) or self._earlier_anonymous(mention, lemma)
            if found is not None:
                return found
        return self._unnamed(mention, root, lemma)

    def _known_person(self, mention: Span) -> Resolution | None:
        """A proper name that matches a person already seen (NER sometimes tags 'Zelenskyy' as ORG)."""
        if not mention.root.text[:1].isupper():
            return None
        parsed = self.names.parse(mention.text)
        if parsed is None or not any(c.person is not None and c.person.compatible(parsed)
                                     for c in self.people.clusters):
            return None
        return self.people.add(parsed, frozenset(), None)

    def _unnamed(self, mention: Span, root: Token, lemma: str) -> Resolution:
        people = self.lex.people
        known = self._known_person(mention)
        if known is not None:
            return known
        name = _without_determiner(mention, self.lex)
        if any(c.dep_ == "conj" for c in root.children) and root.pos_ == "PROPN":
            return Resolution("group", mention.text, head=lemma)
        if root.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or lemma in people.organization_heads \
                or lemma in people.document_heads or mention.text.lower().removeprefix("the ") in self.lex.outlets:
            return Resolution("organization", name, head=lemma)
        if (lemma in people.anonymous_heads and root.tag_ in ("NNS", "NNPS")) or root.lower_ in people.group_heads:
            return Resolution("group", mention.text, head=lemma)
        if lemma in people.anonymous_heads:
            return Resolution("anonymous", mention.text, head=lemma)
        if root.pos_ == "PROPN" and root.ent_type_ in ("", "PERSON"):
            parsed = self.names.parse(mention.text)
            if parsed is not None:
                return self.people.add(parsed, frozenset(), _gender(parsed, frozenset(), self.lex))
        return Resolution("unknown", None, head=lemma)

    def _named_person(self, mention: Span) -> Resolution | None:
        """A mention whose head (or the head's appositive) is a PERSON entity."""
        root = mention.root
        heads = [root, *(c for c in root.children if c.dep_ == "appos")]
        last = mention[-1]
        if last.ent_type_ == "PERSON" and any(t.text == "," for t in mention[:-1]):
            heads.append(last)  # "Ukraine's ambassador to the United States, Olga Stefanishina"
        for tok in heads:
            if tok.ent_type_ == "PERSON":
                ent = self.qx.entity(tok)
                if ent is not None:
                    return self._person(ent)
        return None

    def _description(self, mention: Span, words: list[str]) -> Resolution | None:
        """'the Ukrainian leader' → the person whose titles share its role and nationality."""
        nationality = _nationality(words, self.lex)
        roles = _roles(words, self.lex) - self.lex.people.generic_roles.words
        if not roles:
            return None
        best = None
        for cand in self._before(mention.start_char, self.windows.description_reach):
            res = cand.resolution
            if res.kind != "person":
                continue
            cand_nat = _nationality(res.titles, self.lex)
            if roles & _roles(res.titles, self.lex) and (nationality is None or cand_nat == nationality):
                return res
            if best is None and nationality is not None and cand_nat == nationality and not res.titles - {
                w for w in res.titles if _nationality([w], self.lex)
            }:
                best = res
        return best

    def _document_author(self, mention: Span, lemma: str) -> Resolution | None:
        """'The letter' → the author of the earlier 'a letter from Vladimir Putin'."""
        for tok in reversed(self.doc[max(0, mention.start - self.windows.author_reach) : mention.start]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            prep = next((c for c in tok.children if c.dep_ == "prep"
                         and c.lower_ in self.lex.function_words.author_prepositions), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None:
                return None
            ent = self.qx.entity(obj)
            return self._person(ent) if ent is not None and ent.label_ == "PERSON" else None
        return None

    def _earlier_anonymous(self, mention: Span, lemma: str) -> Resolution | None:
        """'the official' → the earlier 'a senior defense official'."""
        for start, head, res in reversed(self.anonymous):
            if start < mention.start_char and head == lemma:
                return res
        return None

    def _pronoun(self, tok: Token) -> Resolution:
        low = tok.lower_
        pronouns = self.lex.people.pronouns
        gender = "m" if low in pronouns.male else "f" if low in pronouns.female else None
        if low in pronouns.plural:
            return self._plural(tok)
        if gender is None:
            return Resolution("unknown", None, head=low)
        asked = self._asked_about(tok)
        if asked is not None:
            return asked
        sent = self._sent(tok)
        speaker_reach, subject_reach = self.windows.pronoun_speaker_sentences, self.windows.pronoun_subject_sentences
        for window, test in ((speaker_reach, lambda c: c.speaker), (subject_reach, lambda c: c.subject),
                             (subject_reach, lambda c: True)):
            for cand in self._before(tok.idx, len(self.candidates)):
                if sent - cand.sent > window:
                    break
                res = cand.resolution
                if res.kind == "person" and test(cand) and res.gender in (None, gender):
                    return res
        return Resolution("unknown", None, head=low)

    def _plural(self, tok: Token) -> Resolution:
        """'They said …' right after a group or organization spoke: that group."""
        sent = self._sent(tok)
        for cand in self._before(tok.idx, len(self.candidates)):
            if sent - cand.sent > self.windows.pronoun_speaker_sentences:
                break
            if cand.speaker and cand.resolution.kind in ("group", "organization"):
                return cand.resolution
        return Resolution("unknown", None, head=tok.lower_)

    def _asked_about(self, tok: Token) -> Resolution | None:
        """Asked whether Trump was considering …, he replied: the pronoun is the one asked about."""
        verb = tok.head
        for child in verb.children:
            if child.dep_ == "advcl" and child.lower_ == "asked" and child.i < tok.i:
                for sub in child.subtree:
                    if sub.dep_ == "nsubj" and sub.ent_type_ == "PERSON":
                        ent = self.qx.entity(sub)
                        if ent is not None:
                            return self._person(ent)
        return None


def resolve_speakers(doc: Doc, qx: DocIndex, drafts: list[Draft], names: Names) -> list[Resolution | None]:
    """One resolution per draft (same order); inherited drafts share their source's."""
    resolver = _Resolver(doc, qx, names)
    order = sorted(range(len(drafts)), key=lambda i: drafts[i].speaker.start_char if drafts[i].speaker else 0)
    out: list[Resolution | None] = [None] * len(drafts)
    by_mention: dict[int, Resolution | None] = {}
    for i in order:
        sp = drafts[i].speaker
        if sp is None:
            continue
        if sp.start_char not in by_mention:
            by_mention[sp.start_char] = resolver.resolve(drafts[i])
        out[i] = by_mention[sp.start_char]
    return out


def entity_id(res: Resolution) -> str | None:
    """Doc-local entity id: a slug of the canonical name for people and organisations."""
    if res.kind in ("person", "organization") and res.name:
        return slug(res.name.removeprefix("the ").removeprefix("The "))
    return None
