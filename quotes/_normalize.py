"""Normalized view of an article: the text spaCy reads, with a map back to the caller's offsets.

Line ends become ``\\n``, odd spaces become plain spaces, invisible characters go, a
line break that cuts a sentence (``Real Madrid\\n\\ndid\\n\\nask``) becomes a space,
and a space or line break is put where a quote mark or a sentence is glued to a
word (``the“realities``, ``proposalTrump``). Every character of the view knows
the offset of the character it came from, so records point into the original.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import overload

import regex

from quotes._marks import QuoteMark, scan_quotes

__all__ = ["NormalizedText", "normalize"]

_DOUBLED_MARKS = frozenset({"''", "``"})
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_LINE_BREAKS = frozenset("\r\x0b\x0c\x85\u2028\u2029")  # line and paragraph separators other than LF
# a sentence glued to a link or heading: "…proposalTrump and", "…discussionShortly after";
# not a handle, hashtag or URL path (@realDonaldTrump, #standWithUkraine, x.com/realDonaldTrump)
_GLUED_HEADING = regex.compile(r"(?<=(?<![\w@#/])\p{Ll}{3,})(?=\p{Lu}\p{Ll})")
# a sentence glued after its full stop: "…in 2025.Reuters", "…to be honest.It was"
_GLUED_SENTENCE = regex.compile(r"(?<=[\p{L}\p{N}]{2}[.?!])(?=\p{Lu}\p{Ll})")
# a heading in capitals run into its paragraph: "THE BORROWING Back when he wrote his book, Mr. McKinley said";
# two or more words in capitals, one of four letters or more (not 'UK PM'), then a capitalised word
_CAPS_HEADING = regex.compile(r"(?m)^(?=[\p{Lu} ]*\p{Lu}{4})\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})+(?=[ \t]+\p{Lu}\p{Ll})")
# a signature dash glued to the name after a closing quote mark: ” -Commissioner Geoffrey Starks
_GLUED_SIGNATURE = regex.compile(r"[ \t]*(?:[―—–]|--?)(?=\p{Lu})")
# a stray line break inside a sentence (around an italic word in a crawl): "Real Madrid\n\ndid\n\nask for";
# a line with no closing punctuation, and the next one opens with a word in lower case
_STRAY_BREAK = regex.compile(r"(?<=[\p{L}\p{N},;])[ \t]*\n\s*(?=\p{Ll}+(?:[\s,.;:!?'’]|$))")


class OffsetMap(Sequence[int]):
    """``origin[i]`` for every position of the view, stored as runs of consecutive offsets.

    Most characters keep their place, so a 10 MB text needs a few runs, not ten
    million Python ints: ``starts[k]`` is a view position where a run begins,
    ``origins[k]`` its original offset.
    """

    def __init__(self, starts: array, origins: array, length: int) -> None:
        self._starts, self._origins, self._length = starts, origins, length

    def inserted(self, at: list[int]) -> OffsetMap:
        """The map after a character is inserted before each position of ``at`` (sorted), with that one's offset."""
        starts, origins = array("q"), array("q")
        added = set(at)
        for cut in sorted(added.union(self._starts)):
            moved = cut + bisect_left(at, cut)
            if cut in added:
                starts.append(moved)
                origins.append(self[cut])
                moved += 1
            starts.append(moved)
            origins.append(self[cut])
        return OffsetMap(starts, origins, self._length + len(at))

    def kept(self, segments: list[tuple[int, int]]) -> OffsetMap:
        """The map of the view made of these (start, end) segments of this one, in order."""
        starts, origins = array("q"), array("q")
        length = 0
        for a, b in segments:
            if a >= b:
                continue
            first = bisect_right(self._starts, a) - 1
            for cut in (a, *self._starts[first + 1 : bisect_left(self._starts, b)]):
                starts.append(length + cut - a)
                origins.append(self[cut])
            length += b - a
        return OffsetMap(starts, origins, length)

    def __len__(self) -> int:
        return self._length

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same offsets (a list included)."""
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == self._length and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("view position out of range")
        run = bisect_right(self._starts, i) - 1
        return self._origins[run] + i - self._starts[run]


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is what the passes read; ``origin[i]`` is the caller's offset of ``text[i]``."""

    text: str
    origin: Sequence[int]
    original_length: int
    marks: list[QuoteMark]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view back to the caller's text (end exclusive)."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, max(o_start, o_end)


# any character _clean changes; a text without one (most articles) keeps its characters and offsets as they are
# (the white space is str.isspace's, which is wider than regex's \s: the separators \x1c-\x1f too)
_UNCLEAN = regex.compile(r"[\t\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000"
                         r"\u2060\ufeff\u00ad\u2015\ud800-\udfff]|''|``")


