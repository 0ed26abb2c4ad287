"""Person names: transliteration keys, canonical forms and one entity id per person across a run."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from quotes._errors import AliasTableError
from quotes._patterns import lexicon, load_pattern_file

__all__ = ["EntityRegistry", "PersonName", "alias_index", "load_aliases", "name_key", "slug"]

_POSSESSIVE = regex.compile(r"[’']s?$")


def _ascii_lower(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@cache
def _rules() -> tuple[list[tuple[str, str]], list[tuple[str, str]], bool]:
    data = load_pattern_file("transliteration.json")
    return ([tuple(p) for p in data["endings"]], [tuple(p) for p in data["substitutions"]],
            bool(data["collapse_doubles"]))


@lru_cache(maxsize=65536)  # bounded: an archive run meets millions of distinct names
def name_key(word: str) -> str:
    """Fold a transliterated name to one key: Zelensky, Zelenskyy, Zelenskiy → 'zelenski'."""
    endings, subs, collapse = _rules()
    key = regex.sub(r"[^a-z]", "", _ascii_lower(word))
    for old, new in endings:
        if key.endswith(old) and len(key) > len(old) + 2:
            key = key[: -len(old)] + new
            break
    for old, new in subs:
        key = key.replace(old, new)
    if collapse:
        key = regex.sub(r"(.)\1+", r"\1", key)
    return key


def slug(text: str) -> str:
    """Entity id from a name: 'Volodymyr Zelensky' → 'volodymyr-zelensky'."""
    return regex.sub(r"[^a-z0-9]+", "-", _ascii_lower(text)).strip("-") or "unknown"


@dataclass(frozen=True)
class PersonName:
    """A person's name split for matching: given names and surname, titles removed."""

    given: tuple[str, ...]
    surname: str

    @classmethod
    def parse(cls, text: str) -> PersonName | None:
        """'President Donald Trump’s' → given ('Donald',), surname 'Trump'."""
        lex = lexicon()
        words = [_POSSESSIVE.sub("", w.strip(".,")) for w in text.split()]
        words = [w for w in words if w and w[0].isupper() and w.lower() not in lex.nationalities
                 and w.lower().strip(".") not in lex.honorifics]
        if not words:
            return None
        return cls(tuple(words[:-1]), words[-1])

    @property
    def full(self) -> str:
        """The name as written, given names first."""
        return " ".join((*self.given, self.surname))

    @property
    def surname_key(self) -> str:
        """Transliteration key of the surname."""
        return name_key(self.surname)

    @property
    def given_key(self) -> str | None:
        """Transliteration key of the first given name, if any."""
        return name_key(self.given[0]) if self.given else None

    def compatible(self, other: PersonName) -> bool:
        """Same surname by rule, and the same first name where both have one."""
        if self.surname_key != other.surname_key:
            return False
        return self.given_key is None or other.given_key is None or self.given_key == other.given_key


@dataclass
class _Entity:
    entity_id: str
    name: PersonName
    mentions: int = 0


@dataclass
class EntityRegistry:
    """One canonical name and entity id per person, shared by every document of a run."""

    aliases: dict[str, Any] = field(default_factory=dict)
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
            parsed = PersonName.parse(alias)
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
