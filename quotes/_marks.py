"""Quote-mark pass: find quoted stretches in plain text with rules only (no model).

Tells quote marks from apostrophes, pairs openers with closers per family
(double: " “ ” „ « »; single: ' ‘ ’ ‚ ‹ ›), nests the other family inside,
recovers unbalanced marks locally and follows quotes across line breaks.
News style runs a long quote over several paragraphs by re-opening the mark at
each paragraph and closing it only at the end; each paragraph is its own quote
here (``continues`` / ``reopened`` link them), also where scraped copy flattened
the breaks into one line (``… at Ibrox. "On top of all that …"``): a mark that
opens right after a sentence end while a quote of its family is open re-opens it.
Pure functions over ``str``; linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

__all__ = ["QuoteMark", "scan_quotes"]

DOUBLE_OPEN = frozenset("“„«‟")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
STRAIGHT = {'"': "double", "'": "single"}
ALL_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE | frozenset(STRAIGHT)
_BEFORE_OPEN = frozenset("([{<—–-/") | ALL_MARKS
_AFTER_CLOSE = frozenset(".,;:!?)]}>—–-…*") | ALL_MARKS
_SENTENCE_ENDS = frozenset(".!?…")
_ELISIONS = ("em ", "til ", "cause ", "n ", "n'", "n’", "tis ", "twas ")
# an English clitic after a word: Trump‘s, don‘t, they‘re, we‘ve, I‘ll, she‘d, I‘m (a misprinted apostrophe)
_CLITIC = regex.compile(r"(?:s|t|re|ve|ll|d|m)(?!\w)", regex.IGNORECASE)
# the next single mark on the line: an opener, a line end, or a closer after punctuation (…,’ / …?')
_NEXT_SINGLE = regex.compile(r"[‘‚‹\n]|(?<!\w)'(?=\w)|(?P<closer>[,.!?…]['’›](?!\w))")
_CLOSER_REACH = 300  # how far to look for that closer: a sentence or two, and the scan stays linear
_MAX_DEPTH = 16  # openers nested deeper are noise, not quotes; the cap keeps the scan linear on "“ “ “ …"


@dataclass(frozen=True)
class QuoteMark:
    """A quoted stretch: ``start``/``end`` bound the words inside the marks."""

    start: int
    end: int
    open: int
    close: int | None
    family: str
    level: int
    continues: bool = False  # the words go on in the next quote: its mark re-opens this one
    reopened: bool = False  # this quote re-opens the one before (a following paragraph of it)

    @property
    def closed(self) -> bool:
        """False when the quote was recovered or continues: its closing mark never came."""
        return self.close is not None

    @property
    def repaired(self) -> bool:
        """True when the pairing was recovered: no closing mark came and no re-opening mark continues it."""
        return self.close is None and not self.continues


@dataclass
class _Open:
    pos: int
    family: str
    char: str
    reopened: bool = False
    first_end: int | None = None  # just after the first sentence end inside it, if one came


def _family(ch: str) -> str:
    if ch in STRAIGHT:
        return STRAIGHT[ch]
    return "double" if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE else "single"


def _opening_context(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in _BEFORE_OPEN


def _closing_context(text: str, i: int) -> bool:
    return i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _AFTER_CLOSE


def _is_apostrophe(text: str, i: int, single_open: bool) -> bool:
    """An apostrophe, not a quote mark: it’s, Zelensky’s, ’90s, rock ’n’ roll, students’."""
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isalnum() and nxt.isalnum():
        # glued closer: anything'Putin (lower case then capital) while a single quote is open
        return not (single_open and prev.islower() and nxt.isupper())
    if nxt.isdigit() and not prev.isalnum():
        return True  # ’90s
    if _opening_context(text, i) and text[i + 1 : i + 7].lower().startswith(_ELISIONS):
        return True  # ’em, ’til, ’n’
    if prev.lower() == "n" and i >= 2 and text[i - 2] in "'’" and nxt == " ":
        return True  # the second mark of ’n’
    if prev.isalpha() and _closing_context(text, i):
        # students’ unless a single quote is open; inside one, ‘The students’ union is …,’ still an apostrophe
        return not single_open or _possessive_in_quote(text, i)
    return False


def _possessive_in_quote(text: str, i: int) -> bool:
    """A word-final mark that runs on into lower case while a closer after punctuation comes later on the line."""
    if not (text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()):
        return False
    nxt = _NEXT_SINGLE.search(text, i + 1, i + 1 + _CLOSER_REACH)
    return nxt is not None and nxt.group("closer") is not None


def _role(text: str, i: int, stack: list[_Open]) -> str | None:
    """'open', 'close' or None (not a quote mark) for the mark at ``i``."""
    ch = text[i]
    fam = _family(ch)
    family_open = any(o.family == fam for o in stack)
    if fam == "single" and ch in "'’" and _is_apostrophe(text, i, family_open):
        return None
    # Trump‘s, CBS‘ Face the Nation: an opener glued to the word before it is a misprinted apostrophe (but with a
    # single quote open, ‘ after a word and before a space closes it: German ‚never‘)
    if ch == "‘" and i and text[i - 1].isalnum() and (
            _CLITIC.match(text, i + 1) or (text[i + 1 : i + 2].isspace() and not family_open)):
        return None
    opening, closing = _opening_context(text, i), _closing_context(text, i)
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        closes_german = ch == "“" and any(o.char == "„" for o in stack)
        if closes_german or (family_open and closing and not opening):
            return "close"
        return "open"
    if ch in DOUBLE_CLOSE or ch in SINGLE_CLOSE:
        if not family_open and opening and not closing:
            return "open"  # sloppy text that uses ” as an opener
        return "close"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "close" if family_open else "open"


def _line_ends(text: str) -> list[int]:
    ends = [i for i, ch in enumerate(text) if ch == "\n"]
    ends.append(len(text))
    return ends


def _next_line_opens(text: str, line_end: int, family: str) -> int | None:
    """Position of the opening mark that starts the next non-empty line, if of ``family``."""
    j = line_end
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in ALL_MARKS and _family(text[j]) == family and _role(text, j, []) == "open":
        return j
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _keep_unclosed(text: str, item: _Open, end: int) -> bool:
    """An unclosed double quote runs to its line end; an unclosed single one only if it looks like speech
    or it is the last paragraph of a quote already taken."""
    if item.family == "double" or item.reopened:
        return True
    words = text[item.pos + 1 : end].split()
    return item.char in "‘‹‚" or (_opening_context(text, item.pos) and len(words) >= 4)


def scan_quotes(text: str) -> list[QuoteMark]:
    """Every quoted stretch in ``text``, outer and nested, in order of their opening marks."""
    found: list[QuoteMark] = []
    stack: list[_Open] = []
    line_ends = _line_ends(text)
    line = 0
    i = 0
    n = len(text)
    while i < n:
        if i >= line_ends[line]:
            i = _close_line(text, line_ends[line], stack, found)
            while line < len(line_ends) - 1 and line_ends[line] < i:
                line += 1  # past the blank lines before a re-opened paragraph too
            continue
        ch = text[i]
        if ch in _SENTENCE_ENDS and _ends_sentence(text, i):
            for item in stack:
                item.first_end = item.first_end or i + 1
        elif ch in ALL_MARKS:
            role = _role(text, i, stack)
            if role == "open" and len(stack) < _MAX_DEPTH:
                depth = _reopened_depth(text, i, _family(ch), stack)
                if depth is not None:
                    _continue(text, stack, depth, i, found)
                else:
                    _end_unclosed(text, i, _family(ch), stack, found)
                stack.append(_Open(i, _family(ch), ch, reopened=depth is not None))
            elif role == "close":
                _close(i, _family(ch), stack, found)
        i += 1
    _close_line(text, n, stack, found)
    found.sort(key=lambda q: q.open)
    return _nest(found)


def _nest(found: list[QuoteMark]) -> list[QuoteMark]:
    """Level = how many found quotes enclose a quote, so one whose outer mark was dropped moves up."""
    nested: list[QuoteMark] = []
    around: list[int] = []  # where the quotes enclosing the current one end (exclusive)
    for m in found:
        while around and around[-1] <= m.open:
            around.pop()
        nested.append(m if m.level == len(around) else replace(m, level=len(around)))
        around.append(m.close + 1 if m.close is not None else m.end)
    return nested


def _innermost(stack: list[_Open], family: str) -> int | None:
    """Depth of the innermost open mark of ``family``."""
    return next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == family), None)


def _reopened_depth(text: str, i: int, family: str, stack: list[_Open]) -> int | None:
    """Depth of the quote an opener at ``i`` re-opens: one of its family is open and a sentence ended before it.

    Nobody nests a quote in marks of its own family after a full stop; flattened
    multi-paragraph copy re-opens the quote there (``… at Ibrox. "On top of …``).
    """
    depth = _innermost(stack, family)
    if depth is None or i == 0 or text[i - 1] not in " \t":
        return None
    j = i - 1
    while j > stack[depth].pos and text[j] in " \t":
        j -= 1
    return depth if text[j] in _SENTENCE_ENDS and _ends_sentence(text, j) and j > stack[depth].pos else None


def _ends_sentence(text: str, i: int) -> bool:
    """A full stop, question or exclamation mark before white space, not after an abbreviation.

    Abbreviations read by shape: one capital (John F., U.S.), a two-letter title-case word (Mr., Dr.), or a
    three-letter one before a name (Mrs. Smith, Sen. Warren); an acronym (the BBC.) ends a sentence.
    """
    if i + 1 < len(text) and not text[i + 1].isspace():
        return False
    k = i
    while k > 0 and text[k - 1].isalpha() and i - k <= 3:
        k -= 1
    word = text[k:i]
    if text[i] != "." or not word or (k > 0 and text[k - 1].isalpha()) or not word[0].isupper():
        return True
    name_follows = text[i + 2 : i + 3].isupper()  # Mrs. Smith, Sen. Warren; but 'One. “Two'
    return not (len(word) <= 2 and (len(word) == 1 or word[1:].islower())) and not (
        len(word) == 3 and word[1:].islower() and name_follows)


def _end_unclosed(text: str, i: int, family: str, stack: list[_Open], found: list[QuoteMark]) -> None:
    """A quote introduced (``Ferguson said: "He …``) while one of its family is open since before a sentence end:
    the open one lost its closing mark. It ends at its first sentence end, so it swallows neither the narration
    nor the attribution before the new quote; the pairing is repaired (``close`` None).
    """
    depth = _innermost(stack, family)
    if depth is None or stack[depth].first_end is None or _prev_char_at(text, i) not in ":,":
        return
    item = stack[depth]
    del stack[depth:]
    found.append(QuoteMark(item.pos + 1, item.first_end, item.pos, None, family, depth, reopened=item.reopened))


def _prev_char_at(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return text[j] if j >= 0 else ""


def _continue(text: str, stack: list[_Open], depth: int, end: int, found: list[QuoteMark]) -> None:
    """End the quote open at ``depth`` where the next paragraph of it begins (inner ones open there are dropped)."""
    item = stack[depth]
    del stack[depth:]
    stop = _trim_end(text, item.pos + 1, end)
    found.append(QuoteMark(item.pos + 1, stop, item.pos, None, item.family, depth, continues=True,
                           reopened=item.reopened))


def _close(i: int, family: str, stack: list[_Open], found: list[QuoteMark]) -> None:
    """Pop to the innermost open mark of ``family``; a closer with none open is a stray and dropped."""
    depth = _innermost(stack, family)
    if depth is not None:
        item = stack[depth]
        del stack[depth:]
        found.append(QuoteMark(item.pos + 1, i, item.pos, i, family, depth, reopened=item.reopened))


def _close_line(text: str, line_end: int, stack: list[_Open], found: list[QuoteMark]) -> int:
    """At a line end: carry a quote into the next line if that line reopens it, else recover locally."""
    if not stack:
        return line_end + 1
    outer = stack[0]
    reopen = _next_line_opens(text, line_end, outer.family)
    if reopen is not None:  # multi-paragraph quote: the next paragraph re-opens it
        _continue(text, stack, 0, line_end, found)
        stack.append(_Open(reopen, outer.family, text[reopen], reopened=True))
        return reopen + 1
    end = _trim_end(text, outer.pos + 1, line_end)
    if _keep_unclosed(text, outer, end) and (end > outer.pos + 1 or outer.reopened):
        found.append(QuoteMark(outer.pos + 1, end, outer.pos, None, outer.family, 0, reopened=outer.reopened))
    stack.clear()
    return line_end + 1
