"""Pydantic records of SPEC's output schema: what other pipelines and our scorers read."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "QUOTE_KINDS",
    "SPEECH_KINDS",
    "ChainHop",
    "Cue",
    "Listener",
    "Quote",
    "SentenceSpan",
    "Span",
    "Speaker",
]

SPEECH_KINDS = ("direct", "mixed", "indirect")
#: Speech kinds plus the non-speech kinds we emit so that nothing quoted is lost silently.
QUOTE_KINDS = (*SPEECH_KINDS, "term")

Kind = Literal["direct", "mixed", "indirect", "term"]
SpeakerKind = Literal["person", "organization", "group", "anonymous", "unknown"]
Relation = Literal["told", "according_to", "reported_by", "citing", "via", "statement_to", "obtained_by"]


class _Record(BaseModel):
    """Frozen and strict: a misspelt field is an error, not a silent extra key."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """Character offsets into the caller's text; ``end`` is exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SentenceSpan(Span):
    """The sentence (or sentences) that hold the quote and its attribution."""


class Cue(_Record):
    """The word that introduces the speech: said, told, according to, warnings …"""

    text: str
    lemma: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Speaker(_Record):
    """Who said it: the mention in the text and the entity it resolves to."""

    mention: str
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    name: str | None = None
    entity_id: str | None = None
    kind: SpeakerKind = "unknown"


class Listener(_Record):
    """The person or outlet spoken to (told reporters, told Axios)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ChainHop(_Record):
    """One step of how the words reached the page, from the speaker outward."""

    relation: Relation
    target: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(_Record):
    """One quote or piece of reported speech, as SPEC's output record defines it."""

    id: str
    doc_id: str
    kind: Kind
    text: str
    spans: list[Span]
    cue: Cue | None = None
    speaker: Speaker | None = None
    listener: Listener | None = None
    chain: list[ChainHop] = Field(default_factory=list)
    sentence: SentenceSpan
    confidence: float = Field(ge=0.0, le=1.0)
    method: Literal["rule", "model", "rule+model"]

    @property
    def start(self) -> int:
        """Where the first content span starts."""
        return self.spans[0].start

    @property
    def end(self) -> int:
        """Where the last content span ends."""
        return self.spans[-1].end
