"""The working record the passes share before it becomes a pydantic ``Quote``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from quotes._models import Kind, Relation

__all__ = ["Coverage", "Draft", "Hop"]

# from the speaker outward: sources cited come before the report citing them; who obtained a document after it
_HOP_ORDER = {"citing": 0, "obtained_by": 2}


@dataclass
class Hop:
    """One attribution-chain step over a span of the Doc."""

    relation: Relation
    target: Span


@dataclass
class Draft:
    """A quote under construction; offsets are characters of ``doc.text``."""

    kind: Kind
    spans: list[tuple[int, int]]
    cue: Span | None = None  # the cue as written; ``cue.root`` is the word whose clause reports the speech
    speaker: Span | None = None
    listener: Span | None = None
    chain: list[Hop] = field(default_factory=list)
    confidence: float = 0.5
    method: str = "rule"
    inherited: bool = False
    marks: set[int] = field(default_factory=set)

    @property
    def start(self) -> int:
        """First character of the content."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """One past the last character of the content."""
        return self.spans[-1][1]

    def covers(self, start: int, end: int) -> bool:
        """True when the character range lies inside one of the content spans."""
        return any(s <= start and end <= e for s, e in self.spans)

    def add_hop(self, relation: Relation, target: Span) -> None:
        """Append a hop unless it repeats one already there or points at the speaker."""
        if self.speaker is not None and target.start < self.speaker.end and self.speaker.start < target.end:
            return
        if any(h.target.start == target.start and h.relation == relation for h in self.chain):
            return
        self.chain.append(Hop(relation, target))
        self.chain.sort(key=lambda h: _HOP_ORDER.get(h.relation, 1))


class Coverage:
    """Which characters already lie in some record's content: O(1) to ask, linear to fill."""

    def __init__(self, text: str, drafts: Iterable[Draft]) -> None:
        self.mask = bytearray(len(text) + 1)
        for d in drafts:
            self.add(d)

    def add(self, draft: Draft) -> None:
        """Mark a record's content spans."""
        for start, end in draft.spans:
            self.add_range(start, end)

    def add_range(self, start: int, end: int) -> None:
        """Mark the characters ``start`` to ``end`` (exclusive)."""
        self.mask[start:end] = b"\x01" * (end - start)

    def at(self, char: int) -> bool:
        """True when the character at ``char`` is marked."""
        return bool(self.mask[char])

    def __contains__(self, tok: Token) -> bool:
        return self.at(tok.idx)
