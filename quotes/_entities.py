"""Person names: transliteration keys, canonical forms and one entity id per person across a run."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from quotes._errors import AliasTableError
from quotes._lexicon import Lexicon, TransliterationData, default_lexicon

__all__ = ["EntityRegistry", "Names", "PersonName", "alias_index", "load_aliases", "slug"]

_POSSESSIVE = regex.compile(r"[’']s?$")
_KEY_CACHE = 65536


def _ascii_lower(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _fold(word: str, rules: TransliterationData) -> str:
    key = regex.sub(r"[^a-z]", "", _ascii_lower(word))
    for old, new in rules.endings:
        if key.endswith(old) and len(key) > len(old) + 2:
            key = key[: -len(old)] + new
            break
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
    """A person's name split for matching: given names and surname (titles removed) with their keys."""

    given: tuple[str, ...]
    surname: str
    given_key: str | None
    surname_key: str

    @property
    def full(self) -> str:
        """The name as written, given names first."""
        return " ".join((*self.given, self.surname))

    def compatible(self, other: PersonName) -> bool:
        """Same surname by rule, and the same first name where both have one."""
        if self.surname_key != other.surname_key:
            return False
        return self.given_key is None or other.given_key is None or self.given_key == other.given_key


class Names:
    """Parses person names and folds romanisations to keys, by one lexicon's rules."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._keys: dict[str, str] = {}

    def key(self, word: str) -> str:
        """Fold a transliterated name to one key: Zelensky, Zelenskyy, Zelenskiy → 'zelenski'."""
        key = self._keys.get(word)
        if key is None:
            if len(self._keys) >= _KEY_CACHE:  # bounded: an archive run meets millions of distinct names
                self._keys.clear()
            key = self._keys[word] = _fold(word, self.lex.transliteration)
        return key

    def person(self, given: tuple[str, ...], surname: str) -> PersonName:
        """A name from its parts, keys computed."""
        return PersonName(given, surname, self.key(given[0]) if given else None, self.key(surname))

    def parse(self, text: str) -> PersonName | None:
        """'President Donald Trump’s' → given ('Donald',), surname 'Trump'."""
        people = self.lex.people
        words = [_POSSESSIVE.sub("", w.strip(".,")) for w in text.split()]
        words = [w for w in words if w and w[0].isupper() and w.lower() not in people.nationalities
                 and w.lower().strip(".") not in people.honorifics]
        if not words:
            return None
        return self.person(tuple(words[:-1]), words[-1])


@dataclass
class _Entity:
    entity_id: str
    name: PersonName
    mentions: int = 0


@dataclass
class EntityRegistry:
    """One canonical name and entity id per person, shared by every document of a run."""

    aliases: dict[str, Any] = field(default_factory=dict)
    names: Names = field(default_factory=lambda: Names(default_lexicon()))
    _by_surname: dict[str, list[_Entity]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.aliases = alias_index(self.aliases)

    def knows(self, name: PersonName) -> bool:
        """True when a person compatible with ``name`` was seen earlier in the run."""
        return any(e.name.compatible(name) for e in self._by_surname.get(name.surname_key, []))

    def resolve(self, name: PersonName) -> tuple[str, str]:
        """Canonical name and entity id for a (doc-canonical) person name."""
        alias = self.aliases.get(name.full.lower()) or self.aliases.get(name.surname.lower())
        if alias is not None:
            parsed = self.names.parse(alias)
            if parsed is not None:
                name = parsed
        pool = self._by_surname.setdefault(name.surname_key, [])
        matches = [e for e in pool if e.name.compatible(name)]
        if name.given_key is None and matches:
            entity = max(matches, key=lambda e: e.mentions)
        elif matches:
            entity = next((e for e in matches if e.name.given_key == name.given_key), matches[0])
            if len(name.full) > len(entity.name.full) and entity.name.given_key is None:
                entity.name = name
        else:
            entity = _Entity(slug(name.full), name)
            pool.append(entity)
        entity.mentions += 1
        return entity.name.full, entity.entity_id


def alias_index(table: dict[str, Any]) -> dict[str, str]:
    """variant (lower case) → canonical, from either shape: canonical → [variants], or variant → canonical."""
    index: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, str):
            index[key.lower()] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            for variant in (key, *value):
                index[variant.lower()] = key
        else:
            raise TypeError(f"alias table entry {key!r}: expected a name or a list of names")
    return index


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read a user alias table (JSON or YAML: canonical → [variants]) into variant → canonical."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AliasTableError("Q005", path=path, reason=exc.strerror or str(exc)) from exc
    data = _parse_table(raw, path)
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
