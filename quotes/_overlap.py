"""The last check on one Doc's records: none quotes itself, and no two overlap unless one lies inside the other's quote.

A record is its content spans plus its own speaker mention and cue. Content that
covers its own speaker or cue is a misreading ("Several workers, who hail from …"
read as workers saying themselves), so the record goes; a direct quote keeps its
content (the marks are sure) and loses the speaker or cue instead. Content that
covers another record's speaker or cue is a misreading too, and that record goes
(unless it is a direct quote: then the other's attribution is the misreading). Two
records whose contents cross keep the more confident (the earlier on a tie). None
of this applies when every part of one lies inside a single content span of the
other (speech reported inside a quote), or inside the other's speaker mention (speech
in a relative clause of the speaker: "Officials who said the plan would fail now say
…"). A term inside a speaker's phrase (the "Avatar" star) is a quoted name, not an
overlap; records may share a speaker mention.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["drop_overlaps"]

Record = dict[str, Any]
Part = tuple[int, int]


def _content(record: Record) -> list[Part]:
    return [(s["start"], s["end"]) for s in record["spans"]]


def _others(record: Record) -> list[Part]:
    """The speaker mention and the cue, where the record has them."""
    return [(p["start"], p["end"]) for p in (record.get("speaker"), record.get("cue")) if p is not None]


def _touch(a: Part, b: Part) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quotes_itself(record: Record) -> bool:
    """Content that covers its own speaker mention or cue."""
    return any(_touch(c, o) for c in _content(record) for o in _others(record))


def _without_misread_attribution(record: Record, cap: float) -> Record:
    """A direct quote's marks are sure, its attribution is not: a speaker or cue inside the content goes
    (losing the speaker caps the confidence at ``cap``, as for any unresolved speaker)."""
    out = dict(record)
    for key in ("speaker", "cue"):
        part = record.get(key)
        if part is not None and any(_touch(c, (part["start"], part["end"])) for c in _content(record)):
            out[key] = None
    if out["speaker"] is None and record["speaker"] is not None:
        out["confidence"] = min(record["confidence"], cap)
    return out


def _sound(records: list[Record], cap: float) -> list[Record]:
    """Records that do not quote themselves; a direct quote that does loses the misread attribution instead."""
    out = []
    for record in records:
        if not _quotes_itself(record):
            out.append(record)
        elif record["kind"] == "direct":
            out.append(_without_misread_attribution(record, cap))
    return out


def _inside_quote(inner: Record, outer: Record) -> bool:
    """Every part of ``inner`` lies in one content span of ``outer``: speech reported inside a quote."""
    return any(all(s <= p[0] and p[1] <= e for p in _content(inner) + _others(inner)) for s, e in _content(outer))


def _covers_attribution(a: Record, b: Record) -> bool:
    """The content of ``a`` touches b's speaker or cue (a term inside a speaker's phrase aside)."""
    if a["kind"] == "term":
        return False
    return any(_touch(c, p) for c in _content(a) for p in _others(b))


def _contents_touch(a: Record, b: Record) -> bool:
    return any(_touch(c, d) for c in _content(a) for d in _content(b))


def _inside_mention(inner: Record, outer: Record) -> bool:
    """Every part of ``inner`` lies in ``outer``'s speaker mention: speech in a relative clause of the speaker
    ('Officials who said the plan would fail now say …')."""
    speaker = outer.get("speaker")
    return speaker is not None and all(speaker["start"] <= s and e <= speaker["end"]
                                       for s, e in _content(inner) + _others(inner))


def _nested(a: Record, b: Record) -> bool:
    return _inside_quote(a, b) or _inside_quote(b, a) or _inside_mention(a, b) or _inside_mention(b, a)


def _reach(record: Record) -> Part:
    """The stretch of text from the first to the last part of a record."""
    parts = _content(record) + _others(record)
    return min(s for s, _ in parts), max(e for _, e in parts)


def _meeting(records: list[Record]) -> Iterator[tuple[int, int]]:
    """Pairs of records whose stretches meet, found by one sweep in text order."""
    order = sorted(range(len(records)), key=lambda i: _reach(records[i]))
    open_: list[int] = []
    for i in order:
        start = _reach(records[i])[0]
        open_ = [j for j in open_ if _reach(records[j])[1] > start]
        yield from ((j, i) for j in open_)
        open_.append(i)


def _misread(records: list[Record]) -> set[int]:
    """Of two records where one's content covers the other's speaker or cue, the misreading: the covering one
    ('Several workers, who hail …' read as speech by 'who'), unless it is a direct quote, whose marks are sure."""
    out: set[int] = set()
    for i, j in _meeting(records):
        a, b = records[i], records[j]
        i_on_j, j_on_i = _covers_attribution(a, b), _covers_attribution(b, a)
        if i_on_j != j_on_i and not _nested(a, b):
            culprit, other = (i, j) if i_on_j else (j, i)
            out.add(other if records[culprit]["kind"] == "direct" else culprit)
    return out


def _crossing(records: list[Record]) -> list[set[int]]:
    """For each record, the records whose content its own crosses (or whose attributions the two cover)."""
    found: list[set[int]] = [set() for _ in records]
    for i, j in _meeting(records):
        a, b = records[i], records[j]
        if not _nested(a, b) and (_contents_touch(a, b) or _covers_attribution(a, b) or _covers_attribution(b, a)):
            found[i].add(j)
            found[j].add(i)
    return found


def drop_overlaps(records: list[Record], unknown_speaker_cap: float) -> list[Record]:
    """``records`` in their order, less those that quote themselves, that misread another's attribution, and the
    weaker of two whose contents cross; a direct quote that loses its speaker is capped at ``unknown_speaker_cap``."""
    records = _sound(records, unknown_speaker_cap)
    misread = _misread(records)
    records = [r for i, r in enumerate(records) if i not in misread]
    crossing = _crossing(records)
    kept: set[int] = set()
    for i in sorted(range(len(records)), key=lambda i: (-records[i]["confidence"], _reach(records[i])[0])):
        if not crossing[i] & kept:
            kept.add(i)
    return [r for i, r in enumerate(records) if i in kept]
