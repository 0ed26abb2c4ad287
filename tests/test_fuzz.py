"""Property tests: the mark scanner, the normalized view, page furniture and ``extract`` on hostile text.

The ``extract`` properties run spaCy, so they draw few examples; the pure passes draw many.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotes
from quotes._furniture import furniture_ranges
from quotes._marks import ALL_MARKS, scan_quotes
from quotes._normalize import normalize

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
MARKS = sorted(ALL_MARKS)

# text made mostly of the characters that trouble the passes, with any unicode character mixed in
_TRICKY = st.sampled_from([*MARKS, "’", "'", "\n", "\n\n", "\r\n", "\r", " ", "\u00a0", "\u200b", "\ufeff", "\u00ad",
                           ".", ",", ":", "?", "—", "…", "said", "told", "Trump", "he", "Zelensky’s", "it’s", "a",
                           "“I", "Also Read | ", "proposal", "Kremlin", "2025.", "US?", "\ud800", "\udfff",
                           "\u2028", "''", "``"])
TEXT = st.one_of(st.text(max_size=200), st.lists(st.one_of(_TRICKY, st.characters()), max_size=150).map("".join))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_scan_quotes_spans_lie_inside_the_text(text: str) -> None:
    marks = scan_quotes(text)
    assert [m.open for m in marks] == sorted(m.open for m in marks)
    for m in marks:
        assert 0 <= m.open < m.start <= m.end <= len(text)
        assert text[m.open] in ALL_MARKS and m.level >= 0
        if m.close is not None:
            assert m.close == m.end and text[m.close] in ALL_MARKS


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_normalize_maps_every_offset_into_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text) and norm.original_length == len(text)
    assert norm.origin == sorted(norm.origin)
    for i, ch in enumerate(norm.text):
        assert 0 <= norm.origin[i] < len(text)
        if ch == '"':  # a doubled mark (''x'' or ``x``) becomes one straight double mark
            assert text[norm.origin[i]] in "\"'`"
        elif ch == "\ufffd":  # so does a lone surrogate, which spaCy cannot encode
            assert text[norm.origin[i]] == "\ufffd" or "\ud800" <= text[norm.origin[i]] <= "\udfff"
        elif ch not in " \n":  # separators are inserted or cleaned; every other character is copied
            assert text[norm.origin[i]] == ch
    for start in range(len(norm.text) + 1):
        for end in (start, min(start + 1, len(norm.text)), len(norm.text)):
            o_start, o_end = norm.to_original(start, max(start, end))
            assert 0 <= o_start <= o_end <= len(text)
    for m in norm.marks:
        assert 0 <= m.open < m.start <= m.end <= len(norm.text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_furniture_ranges_are_ordered_and_inside_the_text(text: str) -> None:
    ranges = furniture_ranges(text)
    assert all(0 <= s < e <= len(text) for s, e in ranges)
    assert all(a[1] <= b[0] for a, b in pairwise(ranges))


def _check_records(text: str) -> None:
    """No crash, every span valid, text equal to its spans, and the same records on a second run."""
    found = quotes.extract(text, "fuzz")
    for q in found:
        assert q.spans and all(0 <= s.start < s.end <= len(text) for s in q.spans)
        assert q.text == " … ".join(text[s.start : s.end] for s in q.spans)
        assert q.id == f"fuzz:{q.spans[0].start}"
    assert quotes.extract(text, "fuzz") == found


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_survives_random_text(text: str) -> None:
    _check_records(text)


@st.composite
def mutated_seeds(draw: st.DrawFn) -> str:
    """A seed article with quote marks deleted, duplicated or swapped and its paragraphs shuffled."""
    text = draw(st.sampled_from(SEED_TEXTS))
    chars = list(text)
    for op, pick, other in draw(st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "swap"]),
                                                   st.integers(0, 10_000), st.sampled_from(MARKS)), max_size=12)):
        positions = [i for i, ch in enumerate(chars) if ch in ALL_MARKS or ch == "’"]
        if not positions:
            break
        at = positions[pick % len(positions)]
        if op == "delete":
            del chars[at]
        elif op == "duplicate":
            chars.insert(at, chars[at])
        else:
            chars[at] = other
    paragraphs = "".join(chars).split("\n")
    return "\n".join(draw(st.permutations(paragraphs)))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seeds())
def test_extract_survives_mutated_seed_articles(text: str) -> None:
    _check_records(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\ufeff", "“", "”", "'", "“unclosed", "said.”", "\u200b" * 5,
                                  "\ud800 “Yes, we will,” he said.", "“a,” she said.\u2028“b,” he said.\x00"])
def test_extract_on_degenerate_text(text: str) -> None:
    _check_records(text)


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_extract_rejects_what_is_not_a_str(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        quotes.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("options", [{"batch_size": 0}, {"n_process": 0}])
def test_extract_many_rejects_bad_sizes(options: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(quotes.extract_many(["x"], **options))
