"""Person names: transliteration keys, canonical forms and one entity id per person across a run."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from quotes._errors import AliasTableError
from quotes._lexicon import Lexicon, TransliterationData, default_lexicon

__all__ = ["EntityRegistry", "Names", "PersonName", "alias_index", "load_aliases", "plain_letters", "slug"]

_POSSESSIVE = regex.compile(r"[’']s?$")
_KEY_CACHE = 65536


def _bounded(cache: dict[str, Any], key: str, compute: Callable[[str], Any]) -> Any:
    """``compute(key)`` once per key; the cache empties when full (an archive run meets millions of names)."""
    if key not in cache:
        if len(cache) >= _KEY_CACHE:
            cache.clear()
        cache[key] = compute(key)
    return cache[key]


def _ascii_lower(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def plain_letters(text: str, letters: dict[int, str]) -> str:
    """Lower-case ASCII letters only, after the transliteration table ``letters`` (str.maketrans of the lexicon's
    ``transliteration.letters``): 'Wałęsa' → 'walesa', 'Jong-un' → 'jongun'. The form the name lists are kept in."""
    return regex.sub(r"[^a-z]", "", _ascii_lower(text.translate(letters)))


def _fold(plain: str, rules: TransliterationData) -> str:
    """Fold the plain letters of an East Slavic surname: Zelenskyy, Zelenskiy, Zelensky → one key."""
    key = plain
    for old, new in rules.endings:
        if key.endswith(old) and len(key) > len(old) + 2:
            key = key[: -len(old)] + new
            break
    for _ in range(rules.substitution_passes):  # a second pass folds what the first one exposed (iye → ie → e)
        for old, new in rules.substitutions:
            key = key.replace(old, new)
    if rules.collapse_doubles:
        key = regex.sub(r"(.)\1+", r"\1", key)
    return key


def slug(text: str) -> str:
    """Entity id from a name: 'Volodymyr Zelensky' → 'volodymyr-zelensky'."""
    return regex.sub(r"[^a-z0-9]+", "-", _ascii_lower(text)).strip("-") or "unknown"


@dataclass(frozen=True)
class PersonName:
    """A person's name as written (titles stripped) with what identity rests on: keys, gender, suffix."""

    full: str
    given: tuple[str, ...]
    surname: str
    suffix: str | None
    gender: str | None
    slavic: bool
    letters: str  # the whole name's plain letters: 'Kim Jong-un' and 'Kim Jong Un' are one name
    surname_plain: str
    surname_key: str
    given_forms: frozenset[str]  # the first given name's class or full forms; empty without a given name
    given_folded: frozenset[str]
    middle: tuple[str, ...]  # initials of the middle names: George H. W. Bush is not George W. Bush

    def compatible(self, other: PersonName, strict: bool = False) -> bool:
        """Could both be one person? ``strict``: a titled bare surname needs a known, equal gender."""
        if self.suffix != other.suffix or (self.gender and other.gender and self.gender != other.gender):
            return False
        if self.letters == other.letters:
            return True
        slavic = self.slavic or other.slavic
        if self.surname_plain != other.surname_plain and not (slavic and self.surname_key == other.surname_key):
            return False
        bare, named = (self, other) if not self.given_forms else (other, self)
        if strict and not bare.given_forms and bare.gender and named.given_forms and not named.gender:
            return False  # 'Mrs. Obama' and a Barack Obama of unknown gender: do not guess across documents
        if not self.given_forms or not other.given_forms:
            return True
        if not (self.given_forms & other.given_forms or (slavic and self.given_folded & other.given_folded)):
            return False
        return not (self.middle and other.middle and self.middle != other.middle)


