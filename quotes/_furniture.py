"""Page furniture: the lines of a scraped page that are not article text.

Cookie banners, link lines ("Also Read | …"), disclaimer blocks, "Most popular"
lists, comment and newsletter boxes, captions, bylines, datelines and short
headlines or subheads. The rules are data (``patterns/furniture.json``) and
lean towards missing furniture rather than marking a news sentence. Lines are
read on the normalized view, so a heading glued to the next sentence
(``proposalTrump``) ends at the glue point; ranges point into the text given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from quotes._normalize import NormalizedText, normalize

__all__ = ["FurnitureRules", "build_rules", "furniture_ranges", "furniture_view_ranges"]

_FLAGS = regex.IGNORECASE | regex.VERSION0
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»›)]}* "
_OPENERS = "\"'“‘«‹„‚"
_QUOTE = regex.compile(r"[\"“”«»„‘]|(?:^|\s)'")  # a quote mark, not an apostrophe
_BULLET = regex.compile(r"^(?:[-–—•*·▪►‣◦]|\d{1,2}[.)])\s+")
_SENTENCE_BREAK = regex.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?\p{Lu}")
_QUOTE_INTRO = regex.compile(r"[,:]\s*[\"“‘«]")  # saying, “… / interjected: “…
_SPACE_AFTER_END = regex.compile(r"(?<=[.?!]) ")  # where the normalizer may have put a space between glued sentences
_SPEAKER_LABEL = regex.compile(r"^(?:Q|A|\p{Lu}[\p{Lu}.'’ -]+)\s*:")  # transcripts: Q: …, TAPPER: …
_DATE_NUMBER = regex.compile(r"\d[\d:/.,-]*(?:st|nd|rd|th)?,?", regex.IGNORECASE)
_TIME_OR_YEAR = regex.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}/\d{1,2}")
_MAX_BLOCK = 20  # lines a disclaimer or list may run on after its heading


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@dataclass(frozen=True)
class FurnitureRules:
    """The compiled contents of ``patterns/furniture.json``."""

    whole: regex.Pattern[str]
    phrases: regex.Pattern[str]
    links: regex.Pattern[str]
    disclaimer: regex.Pattern[str]
    list_heading: regex.Pattern[str]
    caption_opener: regex.Pattern[str]
    caption_label: regex.Pattern[str]
    caption_verb: regex.Pattern[str]
    credit_label: regex.Pattern[str]
    credit_tail: regex.Pattern[str]
    media_nouns: frozenset[str]
    finite_verbs: frozenset[str]
    byline_opener: regex.Pattern[str]
    byline_connectors: frozenset[str]
    signoff: regex.Pattern[str]
    date_prefix: regex.Pattern[str]
    date_words: frozenset[str]
    dateline: regex.Pattern[str]
    minor_words: frozenset[str]
    prose_openers: frozenset[str]
    prose_words: frozenset[str]
    question_pronouns: frozenset[str]
    max_words_title: int
    max_words_plain: int
    max_sentence_breaks: int


def build_rules(data: dict[str, Any]) -> FurnitureRules:
    """Compile the furniture data (the lexicon calls this once per lexicon)."""
    cap, head = data["captions"], data["headlines"]
    agencies = sorted(cap["agencies"], key=len, reverse=True)
    agency = "(?:" + "|".join(regex.escape(a) for a in agencies) + ")"
    credit = rf"(?:{agency}|(?-i:\p{{Lu}}{{2,6}}))"
    return FurnitureRules(
        whole=regex.compile(_alternation(data["whole_lines"]["patterns"]), _FLAGS),
        phrases=regex.compile(_alternation(data["line_phrases"]["patterns"]), _FLAGS),
        links=regex.compile(_alternation(data["link_lines"]["patterns"]), _FLAGS),
        disclaimer=regex.compile(_alternation(data["disclaimer_headings"]["patterns"]), _FLAGS),
        list_heading=regex.compile(_alternation(data["list_headings"]["patterns"]), _FLAGS),
        caption_opener=regex.compile(_alternation(cap["openers"]), _FLAGS),
        caption_label=regex.compile(_alternation(cap["labels"]), _FLAGS),
        caption_verb=regex.compile(_alternation(cap["caption_verbs"]), _FLAGS),
        # "(Photo: AFP)", "Photo credit: Reuters/Gleb Garanich", "(AP Photo/Evan Vucci)"
        credit_label=regex.compile(rf"(?:^|\s)(?:{_alternation(cap['credit_labels'])}|\(\s*{agency}(?:\s*/[^()]{{1,40}})?\s*\))\s*$",
                                   _FLAGS),
        # "… flags. Reuters", "… 2025. /VCG", "… 2025.Reuters", "AFP/Getty Images"
        credit_tail=regex.compile(rf"(?<=[.!?][\"'”’]?)\s*/?\s*{credit}(?:\s*/\s*{credit})*\s*$", _FLAGS),
        media_nouns=frozenset(cap["media_nouns"]),
        finite_verbs=frozenset(cap["finite_verbs"]),
        byline_opener=regex.compile(r"(?:" + _alternation(data["bylines"]["openers"]) + r")\s+", _FLAGS),
        byline_connectors=frozenset(data["bylines"]["connectors"]),
        signoff=regex.compile(_alternation(data["bylines"]["signoffs"]), _FLAGS),
        date_prefix=regex.compile(_alternation(data["dates"]["prefixes"]), _FLAGS),
        date_words=frozenset(data["dates"]["words"]),
        dateline=regex.compile(_alternation(data["datelines"]["patterns"]), _FLAGS),
        minor_words=frozenset(head["minor_words"]),
        prose_openers=frozenset(head["prose_openers"]),
        prose_words=frozenset(head["prose_words"]),
        question_pronouns=frozenset(head["question_pronouns"]),
        max_words_title=head["max_words_title"],
        max_words_plain=head["max_words_plain"],
        max_sentence_breaks=data["lines"]["max_sentence_breaks"],
    )


@dataclass(frozen=True)
class _Segment:
    """A stretch of one line of the view (whitespace trimmed); ``block`` numbers runs of non-blank lines."""

    start: int
    end: int
    text: str
    block: int
    glued: bool  # the next sentence was glued to it (``US?At``)


def _words(text: str) -> list[str]:
    """Tokens with surrounding punctuation and quote marks removed; empty ones dropped."""
    out = []
    for token in text.split():
        word = token.strip(_OPENERS + _CLOSERS + ".,;:!?()[]{}|")
        if word:
            out.append(word)
    return out


def _last_char(text: str) -> str:
    stripped = text.rstrip(_CLOSERS)
    return stripped[-1:] if stripped else ""


def _ends_sentence(text: str) -> bool:
    return _last_char(text) in _TERMINAL


def _segments(norm: NormalizedText) -> Iterator[_Segment]:
    """Lines of the view, also cut where the normalizer put a space into ``US?At`` or ``2025.Reuters``."""
    text, origin = norm.text, norm.origin
    block, pos, blank_before = 0, 0, True
    for raw in text.split("\n"):
        line_start, line_end = pos, pos + len(raw)
        pos = line_end + 1
        if not raw.strip():
            blank_before = True
            continue
        if blank_before:
            block += 1
            blank_before = False
        cuts = [m.end() for m in _SPACE_AFTER_END.finditer(text, line_start + 1, line_end - 1)
                if origin[m.start()] == origin[m.end()]]
        for s, e in zip([line_start, *cuts], [*cuts, line_end], strict=True):
            piece = text[s:e]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                yield _Segment(s + lead, s + lead + len(body), body, block, e != line_end)


class _Classifier:
    """Decides segment by segment, carrying the state of open disclaimer blocks and link lists."""

    def __init__(self, segments: list[_Segment], rules: FurnitureRules) -> None:
        self.rules = rules
        self.segments = segments
        self.wrapped_blocks = self._wrapped_blocks()

    def _wrapped_blocks(self) -> frozenset[int]:
        """Blocks that read as hard-wrapped prose: most long lines stop mid-sentence."""
        long_lines: dict[int, list[bool]] = {}
        for seg in self.segments:
            if len(seg.text.split()) >= 6:
                long_lines.setdefault(seg.block, []).append(_ends_sentence(seg.text))
        return frozenset(b for b, ends in long_lines.items() if len(ends) >= 3 and ends.count(False) * 2 > len(ends))

    def ranges(self) -> list[tuple[int, int]]:
        """Furniture ranges of the view, in order."""
        out: list[tuple[int, int]] = []
        mode, run, last_marked = "", 0, False
        for i, seg in enumerate(self.segments):
            prev = self.segments[i - 1] if i and self.segments[i - 1].block == seg.block else None
            if mode and run < _MAX_BLOCK and self._continues(mode, seg, prev):
                out.append((seg.start, seg.end))
                run += 1
                continue
            mode, run = "", 0
            if len(_SENTENCE_BREAK.findall(seg.text)) > self.rules.max_sentence_breaks:
                out.extend(self._partial(seg))  # prose, not a furniture line: a flattened article
                last_marked = False
                continue
            kind = self._standalone(seg.text)
            if kind is None and self._is_heading(i, seg, prev, prev is not None and last_marked):
                kind = "line"
            last_marked = kind is not None
            if kind is not None:
                out.append((seg.start, seg.end))
                if kind in ("disclaimer", "list") or (kind == "phrase" and not _ends_sentence(seg.text)):
                    mode = "list" if kind == "list" else "wrap"
                continue
            out.extend(self._partial(seg))
        return out

    def _continues(self, mode: str, seg: _Segment, prev: _Segment | None) -> bool:
        """Whether an open disclaimer (``wrap``) or link list (``list``) takes in this segment too."""
        if mode == "wrap":  # the rest of a hard-wrapped sentence: "MENAFN provides the / information …"
            if prev is None or _ends_sentence(prev.text) or seg.text[0] in _OPENERS:
                return False
            ends_open = _last_char(prev.text) in ",:" or prev.text.split()[-1].lower() in self.rules.minor_words
            return seg.text[0].islower() or ends_open
        body = _BULLET.sub("", seg.text)
        if _BULLET.match(seg.text) or self._standalone(seg.text) is not None or self._is_title_case(body):
            return True
        return len(body.split()) <= 20 and not _ends_sentence(body)

    def _standalone(self, text: str) -> str | None:
        """The kind of furniture a line is on its own, or None."""
        r = self.rules
        if r.disclaimer.match(text):
            return "disclaimer"
        if r.list_heading.fullmatch(text.rstrip(":")):
            return "list"
        if r.phrases.search(text):
            return "phrase"
        if (r.whole.fullmatch(text) or r.links.match(text) or r.signoff.match(text) or self._is_date(text)
                or self._is_byline(text) or self._is_caption(text)):
            return "line"
        return None

    def _is_title_case(self, text: str) -> bool:
        """A headline in title case: few words, most content words capitalised, no closing full stop."""
        words = _words(text)
        if not words or len(text.split()) > self.rules.max_words_title or _last_char(text) in ".,;:":
            return False
        content = [w for w in words if w.lower() not in self.rules.minor_words and any(c.isalpha() for c in w)]
        capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
        return len(content) >= 2 and capitalised * 5 >= len(content) * 4

    def _is_heading(self, i: int, seg: _Segment, prev: _Segment | None, prev_marked: bool) -> bool:
        """A headline or subhead standing between sentences (never inside a hard-wrapped paragraph)."""
        if seg.block in self.wrapped_blocks or (prev is not None and not (prev_marked or _ends_sentence(prev.text))):
            return False
        nxt = self.segments[i + 1] if i + 1 < len(self.segments) else None
        if nxt is not None and nxt.block == seg.block and nxt.text[0].islower():
            return False
        if _SPEAKER_LABEL.match(seg.text):
            return False
        return self._is_title_case(_BULLET.sub("", seg.text)) or self._is_plain_heading(seg)

    def _is_plain_heading(self, seg: _Segment) -> bool:
        """A sentence-case subhead: one short sentence, no full stop, worded like a headline rather than prose."""
        r, text = self.rules, seg.text
        raw = _words(text)
        words = [w.lower() for w in raw]
        last = _last_char(text)
        if last == "?":  # a question: a subhead only when glued to the next sentence, and not an interview's
            asks = any((w == "I" or not w.isupper()) and w.lower() in r.question_pronouns for w in raw)
            if asks or not seg.glued:
                return False
        elif not last.isalnum():
            return False
        return bool(words) and not (
            len(text.split()) > r.max_words_plain or text[0] in _OPENERS or _SENTENCE_BREAK.search(text)
            or not (text[0].isupper() or text[0].isdigit())
            or words[0] in r.prose_openers or words[-1] in r.minor_words or any(w in r.prose_words for w in words)
            or _QUOTE_INTRO.search(text)
        )

    def _is_date(self, text: str) -> bool:
        """A stamp such as 'Thursday, January 1, 2026' or 'Updated: 12 Oct 2025 | 10:45 IST'."""
        rest = self.rules.date_prefix.sub("", text, count=1) if self.rules.date_prefix.match(text) else text
        tokens = rest.split()
        words = [t.lower().strip(",.") for t in tokens]
        if not tokens or len(tokens) > 14 or not (_TIME_OR_YEAR.search(rest) or any(w.isalpha() for w in words)):
            return False
        numbers = [t for t in tokens if _DATE_NUMBER.fullmatch(t)]
        return bool(numbers) and all(_DATE_NUMBER.fullmatch(t) or w in self.rules.date_words
                                     for t, w in zip(tokens, words, strict=True))

    def _is_byline(self, text: str) -> bool:
        """'By Jane Smith and John Doe, Reuters': an opener, then only names and connectors."""
        opener = self.rules.byline_opener.match(text)
        if not opener or not text[0].isupper() or _last_char(text) in ",;:":
            return False
        tokens = text[opener.end() :].replace(",", " , ").split()
        if not 1 <= len(tokens) <= 14:
            return False
        if text.endswith(".") and not regex.search(r"(?:^|\s)\p{Lu}\.$", text):
            return False
        return all(t in self.rules.byline_connectors or t[0].isupper() or t[0].isdigit() for t in tokens)

    def _is_caption(self, text: str) -> bool:
        """A photo caption or an image label: credited, opened like one, or a caption verb with no finite verb."""
        r = self.rules
        words = [w.lower() for w in _words(text)]
        if not words:
            return False
        if r.caption_label.match(text):
            return True
        has_quote = bool(_QUOTE.search(text))
        single = not _SENTENCE_BREAK.search(text)
        credit = _credit_tail(r, text) or r.credit_label.search(text)
        if credit and not has_quote and not _SENTENCE_BREAK.search(text[: credit.start()]):
            return True
        if len(words) <= 6 and words[-1] in r.media_nouns and not _ends_sentence(text) and not has_quote:
            return True
        no_finite = not any(w in r.finite_verbs for w in words)
        if r.caption_opener.match(text) and no_finite and single and len(words) <= 20:
            return True
        return bool(r.caption_verb.search(text)) and no_finite and single and not has_quote and len(words) <= 40

    def _partial(self, seg: _Segment) -> list[tuple[int, int]]:
        """Furniture inside a text line: a dateline before the first sentence, a photo credit after the last."""
        found = []
        dateline = self.rules.dateline.match(seg.text)
        if dateline:
            found.append((seg.start, seg.start + dateline.end()))
        credit = _credit_tail(self.rules, seg.text)
        if credit and not _QUOTE.search(seg.text[credit.start() :]):
            lead = len(credit.group()) - len(credit.group().lstrip())
            found.append((seg.start + credit.start() + lead, seg.end))
        return found


def _credit_tail(rules: FurnitureRules, text: str) -> regex.Match[str] | None:
    """A photo credit after the line's last sentence end: the credit holds no sentence end of its own, so the scan
    starts at the last one instead of trying every position of the line."""
    last = max(text.rfind("."), text.rfind("!"), text.rfind("?"))
    return rules.credit_tail.search(text, last) if last >= 0 else None


def _merge(ranges: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted ranges, joined where only whitespace lies between them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def furniture_view_ranges(norm: NormalizedText, rules: FurnitureRules) -> list[tuple[int, int]]:
    """Furniture ranges in the normalized view ``norm.text`` (for passes that read the view)."""
    return _merge(_Classifier(list(_segments(norm)), rules).ranges(), norm.text)


def furniture_ranges(text: str, rules: FurnitureRules | None = None) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of ``text`` (end exclusive) that are page furniture, in order.

    >>> furniture_ranges("Also Read | Talks stall\\nShe said it was over.")
    [(0, 23)]
    """
    if not isinstance(text, str):
        raise TypeError(f"furniture_ranges expects str, got {type(text).__name__}")
    if rules is None:
        from quotes._lexicon import default_lexicon  # the package's own data when no lexicon is given

        rules = default_lexicon().furniture
    norm = normalize(text)
    return _merge([norm.to_original(s, e) for s, e in furniture_view_ranges(norm, rules)], text)
