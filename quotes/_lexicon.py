"""The lexicon: every word list, phrase list and setting the passes use, loaded from ``patterns/`` and checked.

Each data file is validated by a pydantic model that forbids unknown keys and
requires every key a pass reads, so a typo in a file or a list nothing reads
fails at load time instead of silently switching a rule off. The passes get
the built :class:`Lexicon` as an argument; the spaCy component owns one and
saves it with the pipeline.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from quotes._errors import LexiconError
from quotes._models import Relation

__all__ = ["FILES", "Lexicon", "default_lexicon", "load_lexicon", "merge_overrides", "read_pattern_data"]

#: The data files of ``patterns/`` the lexicon is built from (file stem → file name).
FILES = ("cues", "people", "media", "names", "given_names", "transliteration", "furniture", "settings")


class _Strict(BaseModel):
    """A data section: unknown keys are errors; ``_source`` names where the data comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    source: str = Field(alias="_source", min_length=1)


def _lowered(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


class _Lemmas(_Strict):
    lemmas: frozenset[str]

    _lower = field_validator("lemmas", mode="before")(_lowered)


class _Words(_Strict):
    words: frozenset[str]

    _lower = field_validator("words", mode="before")(_lowered)


class _Nouns(_Strict):
    nouns: frozenset[str]

    _lower = field_validator("nouns", mode="before")(_lowered)


class AdverbialSource(BaseModel):
    """One prepositional attribution phrase ('according to'), the hop it makes, and where it may stand."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    words: tuple[str, ...]
    relation: Relation
    after_pause: bool

    @field_validator("words", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return tuple(value.lower().split()) if isinstance(value, str) else value


class _Phrases(_Strict):
    phrases: tuple[AdverbialSource, ...]


class _Infinitive(_Strict):
    classes: frozenset[str]
    lemmas: frozenset[str]


class _Relay(_Strict):
    citing: frozenset[str]
    obtained: frozenset[str]
    report_relations: dict[str, Relation]


class _Chains(_Strict):
    """The chain constructions around a cue (SPEC 'Attribution chain')."""

    told_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    addressee_prepositions: frozenset[str]
    interview_nouns: frozenset[str]
    interviewer_prepositions: frozenset[str]
    hosted_nouns: frozenset[str]
    outlet_prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    publication_verbs: frozenset[str]
    medium_verbs: frozenset[str]
    relay_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    relay_as: frozenset[str]
    relay_prepositions: frozenset[str]


class _CommentClauses(_Strict):
    marks: frozenset[str]
    lemmas: frozenset[str]

    _lower = field_validator("marks", "lemmas", mode="before")(_lowered)


class _FunctionWords(_Strict):
    complementizers: frozenset[str]
    interrogative_complementizers: frozenset[str]
    wh_words: frozenset[str]
    negators: frozenset[str]
    relative_pronouns: frozenset[str]
    non_speaker_subjects: frozenset[str]
    determiners: frozenset[str]
    author_prepositions: frozenset[str]


class _Topics(_Strict):
    by_preposition: dict[str, frozenset[str]]


class _Idioms(_Strict):
    objects: dict[str, frozenset[str]]


class _ParticleIdioms(_Strict):
    particles: dict[str, frozenset[str]]


class _WeakVerbs(_Lemmas):
    particles: dict[str, frozenset[str]]


class CueData(_Strict):
    """``cues.json``: speech verbs by class and the constructions that use them."""

    verbs: dict[str, tuple[str, ...]]
    document_subjects: _Nouns
    object_idioms: _Idioms
    particle_idioms: _ParticleIdioms
    clause_idioms: _Idioms
    weak_verbs: _WeakVerbs
    nouns: _Lemmas
    beliefs: _Lemmas
    adverbial_sources: _Phrases
    conformity_objects: _Lemmas
    object_content: _Lemmas
    topic_content: _Topics
    listener_verbs: _Lemmas
    as_verbs: _Lemmas
    fragment_verbs: _Lemmas
    grounds_prepositions: _Words
    continuation_verbs: _Lemmas
    naming_verbs: _Lemmas
    question_verbs: _Lemmas
    pro_form_contents: _Words
    terms_of_speaking: _Lemmas
    identifying_verbs: _Lemmas
    comment_clauses: _CommentClauses
    for_verbs: _Lemmas
    infinitive: _Infinitive
    object_control: _Infinitive
    relay: _Relay
    channel_prepositions: _Words
    chains: _Chains
    function_words: _FunctionWords


class _Pronouns(_Strict):
    male: frozenset[str]
    female: frozenset[str]
    plural: frozenset[str]
    neuter: frozenset[str]


class _Gendered(_Strict):
    female: frozenset[str]
    male: frozenset[str]


class _Demonyms(_Strict):
    nouns: dict[str, str]


class PeopleData(_Strict):
    """``people.json``: titles, roles, source heads and nationalities."""

    honorifics: frozenset[str]
    person_roles: frozenset[str]
    female_roles: frozenset[str]
    male_roles: frozenset[str]
    anonymous_heads: frozenset[str]
    group_heads: frozenset[str]
    organization_heads: frozenset[str]
    document_heads: frozenset[str]
    nationalities: dict[str, str]
    pronouns: _Pronouns
    gendered_titles: _Gendered
    definite_determiners: _Words
    indefinite_determiners: _Words
    leader_roles: _Words
    generic_roles: _Words
    name_suffixes: _Words
    role_modifiers: _Words
    person_demonyms: _Demonyms
    name_particles: _Words


class MediaData(_Strict):
    """``media.json``: outlets, platforms and channel nouns."""

    outlets: frozenset[str]
    platforms: frozenset[str]
    channel_nouns: frozenset[str]
    outlet_nouns: frozenset[str]

    _lower = field_validator("outlets", "platforms", "channel_nouns", "outlet_nouns", mode="before")(_lowered)


class NameData(_Strict):
    """``names.json``: given names by gender."""

    female: frozenset[str]
    male: frozenset[str]

    _lower = field_validator("female", "male", mode="before")(_lowered)


class TransliterationData(_Strict):
    """``transliteration.json``: the folding rules of East Slavic romanisations and when they apply."""

    letters: dict[str, str]
    endings: tuple[tuple[str, str], ...]
    substitutions: tuple[tuple[str, str], ...]
    substitution_passes: int = Field(ge=1)
    collapse_doubles: bool
    slavic_surname_endings: tuple[str, ...]


class _Diminutives(_Strict):
    forms: dict[str, tuple[str, ...]]


class GivenNameData(_Strict):
    """``given_names.json``: classes of one given name across romanisations, by gender; English short forms."""

    male: tuple[tuple[str, ...], ...]
    female: tuple[tuple[str, ...], ...]
    diminutives: _Diminutives


class _Patterns(_Strict):
    patterns: tuple[str, ...]


class _Captions(_Strict):
    agencies: tuple[str, ...]
    openers: tuple[str, ...]
    labels: tuple[str, ...]
    caption_verbs: tuple[str, ...]
    credit_labels: tuple[str, ...]
    media_nouns: tuple[str, ...]
    finite_verbs: tuple[str, ...]

    @field_validator("agencies")
    @classmethod
    def _no_sentence_end(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """A credit follows the caption's last sentence end (the furniture pass searches from there): none in it."""
        bad = [a for a in value if any(c in a for c in ".!?")]
        if bad:
            raise ValueError(f"an agency credit holds a sentence end: {bad}")
        return value


class _Bylines(_Strict):
    openers: tuple[str, ...]
    connectors: tuple[str, ...]
    signoffs: tuple[str, ...]


class _Dates(_Strict):
    prefixes: tuple[str, ...]
    words: tuple[str, ...]


class _Headlines(_Strict):
    minor_words: tuple[str, ...]
    prose_openers: tuple[str, ...]
    prose_words: tuple[str, ...]
    question_pronouns: tuple[str, ...]
    max_words_title: int
    max_words_plain: int


class _Lines(_Strict):
    max_sentence_breaks: int = Field(ge=0)


class FurnitureData(_Strict):
    """``furniture.json``: page-furniture patterns (compiled by :func:`quotes._furniture.build_rules`)."""

    whole_lines: _Patterns
    line_phrases: _Patterns
    link_lines: _Patterns
    disclaimer_headings: _Patterns
    list_headings: _Patterns
    captions: _Captions
    bylines: _Bylines
    dates: _Dates
    datelines: _Patterns
    headlines: _Headlines
    lines: _Lines


class Confidence(BaseModel):
    """Confidence of each kind of record (0–1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    direct_cue: float = Field(ge=0, le=1)
    direct_signature: float = Field(ge=0, le=1)
    direct_noun_intro: float = Field(ge=0, le=1)
    reported_direct: float = Field(ge=0, le=1)
    reported_mixed: float = Field(ge=0, le=1)
    reported_indirect: float = Field(ge=0, le=1)
    according: float = Field(ge=0, le=1)
    no_speaker: float = Field(ge=0, le=1)
    direct_no_speaker: float = Field(ge=0, le=1)
    continuation: float = Field(ge=0, le=1)
    fragment: float = Field(ge=0, le=1)
    repaired_pairing_cap: float = Field(ge=0, le=1)
    term: float = Field(ge=0, le=1)
    model_only: float = Field(ge=0, le=1)  # a record only the learned pass found
    agreement_bonus: float = Field(ge=0, le=1)  # added when the rules and the learned pass agree …
    agreement_cap: float = Field(ge=0, le=1)  # … up to this
    unknown_speaker_cap: float = Field(ge=0, le=1)


class Windows(BaseModel):
    """How far the rules look, in tokens, sentences, candidates or paragraph breaks."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    cue_tokens: int = Field(ge=1)
    comma_reach: int = Field(ge=1)
    min_words_midsentence: int = Field(ge=1)
    headline_tokens: int = Field(ge=1)
    description_reach: int = Field(ge=1)
    author_reach: int = Field(ge=1)
    pronoun_previous_subject_sentences: int = Field(ge=0)  # the subject just before a pronoun comes first
    pronoun_speaker_sentences: int = Field(ge=0)
    pronoun_subject_sentences: int = Field(ge=0)
    continuation_paragraph_breaks: int = Field(ge=0)
    nickname_words: int = Field(ge=1)  # 'Dwayne “The Rock” Johnson', '“Ted Cruz” pins': a quoted name in passing


class SettingsData(_Strict):
    """``settings.json``: confidences and windows."""

    confidence: Confidence
    windows: Windows


_MODELS: dict[str, type[BaseModel]] = {
    "cues": CueData, "people": PeopleData, "media": MediaData, "names": NameData,
    "given_names": GivenNameData, "transliteration": TransliterationData, "furniture": FurnitureData,
    "settings": SettingsData,
}


@dataclass(frozen=True)
class Lexicon:
    """Everything the passes consult, flat and as sets for O(1) look-ups, built once from the checked data."""

    data: Mapping[str, Any] = field(repr=False)  # the raw JSON per file, as saved with a pipeline
    # cues.json
    cue_class: Mapping[str, str]
    cue_verbs: frozenset[str]
    document_verbs: frozenset[str]
    document_subjects: frozenset[str]
    object_idioms: Mapping[str, frozenset[str]]  # verb lemma → the objects that make it a speech verb ('put it')
    particle_idioms: Mapping[str, frozenset[str]]  # verb lemma → the particles that make it one ('went on')
    clause_idioms: Mapping[str, frozenset[str]]  # verb lemma → the words that with a 'that' clause make it one
    weak_verbs: frozenset[str]
    strong_particles: Mapping[str, frozenset[str]]  # weak verb lemma → the particles that make it say a bare clause
    cue_nouns: frozenset[str]
    belief_verbs: frozenset[str]
    adverbial_sources: tuple[AdverbialSource, ...]
    adverbial_by_first: Mapping[str, tuple[AdverbialSource, ...]]  # a token that starts no phrase is skipped in O(1)
    conformity_objects: frozenset[str]
    object_content_verbs: frozenset[str]
    topic_content: Mapping[str, frozenset[str]]
    listener_verbs: frozenset[str]
    as_verbs: frozenset[str]
    fragment_verbs: frozenset[str]
    grounds_prepositions: frozenset[str]
    continuation_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    question_verbs: frozenset[str]
    comment_marks: frozenset[str]
    comment_verbs: frozenset[str]
    pro_forms: frozenset[str]
    speaking_terms: frozenset[str]
    identifying_verbs: frozenset[str]
    for_verbs: frozenset[str]
    infinitive_classes: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_control_classes: frozenset[str]
    object_control_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    obtained_verbs: frozenset[str]
    report_relations: Mapping[str, Relation]
    channel_prepositions: frozenset[str]
    chains: _Chains
    function_words: _FunctionWords
    # people.json
    people: PeopleData
    # media.json
    outlets: frozenset[str]
    platforms: frozenset[str]
    channel_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    # names.json
    female_names: frozenset[str]
    male_names: frozenset[str]
    # given_names.json: spelling → (class, gender) and short form → full names
    given_name_class: Mapping[str, tuple[str, str]]
    diminutives: Mapping[str, tuple[str, ...]]
    # transliteration.json, settings.json, furniture.json
    transliteration: TransliterationData
    confidence: Confidence
    windows: Windows
    furniture: Any = field(repr=False)  # quotes._furniture.FurnitureRules


def _patterns_dir() -> Path:
    """The installed copy inside the package, else the source checkout's top-level folder."""
    installed = resources.files("quotes") / "patterns"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "patterns"


def read_pattern_data(folder: str | Path | None = None) -> dict[str, Any]:
    """The raw JSON of every lexicon file in ``folder`` (default: the package's patterns)."""
    root = Path(folder) if folder is not None else _patterns_dir()
    data: dict[str, Any] = {}
    for stem in FILES:
        path = root / f"{stem}.json"
        try:
            data[stem] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LexiconError("Q007", where=str(path), reason=str(exc).splitlines()[0]) from exc
    return data


def merge_overrides(data: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``data`` with ``overrides`` merged in (dicts recursively, anything else replaced)."""
    merged = copy.deepcopy(dict(data))
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge_overrides(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _check(stem: str, raw: Any) -> BaseModel:
    try:
        return _MODELS[stem].model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f"{stem}.json: {'.'.join(str(p) for p in first['loc'])}"
        raise LexiconError("Q007", where=where, reason=first["msg"]) from exc


def _cue_classes(verbs: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    classes: dict[str, str] = {}
    for cls, lemmas in verbs.items():
        if cls != "document":
            for lemma in lemmas:
                classes.setdefault(lemma.lower(), cls)
    return classes


def _by_first_word(phrases: tuple[AdverbialSource, ...]) -> dict[str, tuple[AdverbialSource, ...]]:
    """Phrases grouped by their first word, in the lexicon's order."""
    out: dict[str, tuple[AdverbialSource, ...]] = {}
    for phrase in phrases:
        out[phrase.words[0]] = (*out.get(phrase.words[0], ()), phrase)
    return out


def _cue_fields(cues: CueData) -> dict[str, Any]:
    classes = _cue_classes(cues.verbs)
    return {
        "cue_class": classes, "cue_verbs": frozenset(classes),
        "document_verbs": _lowered(list(cues.verbs.get("document", ()))),
        "document_subjects": cues.document_subjects.nouns, "weak_verbs": cues.weak_verbs.lemmas,
        "strong_particles": {v: _lowered(list(p)) for v, p in cues.weak_verbs.particles.items()},
        "object_idioms": {v: _lowered(list(o)) for v, o in cues.object_idioms.objects.items()},
        "particle_idioms": {v: _lowered(list(p)) for v, p in cues.particle_idioms.particles.items()},
        "clause_idioms": {v: _lowered(list(o)) for v, o in cues.clause_idioms.objects.items()},
        "cue_nouns": cues.nouns.lemmas, "belief_verbs": cues.beliefs.lemmas,
        "adverbial_sources": cues.adverbial_sources.phrases,
        "adverbial_by_first": _by_first_word(cues.adverbial_sources.phrases),
        "conformity_objects": cues.conformity_objects.lemmas,
        "object_content_verbs": cues.object_content.lemmas,
        "topic_content": {p: _lowered(list(v)) for p, v in cues.topic_content.by_preposition.items()},
        "listener_verbs": cues.listener_verbs.lemmas, "as_verbs": cues.as_verbs.lemmas,
        "fragment_verbs": cues.fragment_verbs.lemmas,
        "naming_verbs": cues.naming_verbs.lemmas, "question_verbs": cues.question_verbs.lemmas,
        "grounds_prepositions": cues.grounds_prepositions.words,
        "continuation_verbs": cues.continuation_verbs.lemmas,
        "comment_marks": cues.comment_clauses.marks, "comment_verbs": cues.comment_clauses.lemmas,
        "pro_forms": cues.pro_form_contents.words, "speaking_terms": cues.terms_of_speaking.lemmas,
        "identifying_verbs": cues.identifying_verbs.lemmas,
        "for_verbs": cues.for_verbs.lemmas, "infinitive_classes": cues.infinitive.classes,
        "infinitive_verbs": cues.infinitive.lemmas, "citing_verbs": cues.relay.citing,
        "object_control_classes": cues.object_control.classes, "object_control_verbs": cues.object_control.lemmas,
        "obtained_verbs": cues.relay.obtained, "report_relations": dict(cues.relay.report_relations),
        "channel_prepositions": cues.channel_prepositions.words, "chains": cues.chains,
        "function_words": cues.function_words,
    }


def _given_classes(given: GivenNameData) -> dict[str, tuple[str, str]]:
    """Every spelling of a given name → (its class's first spelling, 'm' or 'f'); a spelling in two classes fails."""
    out: dict[str, tuple[str, str]] = {}
    for gender, classes in (("m", given.male), ("f", given.female)):
        for cls in classes:
            for spelling in cls:
                if spelling in out:
                    raise LexiconError("Q007", where="given_names.json", reason=f"{spelling!r} is in two classes")
                out[spelling] = (cls[0], gender)
    return out


def load_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """Build and check a lexicon from raw file data (as :func:`read_pattern_data` returns it)."""
    from quotes._furniture import build_rules  # the furniture rules compile their own regexes

    unknown, missing = set(data) - set(FILES), set(FILES) - set(data)
    if unknown or missing:
        reason = f"unknown files {sorted(unknown)}, missing {sorted(missing)}"
        raise LexiconError("Q007", where="patterns", reason=reason)
    checked: dict[str, Any] = {stem: _check(stem, data[stem]) for stem in _MODELS}
    try:
        furniture = build_rules(data["furniture"])
    except regex.error as exc:
        raise LexiconError("Q007", where="furniture.json", reason=f"bad pattern: {exc}") from exc
    media, names, settings = checked["media"], checked["names"], checked["settings"]
    given = checked["given_names"]
    return Lexicon(
        data=data, **_cue_fields(checked["cues"]), people=checked["people"],
        outlets=media.outlets, platforms=media.platforms, channel_nouns=media.channel_nouns,
        outlet_nouns=media.outlet_nouns,
        female_names=names.female, male_names=names.male, given_name_class=_given_classes(given),
        diminutives=dict(given.diminutives.forms), transliteration=checked["transliteration"],
        confidence=settings.confidence, windows=settings.windows, furniture=furniture,
    )


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the package's own ``patterns/`` (built once per process; it is immutable)."""
    return load_lexicon(read_pattern_data())
