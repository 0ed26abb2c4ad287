"""The quote-mark scanner: every mark style, apostrophes, glued and unbalanced marks, paragraphs and nesting.

Each case lists what ``scan_quotes`` must return, in order of the opening marks, as
``(words inside the marks, closed?, level)``. The properties at the end complement
``test_fuzz.py`` (which only checks that spans are valid): they check how quotes nest.
"""

from __future__ import annotations

import re
import time
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes._marks import ALL_MARKS, QuoteMark, scan_quotes

Found = list[tuple[str, bool, int]]

CASES: list[tuple[str, str, Found]] = [
    # straight and curly double
    ("straight-double", 'The mayor said "the bridge stays closed" on Monday.', [("the bridge stays closed", True, 0)]),
    ("curly-double", "“We are not leaving,” the farmers said.", [("We are not leaving,", True, 0)]),
    ("curly-double-question", "“Who pays for it?” asked the auditor.", [("Who pays for it?", True, 0)]),
    ("straight-double-apostrophes-inside", 'She said, "I don\'t think it\'s over."',
     [("I don't think it's over.", True, 0)]),
    # curly and straight single as quotes
    ("curly-single", "‘Look at the numbers,’ he said.", [("Look at the numbers,", True, 0)]),
    ("straight-single", "'Look,' he said, pointing at the map.", [("Look,", True, 0)]),
    ("straight-single-apostrophes-inside", "'I'm in,' he said, 'you're out.'",
     [("I'm in,", True, 0), ("you're out.", True, 0)]),
    ("split-single-quote", "‘If it’s possible to land today,’ the pilot said, ‘then we will try.’",
     [("If it’s possible to land today,", True, 0), ("then we will try.", True, 0)]),
    ("curly-single-contraction-inside", "‘It’s over,’ she wrote, ‘and we won’t be back.’",
     [("It’s over,", True, 0), ("and we won’t be back.", True, 0)]),
    # guillemets and German-style marks
    ("guillemets", "«We will rebuild every school», the mayor promised.", [("We will rebuild every school", True, 0)]),
    ("guillemets-spaced", "The sign read « closed for repairs » all week.", [(" closed for repairs ", True, 0)]),
    ("german-low-high", "The coach said: „We play to win“ before the final.", [("We play to win", True, 0)]),
    ("german-nested-single", "„He told me ‚never‘ twice“, she said.",
     [("He told me ‚never‘ twice", True, 0), ("never", True, 1)]),
    # apostrophes are not quotes
    ("apostrophes-curly", "It’s clear that Zelensky’s aides won’t accept the deal.", []),
    ("apostrophes-straight", "Don't say it's done, O'Brien warned.", []),
    ("decade-curly", "Prices have not been this high since the ’90s, traders said.", []),
    ("decade-straight", "In the '60s the square was a market.", []),
    ("misprinted-opener-apostrophe", "Donald Trump‘s attack, which they‘re sure he won‘t repeat, said “enough.”",
     [("enough.", True, 0)]),
    ("glued-single-opener-not-clitic", "He called the‘realities’ grim.", [("realities", True, 0)]),
    ("misprinted-possessive", "On CBS‘ Face the Nation, she stated, “We will act.”", [("We will act.", True, 0)]),
    ("rock-n-roll", "The band played rock ’n’ roll until dawn.", []),
    ("plural-possessive", "The students’ union and the teachers’ council met on Tuesday.", []),
    ("plural-possessive-straight", "The players' wages and the owners' profits rose.", []),
    ("elisions", "'Tis the season, 'cause prices rise 'til March.", []),
    ("possessive-after-decade", "The 1990s' legacy and the '80s' music were debated.", []),
    ("possessive-inside-single-quote", "‘The workers’ pay is too low,’ the union said.",
     [("The workers’ pay is too low,", True, 0)]),
    ("possessive-inside-straight-single", "'The owners' offer is an insult,' she said.",
     [("The owners' offer is an insult,", True, 0)]),
    ("dropped-g-inside-single-quote", "‘We’re goin’ home now,’ he said.", [("We’re goin’ home now,", True, 0)]),
    ("scare-quotes-then-possessive", "The 'bosses' and the workers' rights were on the table.", [("bosses", True, 0)]),
    ("decade-inside-single-quote", "‘We miss the ’80s,’ the singer said.", [("We miss the ’80s,", True, 0)]),
    # marks glued to words
    ("glued-open-after-word", "He spoke of the“costs of the war,” then left.", [("costs of the war,", True, 0)]),
    ("glued-heading", "Read more at the Kremlin“I have nothing to add,” the spokesman said.",
     [("I have nothing to add,", True, 0)]),
    ("glued-single-closer", "She told him 'ask me anything'Putin answered first.", [("ask me anything", True, 0)]),
    ("glued-close-before-word", 'He shouted "stop"and ran.', [("stop", True, 0)]),
    ("glued-straight-both-sides", 'They said"never again"to the plan.', [("never again", True, 0)]),
    ("glued-pairs", "“Yes”“No”", [("Yes", True, 0), ("No", True, 0)]),
    # unbalanced marks
    ("unclosed-double-ends-at-line", "He said “we will hold the line\nThe next day the talks resumed.",
     [("we will hold the line", False, 0)]),
    ("unclosed-double-then-quote-next-line", 'She said "no deal\n"Maybe later," he replied.',
     [("no deal", False, 0), ("Maybe later,", True, 0)]),
    ("stray-closer-dropped", "A stray ” mark here. Then “a real quote” follows.", [("a real quote", True, 0)]),
    ("stray-closer-at-start", "” he said “yes” quickly.", [("yes", True, 0)]),
    ("unclosed-single-speech", "He muttered 'nothing more to say today\nThe room went quiet.",
     [("nothing more to say today", False, 0)]),
    ("unclosed-single-not-speech", "The shop's 'best\nOffers end Sunday.", []),
    ("unclosed-curly-single", "She wrote: ‘We will never sell the farm\nHer brother disagreed.",
     [("We will never sell the farm", False, 0)]),
    ("unclosed-does-not-swallow-next-line", "He said “the vote is off\nOn Friday, “it is back on,” she said.",
     [("the vote is off", False, 0), ("it is back on,", True, 0)]),
    # quotes across paragraphs
    ("two-paragraph-quote", "“The first part of the speech.\n\n“The second part,” he said.",
     [("The first part of the speech.", False, 0), ("The second part,", True, 0)]),
    ("three-paragraph-quote", "“One.\n\n“Two.\n\n“Three,” she said.",
     [("One.", False, 0), ("Two.", False, 0), ("Three,", True, 0)]),
    ("two-paragraph-straight", '"We came to talk.\n\n"We leave with nothing," he said.',
     [("We came to talk.", False, 0), ("We leave with nothing,", True, 0)]),
    ("paragraph-without-reopen-ends-quote", "“We came to talk.\n\nNobody answered the question.",
     [("We came to talk.", False, 0)]),
    ("closer-at-paragraph-start-is-no-reopen", "“We will fight on.\n\n” he said, then “left.”",
     [("We will fight on.", False, 0), ("left.", True, 0)]),
    ("decade-at-paragraph-start-is-no-reopen", "‘We will never give up on this\n\n’90s music is back, ‘they say.’",
     [("We will never give up on this", False, 0), ("they say.", True, 0)]),
    # the continuation convention flattened into one line: a mark opening after a sentence end re-opens the quote
    ("flattened-two-paragraphs", 'Souness added: "Walter is a real person. "He would command respect." Then he left.',
     [("Walter is a real person.", False, 0), ("He would command respect.", True, 0)]),
    ("flattened-three-paragraphs-curly", "“One. “Two? “Three!” she said.",
     [("One.", False, 0), ("Two?", False, 0), ("Three!", True, 0)]),
    ("flattened-then-paragraph", '"One. "Two.\n"Three," he said.', [("One.", False, 0), ("Two.", False, 0),
                                                                   ("Three,", True, 0)]),
    ("nested-same-family-mid-sentence-stays-nested", 'He said "the "best" deal" today.',
     [('the "best" deal', True, 0), ("best", True, 1)]),
    ("abbreviation-is-no-sentence-end", 'Mr. Smith said "Dr. "Fixit" came" today.',
     [('Dr. "Fixit" came', True, 0), ("Fixit", True, 1)]),
    ("title-before-name-is-no-sentence-end", 'He said: "Mrs. Smith won. Sen. Brown said: "No." Then',
     [("Mrs. Smith won.", False, 0), ("No.", True, 0)]),
    # a lost closing mark: the open quote ends at its first sentence end when a new quote is introduced
    ("lost-closer-then-introduced-quote", 'He said: "We won. The SFA met. Ferguson said: "Yes." Then',
     [("We won.", False, 0), ("Yes.", True, 0)]),
    ("introduced-without-sentence-end-stays-nested", 'He said: "I told him, "go home" and left," she said.',
     [('I told him, "go home" and left,', True, 0), ("go home", True, 1)]),
    # nested quotes
    ("single-inside-double", "“He told me ‘never again’ last week,” she said.",
     [("He told me ‘never again’ last week,", True, 0), ("never again", True, 1)]),
    ("double-inside-single", "‘He told me “never again” last week,’ she said.",
     [("He told me “never again” last week,", True, 0), ("never again", True, 1)]),
    ("straight-single-inside-straight-double", "\"They called it 'a mistake' twice,\" he said.",
     [("They called it 'a mistake' twice,", True, 0), ("a mistake", True, 1)]),
    ("nested-at-end", "“We said ‘no,’” he added.", [("We said ‘no,’", True, 0), ("no,", True, 1)]),
    ("nested-question-at-end", "“Ask him ‘why?’” she said.", [("Ask him ‘why?’", True, 0), ("why?", True, 1)]),
    ("three-levels", "“He said ‘she told me “no” at all’ later,” she said.",
     [("He said ‘she told me “no” at all’ later,", True, 0), ("she told me “no” at all", True, 1), ("no", True, 2)]),
    ("inner-of-dropped-outer-moves-up", "Ask for the 'best “deal” now\nOffers end Sunday.", [("deal", True, 0)]),
    ("unclosed-middle-level-skipped", "“He said ‘she told me “no” and left,” she said.",
     [("He said ‘she told me “no” and left,", True, 0), ("no", True, 1)]),
    # empty quotes
    ("empty-straight", 'He said "" and left.', [("", True, 0)]),
    ("empty-curly", "The box read “” and nothing else.", [("", True, 0)]),
    # quotes at the very start and end of the text
    ("start-and-end", '"Start" of the text and the "end"', [("Start", True, 0), ("end", True, 0)]),
    ("whole-text-curly", "“Done.”", [("Done.", True, 0)]),
    ("unclosed-at-end-of-text", "The last word was “unfinished", [("unfinished", False, 0)]),
    # several quotes on one line
    ("three-on-a-line", '"One," he said, "two," she said, "three."',
     [("One,", True, 0), ("two,", True, 0), ("three.", True, 0)]),
    ("curly-pair-on-a-line", "“I’m here,” he said. “You’re late,” she said.",
     [("I’m here,", True, 0), ("You’re late,", True, 0)]),
    ("scare-quotes-on-a-line", "The word “term” and the “other” one.", [("term", True, 0), ("other", True, 0)]),
    ("mixed-families-on-a-line", "He said ‘no’ and she said “yes” and they said «maybe».",
     [("no", True, 0), ("yes", True, 0), ("maybe", True, 0)]),
]


