"""Normalized view of an article: the text spaCy reads, with a map back to the caller's offsets.

Line ends become ``\\n``, odd spaces become plain spaces, invisible characters go, a
line break that cuts a sentence (``Real Madrid\\n\\ndid\\n\\nask``) becomes a space,
and a space or line break is put where a quote mark or a sentence is glued to a
word (``the“realities``, ``proposalTrump``). Every character of the view knows
the offset of the character it came from, so records point into the original.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
# a signature dash glued to the name after a closing quote mark: ” -Commissioner Geoffrey Starks
_GLUED_SIGNATURE = regex.compile(r"[ \t]*(?:[―—–]|--?)(?=\p{Lu})")
# a stray line break inside a sentence (around an italic word in a crawl): "Real Madrid\n\ndid\n\nask for";
# a line with no closing punctuation, and the next one opens with a word in lower case
_STRAY_BREAK = regex.compile(r"(?<=[\p{L}\p{N},;])[ \t]*\n\s*(?=\p{Ll}+(?:[\s,.;:!?'’]|$))")


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is what the passes read; ``origin[i]`` is the caller's offset of ``text[i]``."""

    text: str
    origin: list[int]
    original_length: int
    marks: list[QuoteMark]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view back to the caller's text (end exclusive)."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, max(o_start, o_end)


def _clean(text: str) -> tuple[list[str], list[int]]:
    """CRLF, CR and unicode line/paragraph separators to LF, unicode spaces to a space, invisible characters dropped."""
    chars: list[str] = []
    origin: list[int] = []
    pair_second = False
    for i, ch in enumerate(text):
        if pair_second:  # the second character of a doubled mark
            pair_second = False
            continue
        if ch in _DROP or (ch == "\r" and text[i + 1 : i + 2] == "\n"):
            continue
        if text[i : i + 2] in _DOUBLED_MARKS:
            chars.append('"')  # ''typewriter'' and ``TeX`` double quotes: one mark
            origin.append(i)
            pair_second = True
            continue
        if ch in _LINE_BREAKS:
            ch = "\n"
        elif ch != "\n" and ch.isspace():
            ch = " "
        elif "\ud800" <= ch <= "\udfff":
            ch = "\ufffd"  # a lone surrogate (from surrogateescape or bad JSON) cannot be encoded for spaCy
        chars.append(ch)
        origin.append(i)
    return _join_stray_breaks(chars, origin)


def _join_stray_breaks(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """White space with line breaks that cuts a sentence becomes one space, so the sentence reads as one."""
    drop: set[int] = set()
    for match in _STRAY_BREAK.finditer("".join(chars)):
        chars[match.start()] = " "
        drop.update(range(match.start() + 1, match.end()))
    if not drop:
        return chars, origin
    keep = [k for k in range(len(chars)) if k not in drop]
    return [chars[k] for k in keep], [origin[k] for k in keep]


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
            points[after] = "\n" if text[after].isupper() else " "
        signature = _GLUED_SIGNATURE.match(text, after) if m.close is not None else None
        if signature is not None:
            points[signature.end()] = " "  # “…” -Commissioner Geoffrey Starks: the dash is no part of the name
    for match in _GLUED_HEADING.finditer(text):
        points.setdefault(match.start(), "\n")
    for match in _GLUED_SENTENCE.finditer(text):
        points.setdefault(match.start(), " ")
    return points


def _shift(m: QuoteMark, shift: list[int]) -> QuoteMark:
    close = None if m.close is None else m.close + shift[m.close]
    return replace(m, start=m.start + shift[m.start], end=m.end + shift[m.end], open=m.open + shift[m.open],
                   close=close)


def normalize(text: str) -> NormalizedText:
    """Build the view the passes read; quote marks are scanned once, here."""
    chars, origin = _clean(text)
    clean = "".join(chars)
    marks = scan_quotes(clean)
    points = _glue_points(clean, marks)
    out: list[str] = []
    out_origin: list[int] = []
    shift = [0] * (len(clean) + 1)
    added = 0
    for i, ch in enumerate(chars):
        if i in points:
            out.append(points[i])
            out_origin.append(origin[i])
            added += 1
        shift[i] = added
        out.append(ch)
        out_origin.append(origin[i])
    shift[len(clean)] = added
    return NormalizedText("".join(out), out_origin, len(text), [_shift(m, shift) for m in marks])
