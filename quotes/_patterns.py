"""Loads the linguistic data in ``patterns/`` (shipped inside the wheel as ``quotes/patterns``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["Lexicon", "lexicon", "load_pattern_file"]


def _patterns_dir() -> Path:
    """The installed copy inside the package, else the source checkout's top-level folder."""
    installed = resources.files("quotes") / "patterns"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "patterns"


@cache
def load_pattern_file(name: str) -> dict[str, Any]:
    """One JSON data file of ``patterns/`` by file name."""
    with (_patterns_dir() / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _lower_set(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


@dataclass(frozen=True)
class Lexicon:
    """Every word list the passes consult, as lower-case sets for O(1) look-ups."""

    cue_verbs: frozenset[str]
    cue_class: dict[str, str]
    weak_verbs: frozenset[str]
    document_verbs: frozenset[str]
    document_subjects: frozenset[str]
    cue_nouns: frozenset[str]
    object_content_verbs: frozenset[str]
    topic_content: dict[str, frozenset[str]]
    honorifics: frozenset[str]
    person_roles: frozenset[str]
    female_roles: frozenset[str]
    male_roles: frozenset[str]
    anonymous_heads: frozenset[str]
    group_heads: frozenset[str]
    organization_heads: frozenset[str]
    document_heads: frozenset[str]
    nationalities: dict[str, str]
    outlets: frozenset[str]
    platforms: frozenset[str]
    channel_nouns: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """Build the lexicon once per process from the data files."""
    cues = load_pattern_file("cues.json")
    people = load_pattern_file("people.json")
    media = load_pattern_file("media.json")
    names = load_pattern_file("names.json")
    cue_class: dict[str, str] = {}
    for cls, verbs in cues["verbs"].items():
        if cls == "document":
            continue
        for verb in verbs:
            cue_class.setdefault(verb, cls)
    return Lexicon(
        cue_verbs=frozenset(cue_class),
        cue_class=cue_class,
        weak_verbs=_lower_set(cues["weak_verbs"]["lemmas"]),
        document_verbs=_lower_set(cues["verbs"]["document"]),
        document_subjects=_lower_set(cues["document_subjects"]["nouns"]),
        cue_nouns=_lower_set(cues["nouns"]["lemmas"]),
        object_content_verbs=_lower_set(cues["object_content"]["lemmas"]),
        topic_content={prep: _lower_set(verbs) for prep, verbs in cues["topic_content"].items() if prep != "_source"},
        honorifics=_lower_set(people["honorifics"]),
        person_roles=_lower_set(people["person_roles"]),
        female_roles=_lower_set(people["female_roles"]),
        male_roles=_lower_set(people["male_roles"]),
        anonymous_heads=_lower_set(people["anonymous_heads"]),
        group_heads=_lower_set(people["group_heads"]),
        organization_heads=_lower_set(people["organization_heads"]),
        document_heads=_lower_set(people["document_heads"]),
        nationalities={k.lower(): v for k, v in people["nationalities"].items()},
        outlets=_lower_set(media["outlets"]),
        platforms=_lower_set(media["platforms"]),
        channel_nouns=_lower_set(media["channel_nouns"]),
        female_names=_lower_set(names["female"]),
        male_names=_lower_set(names["male"]),
    )