def _closes_inner_first(text: str, i: int) -> bool:
    """Three apostrophes after a word close the single quote inside, then the doubled one: 'Fox,''' is ' and ''."""
    return text[i : i + 3] == "'''" and i > 0 and not text[i - 1].isspace()


def _clean(text: str) -> tuple[str, OffsetMap]:
    """CRLF, CR and unicode line/paragraph separators to LF, unicode spaces to a space, invisible characters dropped,
    the horizontal bar to an em dash."""
    if _UNCLEAN.search(text) is None:
        runs = array("q", [0] if text else [])
        return _join_stray_breaks(text, OffsetMap(runs, array("q", runs), len(text)))
    chars: list[str] = []
    starts, origins = array("q"), array("q")
    last = -2
    pair_second = False
    for i, ch in enumerate(text):
        if pair_second:  # the second character of a doubled mark
            pair_second = False
            continue
        if ch in _DROP or (ch == "\r" and text[i + 1 : i + 2] == "\n"):
            continue
        if text[i : i + 2] in _DOUBLED_MARKS and not _closes_inner_first(text, i):
            ch = '"'  # ''typewriter'' and ``TeX`` double quotes: one mark
            pair_second = True
        elif ch in _LINE_BREAKS:
            ch = "\n"
        elif ch != "\n" and ch.isspace():
            ch = " "
        elif ch == "\u2015":
            ch = "\u2014"  # the horizontal bar some outlets set as a dash: the parser knows the em dash
        elif "\ud800" <= ch <= "\udfff":
            ch = "\ufffd"  # a lone surrogate (from surrogateescape or bad JSON) cannot be encoded for spaCy
        if i != last + 1:  # a character was dropped or skipped: a new run of offsets
            starts.append(len(chars))
            origins.append(i)
        last = i
        chars.append(ch)
    return _join_stray_breaks("".join(chars), OffsetMap(starts, origins, len(chars)))


def _join_stray_breaks(clean: str, origin: OffsetMap) -> tuple[str, OffsetMap]:
    """White space with line breaks that cuts a sentence becomes one space, so the sentence reads as one."""
    matches = list(_STRAY_BREAK.finditer(clean))
    if not matches:
        return clean, origin
    segments, parts, prev = [], [], 0
    for match in matches:
        segments.append((prev, match.start() + 1))
        parts.append(clean[prev : match.start()] + " ")
        prev = match.end()
    segments.append((prev, len(clean)))
    parts.append(clean[prev:])
    return "".join(parts), origin.kept(segments)


def _glue_points(text: str, marks: list[QuoteMark]) -> dict[int, str]:
    """Where to insert a separator (position in ``text`` → the separator)."""
    points: dict[int, str] = {}
    for m in marks:
        before = text[m.open - 1] if m.open > 0 else " "
        if not before.isspace() and before not in "([{—–-/\"'“‘„«":
            # a heading glued to the quote that opens the next paragraph: Kremlin“I have
            heading = before.isalpha() and text[m.open + 1 : m.open + 2].isupper()
            points[m.open] = "\n" if heading else " "
        after = m.close + 1 if m.close is not None else len(text)
        if after < len(text) and text[after].isalnum():
            # a capital after the closer opens a glued paragraph (…”The next day), unless the quote ends in a comma:
            # its sentence goes on (…,”Clinton said)
            new_line = text[after].isupper() and text[m.close - 1 : m.close] != ","
            points[after] = "\n" if new_line else " "
        signature = _GLUED_SIGNATURE.match(text, after) if m.close is not None else None
        if signature is not None:
            points[signature.end()] = " "  # “…” -Commissioner Geoffrey Starks: the dash is no part of the name
    for match in _GLUED_HEADING.finditer(text):
        points.setdefault(match.start(), "\n")
    for match in _GLUED_SENTENCE.finditer(text):
        points.setdefault(match.start(), " ")
    for match in _CAPS_HEADING.finditer(text):
        points.setdefault(match.end(), "\n")
    return points


def _shift(m: QuoteMark, points: list[int]) -> QuoteMark:
    """A mark moved by the separators inserted at or before each of its positions."""
    def move(pos: int) -> int:
        return pos + bisect_right(points, pos)

    close = None if m.close is None else move(m.close)
    return replace(m, start=move(m.start), end=move(m.end), open=move(m.open), close=close)


def normalize(text: str) -> NormalizedText:
    """Build the view the passes read; quote marks are scanned once, here."""
    clean, origin = _clean(text)
    marks = scan_quotes(clean)
    points = _glue_points(clean, marks)
    at = sorted(p for p in points if p < len(clean))
    pieces = [clean[a:b] + (points[b] if b < len(clean) else "") for a, b in zip([0, *at], [*at, len(clean)],
                                                                                   strict=True)]
    return NormalizedText("".join(pieces), origin.inserted(at), len(text), [_shift(m, at) for m in marks])