def _found(text: str) -> Found:
    """The scanner's answer as (words inside the marks, closed?, level)."""
    return [(text[m.start : m.end], m.closed, m.level) for m in scan_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_scan_quotes(text: str, expected: Found) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_marks_point_at_the_quote_characters(text: str, expected: Found) -> None:
    for m in scan_quotes(text):
        assert text[m.open] in ALL_MARKS and m.start == m.open + 1
        if m.closed:
            assert m.end == m.close and text[m.close] in ALL_MARKS


# ---------------------------------------------------------------- properties

_MARKS = sorted(ALL_MARKS)
_PIECES = st.sampled_from([*_MARKS, "’", "'", "“", "”", " ", " ", "\n", "\n\n", ",", ".", "?", "he said", "it’s",
                           "students’", "’90s", "O'Brien", "We", "win"])
MARKED_TEXT = st.lists(_PIECES, max_size=60).map("".join)


def _extent(m: QuoteMark) -> tuple[int, int]:
    """The characters a quote occupies, its marks included (end exclusive)."""
    return m.open, (m.close + 1 if m.close is not None else m.end)


@settings(max_examples=500, deadline=None)
@given(MARKED_TEXT)
def test_quotes_of_one_level_never_overlap(text: str) -> None:
    marks = scan_quotes(text)
    for level in {m.level for m in marks}:
        extents = sorted(_extent(m) for m in marks if m.level == level)
        for (_, end), (start, _) in pairwise(extents):
            assert end <= start


@settings(max_examples=500, deadline=None)
@given(MARKED_TEXT)
def test_nested_quotes_lie_inside_their_outer_quote(text: str) -> None:
    marks = scan_quotes(text)
    for m in marks:
        if m.level == 0:
            continue
        start, end = _extent(m)
        outer = [o for o in marks if o.level == m.level - 1 and o.start <= start and end <= o.end]
        assert len(outer) == 1, (m, marks)
        assert outer[0].open < m.open


_WORDS = st.sampled_from(["the", "minister", "said", "Kyiv", "it’s", "don't", "Zelensky’s", "’90s", "rock ’n’ roll",
                          "students’", "O'Brien", "the '60s", "won’t", "2025,", "talks.", "why?", "—", "(again)"])


@st.composite
def _text_with_pairs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """Random words with balanced “…” pairs inserted; returns the text and the inside of each pair."""
    parts: list[str] = []
    pairs: list[tuple[int, int]] = []
    length = 0
    for _ in range(draw(st.integers(1, 12))):
        if parts:
            sep = draw(st.sampled_from(["", " ", " ", " ", "\n", "\n\n"]))
            parts.append(sep)
            length += len(sep)
        if draw(st.booleans()):
            inside = " ".join(draw(st.lists(_WORDS, max_size=5)))
            parts.append(f"“{inside}”")
            pairs.append((length + 1, length + 1 + len(inside)))
            length += len(inside) + 2
        else:
            word = draw(_WORDS)
            parts.append(word)
            length += len(word)
    return "".join(parts), pairs


@settings(max_examples=400, deadline=None)
@given(_text_with_pairs())
def test_every_inserted_pair_is_found_exactly(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, pairs = case
    marks = scan_quotes(text)
    assert [(m.start, m.end, m.closed, m.level) for m in marks] == [(s, e, True, 0) for s, e in pairs]


_SENTENCES = st.lists(st.sampled_from(["We will win.", "It is over?", "Nobody knows!", "He was my assistant.",
                                        "They said it's fine."]), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCES, min_size=1, max_size=5), st.sampled_from(["“", '"']),
       st.lists(st.sampled_from([" ", "\n\n", "\n"]), min_size=4, max_size=4))
def test_a_multi_paragraph_quote_is_one_quote_per_paragraph(paragraphs: list[str], mark: str,
                                                           breaks: list[str]) -> None:
    """Each paragraph re-opens the mark and only the last closes it, with the breaks kept or flattened."""
    close = "”" if mark == "“" else '"'
    text = "Smith said: " + "".join(f"{breaks[k % 4] if k else ''}{mark}{p}" for k, p in enumerate(paragraphs))
    text += f"{close} Then he left."
    marks = scan_quotes(text)
    assert [text[m.start : m.end] for m in marks] == paragraphs
    assert [m.continues for m in marks] == [True] * (len(paragraphs) - 1) + [False]
    assert [m.reopened for m in marks] == [False] + [True] * (len(paragraphs) - 1)
    assert not any(m.repaired for m in marks)


@settings(max_examples=500, deadline=None)
@given(MARKED_TEXT)
def test_a_quote_never_runs_over_a_reopening_mark(text: str) -> None:
    """No quote holds a mark of its family that opens right after a sentence end (that mark re-opens it)."""
    for m in scan_quotes(text):
        words = text[m.start : m.end]
        same = "“\"" if m.family == "double" else "‘'"
        assert not re.search(rf"[.!?…][ \t]+[{same}](?=\w)", words), (m, words)


@settings(max_examples=500, deadline=None)
@given(MARKED_TEXT)
def test_continued_quotes_are_followed_by_their_next_paragraph(text: str) -> None:
    marks = [m for m in scan_quotes(text) if m.level == 0]
    for m, nxt in pairwise(marks):
        if m.continues:
            assert nxt.reopened and m.end <= nxt.open


@pytest.mark.parametrize("text", ["“ " * 20_000, "‘ " * 20_000 + "” " * 20_000, "'" + "ab' cd " * 6_000 + ",' he said"],
                         ids=["openers", "stray-closers-over-openers", "possessives-in-a-quote"])
def test_hostile_text_scans_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    marks = scan_quotes(text)
    assert time.perf_counter() - started < 5  # quadratic scans took tens of seconds here
    assert all(0 <= m.open < m.start <= m.end <= len(text) for m in marks)


def test_a_reopening_mark_after_an_empty_quote_still_reopens() -> None:
    """'". "he said': the quote before the full stop holds no words; the mark after it still re-opens."""
    text = '". "he said'
    for m in scan_quotes(text):
        assert '. "' not in text[m.start : m.end], m