class Names:
    """Parses person names and decides identity by one lexicon's rules (titles, given names, romanisation)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._letters = str.maketrans(dict(lex.transliteration.letters))
        self._keys: dict[str, str] = {}
        self._parsed: dict[str, PersonName | None] = {}

    def plain(self, text: str) -> str:
        """Lower-case ASCII letters only: 'Wałęsa' → 'walesa', 'Jong-un' → 'jongun'."""
        return plain_letters(text, self._letters)

    def key(self, word: str) -> str:
        """The folded key of a name word (cached, bounded: an archive run meets millions of names)."""
        return _bounded(self._keys, word, lambda w: _fold(self.plain(w), self.lex.transliteration))

    def _given_forms(self, given: str) -> frozenset[str]:
        low = self.plain(given)
        classes = self.lex.given_name_class
        full = self.lex.diminutives.get(low, ())
        return frozenset({classes[low][0] if low in classes else low, *(classes.get(f, (f,))[0] for f in full)})

    def given_gender(self, given: str) -> str | None:
        """'m' or 'f' from the given-name classes, the name lists or a short form's full names; else None.

        A hyphenated name the lists lack takes the gender its known parts agree on ('Jean-Marc' → m).
        """
        low = self.plain(given)
        genders = {self._gender_of(n) for n in self.lex.diminutives.get(low, ())} or {self._gender_of(low)}
        if genders == {None} and "-" in given:
            genders = {g for part in given.split("-") if part and (g := self.given_gender(part))}
        return genders.pop() if len(genders) == 1 else None

    def known_given(self, given: str) -> bool:
        """True for a given name the lexicon knows (lists, classes, short forms), whatever its gender."""
        low = self.plain(given)
        lex = self.lex
        return low in lex.given_name_class or low in lex.diminutives or low in lex.female_names \
            or low in lex.male_names

    def _gender_of(self, low: str) -> str | None:
        if low in self.lex.given_name_class:
            return self.lex.given_name_class[low][1]
        female, male = low in self.lex.female_names, low in self.lex.male_names
        return "f" if female and not male else "m" if male and not female else None

    def _slavic(self, surname: str, given: tuple[str, ...]) -> bool:
        plain = self.plain(surname)
        return plain.endswith(self.lex.transliteration.slavic_surname_endings) or (
            bool(given) and self.plain(given[0]) in self.lex.given_name_class)

    def _title_gender(self, word: str) -> str | None:
        titles = self.lex.people.gendered_titles
        return "f" if word in titles.female else "m" if word in titles.male else None

    def _leading_titles(self, words: list[str]) -> tuple[int, str | None]:
        """How many leading words are a title phrase (up to its last title or role word), and its gender.

        'Justice Department spokesman Peter Carr' → 3; the last word is always the name's, so 'Betty White' and
        'Bill Press' keep theirs.
        """
        people = self.lex.people
        last = -1
        for i, word in enumerate(words[:-1]):
            low = word.lower().strip(".,")
            title = low in people.honorifics or low in people.nationalities or low in people.person_roles \
                or low in self.lex.outlets  # 'Reuters Putin': a credit run into the name
            lower = not word[:1].isupper() and low not in people.name_particles.words  # 'de Blasio' is a name
            if title or _POSSESSIVE.search(word) or (lower and last == i - 1):
                last = i  # lower-case words count only inside the leading phrase ('press' of 'White House press')
        titles = [w.lower().strip(".,") for w in words[: last + 1]]
        gender = next((g for g in map(self._title_gender, titles) if g), None)
        return last + 1, gender

    def parse(self, text: str) -> PersonName | None:
        """'President Donald J. Trump’s' → 'Donald J. Trump'; titles only as a leading phrase ('Betty White')."""
        return _bounded(self._parsed, text, self._parse)

    def _surname_start(self, words: list[str]) -> int:
        """Where the surname starts: the last word, with the particles right before it ('Ursula von der Leyen',
        'Van Hollen'); a particle never swallows the whole name but for a surname written alone with them."""
        particles = self.lex.people.name_particles.words
        start = len(words) - 1
        while start > 0 and words[start - 1].lower() in particles:
            start -= 1
        return start

    def _parse(self, text: str) -> PersonName | None:
        words = [w.strip(",;:") for w in text.split()]
        if words:
            words[-1] = _POSSESSIVE.sub("", words[-1])
        words = [w for w in words if w]
        lead, gender = self._leading_titles(words)
        words_before, words = words, words[lead:]
        if any(c.isdigit() for w in words for c in w):
            return None  # 'Perm 35 - a' (a camp the tagger took for a person): names have no digits
        while len(words) > 1 and not words[-1][:1].isupper():
            words = words[:-1]  # 'David Kahn -' of 'David Kahn - a former Yale historian'
        full = " ".join(words)
        suffix = None
        if len(words) > 1 and words[-1].lower().strip(".") in self.lex.people.name_suffixes.words:
            suffix = words.pop().lower().strip(".")
        named = [w for w in words if w[:1].isupper()]
        if not named:
            return None
        start = self._surname_start(words)
        named = [w for w in words[:start] if w[:1].isupper()] + [" ".join(words[start:]).strip(".")]
        given, surname = tuple(w.strip(".") for w in named[:-1]), named[-1]
        forms = self._given_forms(given[0]) if given else frozenset()
        if given:
            gender = gender or self.given_gender(given[0])
        elif gender:
            full = f"{words_before[lead - 1]} {full}"  # 'Mrs. Trump': the title is all that tells her apart
        return PersonName(
            full=full, given=given, surname=surname, suffix=suffix,
            gender=gender, slavic=self._slavic(surname, given), letters=self.plain(" ".join(named)),
            surname_plain=self.plain(surname), surname_key=self.key(surname),
            given_forms=forms, given_folded=frozenset(self.key(g) for g in forms),
            middle=tuple(self.plain(g)[:1] for g in given[1:]),
        )


@dataclass
class _Entity:
    entity_id: str
    name: PersonName


@dataclass
class EntityRegistry:
    """One canonical name and entity id per person, shared by every document of a run."""

    aliases: dict[str, Any] = field(default_factory=dict)
    names: Names = field(default_factory=lambda: Names(default_lexicon()))
    _by_surname: dict[str, list[_Entity]] = field(default_factory=dict)
    _seen: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.aliases = alias_index(self.aliases)

    def resolve(self, name: PersonName) -> tuple[str, str | None]:
        """Canonical name and entity id for a (doc-canonical) person name; no id when the name is ambiguous.

        A name gets its answer when the run first meets it and keeps it, so the answer depends only on the
        order in which distinct names first appear (what ``quotes.spark`` reproduces).
        """
        if name.full not in self._seen:
            self._seen[name.full] = self._resolve(name)
        return self._seen[name.full]

    def _resolve(self, name: PersonName) -> tuple[str, str | None]:
        alias = self.aliases.get(name.full.lower()) or self.aliases.get(name.surname.lower())
        if alias is not None:
            name = self.names.parse(alias) or name
        pool = self._by_surname.setdefault(name.surname_key, [])
        matches = [e for e in pool if e.name.compatible(name, strict=True)]
        if not name.given_forms and len({e.entity_id for e in matches}) > 1:
            return name.full, None  # 'Clinton' in a run with Bill and Hillary: do not guess
        same_given = [e for e in matches if e.name.given_forms and e.name.given_forms & name.given_forms]
        entity = (same_given or matches or [None])[0]
        if entity is None:
            entity = _Entity(slug(name.full), name)
            pool.append(entity)
        elif not entity.name.given_forms and name.given_forms:
            entity.name = name  # 'Peskov' first, 'Dmitry Peskov' later: the fuller name from now on
        return entity.name.full, entity.entity_id


def alias_index(table: dict[str, Any]) -> dict[str, str]:
    """variant (lower case) → canonical, from either shape: canonical → [variants], or variant → canonical."""
    index: dict[str, str] = {}
    for key, value in table.items():
        if not isinstance(key, str):
            raise TypeError(f"aliases: key {key!r} is {type(key).__name__}, expected str (a name)")
        if isinstance(value, str):
            index[key.lower()] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            for variant in (key, *value):
                index[variant.lower()] = key
        else:
            raise TypeError(f"aliases: entry {key!r} is {type(value).__name__}, expected a name or a list of names")
    return index


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read a user alias table (JSON or YAML: canonical → [variants]) into variant → canonical."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AliasTableError("Q005", path=path, reason=exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start}); save it as UTF-8"
        raise AliasTableError("Q005", path=path, reason=reason) from None
    try:
        data = _parse_table(raw, path)
    except RecursionError:
        raise AliasTableError("Q005", path=path, reason="nested too deeply; expected a mapping of canonical name "
                                                        "to a list of variants") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in data.items()
    ):
        raise AliasTableError("Q005", path=path, reason="expected a mapping of canonical name to a list of variants")
    return alias_index(data)


def _parse_table(raw: str, path: Path) -> object:
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            return yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or type(exc).__name__
            raise AliasTableError("Q005", path=path, reason=f"invalid YAML: {problem}{where}") from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AliasTableError("Q005", path=path, reason=f"invalid JSON: {exc.msg} at line {exc.lineno}") from exc
