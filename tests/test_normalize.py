"""The normalized view: line ends, odd spaces, invisible characters, doubled marks and glued words.

Each case gives the input, the view ``normalize`` must build and, for every quote the
scanner finds in the view, its words in the view and the words ``to_original`` must
map back to in the input.
"""

from __future__ import annotations

import pytest

from quotes._marks import ALL_MARKS
from quotes._normalize import normalize

# (id, input, view, [(quote in the view, the same quote in the input)])
CASES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    # line ends
    ("crlf", "He said “yes.”\r\nShe said “no.”\r\n", "He said “yes.”\nShe said “no.”\n",
     [("yes.", "yes."), ("no.", "no.")]),
    ("cr-only", "Line one\rShe said “two”\r", "Line one\nShe said “two”\n", [("two", "two")]),
    ("crlf-unclosed-ends-at-line", "He said “we will win\r\nThen he left.", "He said “we will win\nThen he left.",
     [("we will win", "we will win")]),
    ("crlf-two-paragraph-quote", "“The first part.\r\n\r\n“The second part,” he said.",
     "“The first part.\n\n“The second part,” he said.",
     [("The first part.", "The first part."), ("The second part,", "The second part,")]),
    ("paragraph-separator", "He said “we will win\u2029Next paragraph, “again.”",
     "He said “we will win\nNext paragraph, “again.”", [("we will win", "we will win"), ("again.", "again.")]),
    ("line-separator-and-nel", "One “line”\u2028Two\x85Three", "One “line”\nTwo\nThree", [("line", "line")]),
    ("stray-breaks-in-a-sentence", "Parry revealed Real Madrid\n\ndid\n\nask for “an option”.\n\nNext",
     "Parry revealed Real Madrid did ask for “an option”.\n\nNext", [("an option", "an option")]),
    ("heading-line-is-no-stray-break", "Talks stall\nThe minister said “no”.\n\niPod sales rose",
     "Talks stall\nThe minister said “no”.\n\niPod sales rose", [("no", "no")]),
    # odd spaces and invisible characters
    ("nbsp", "The minister\u00a0said:\u00a0“We\u00a0are ready.”", "The minister said: “We are ready.”",
     [("We are ready.", "We\u00a0are ready.")]),
    ("thin-and-narrow-spaces", "He said\u2009“fine”\u202fand left.", "He said “fine” and left.", [("fine", "fine")]),
    ("zero-width-space", "A “quote\u200bhere,” he said", "A “quotehere,” he said",
     [("quotehere,", "quote\u200bhere,")]),
    ("bom-at-start", "\ufeff“We start here,” she said.", "“We start here,” she said.",
     [("We start here,", "We start here,")]),
    ("soft-hyphen", "“An extra\u00adordinary day,” he said.", "“An extraordinary day,” he said.",
     [("An extraordinary day,", "An extra\u00adordinary day,")]),
    ("word-joiner-before-mark", "She said\u2060 “enough” twice.", "She said “enough” twice.", [("enough", "enough")]),
    # doubled marks
    ("doubled-straight", "He said ''we won'' today.", 'He said "we won" today.', [("we won", "we won")]),
    ("tex-marks", "She wrote ``never again'' in the memo.", 'She wrote "never again" in the memo.',
     [("never again", "never again")]),
    ("doubled-glued", "the''realities of war,'' he said", 'the "realities of war," he said',
     [("realities of war,", "realities of war,")]),
    ("doubled-with-apostrophe-inside", "''It's late,'' she said.", '"It\'s late," she said.',
     [("It's late,", "It's late,")]),
    # three apostrophes: after a word the inner single quote closes first, before a word the doubled one opens first
    ("doubled-closing-after-single", "''I would use the word 'old-school,''' said Mr. Slayton.",
     "\"I would use the word 'old-school,'\" said Mr. Slayton.",
     [("I would use the word 'old-school,'", "I would use the word 'old-school,'"), ("old-school,", "old-school,")]),
    ("doubled-opening-before-single", "He said '''Never,' I told him,'' and left.",
     "He said \"'Never,' I told him,\" and left.",
     [("'Never,' I told him,", "'Never,' I told him,"), ("Never,", "Never,")]),
    # marks glued to words
    ("glued-opener", "He called it the“realities of war,” and left.", "He called it the “realities of war,” and left.",
     [("realities of war,", "realities of war,")]),
    ("glued-heading", "Read more on the Kremlin“I have nothing to add,” Peskov said.",
     "Read more on the Kremlin\n“I have nothing to add,” Peskov said.",
     [("I have nothing to add,", "I have nothing to add,")]),
    ("glued-closer-lower", "“Yes”he said.", "“Yes” he said.", [("Yes", "Yes")]),
    # a capital after a closer opens a glued paragraph, unless the quote ends in a comma: its sentence goes on
    ("glued-closer-upper", "“We won.”The talks resumed.", "“We won.”\nThe talks resumed.", [("We won.", "We won.")]),
    ("glued-closer-after-comma", "“Never,”Trump said.", "“Never,” Trump said.", [("Never,", "Never,")]),
    ("glued-single-closer", "She told him 'ask me anything'Putin answered.",
     "She told him 'ask me anything'\nPutin answered.", [("ask me anything", "ask me anything")]),
    ("glued-pair", "“A”“B”", "“A” “B”", [("A", "A"), ("B", "B")]),
    # glued sentences
    ("glued-heading-word", "Talks stalled on the proposalTrump said “no deal” on Friday.",
     "Talks stalled on the proposal\nTrump said “no deal” on Friday.", [("no deal", "no deal")]),
    ("glued-after-full-stop", "The talks ended in 2025.Reuters said “nothing changed”.",
     "The talks ended in 2025. Reuters said “nothing changed”.", [("nothing changed", "nothing changed")]),
    ("glued-after-question", "Was it honest?It was “fine,” she said.", "Was it honest? It was “fine,” she said.",
     [("fine,", "fine,")]),
    ("handles-not-split", "Follow @realDonaldTrump and #standWithUkraine, he said “now”.",
     "Follow @realDonaldTrump and #standWithUkraine, he said “now”.", [("now", "now")]),
    ("names-and-abbreviations-not-split", "McDonald sold an iPhone on eBay in the U.S.Army store.",
     "McDonald sold an iPhone on eBay in the U.S.Army store.", []),
    ("caps-heading-run-in", "THE BORROWING Back then, Mr. McKinley said “no debt.”",
     "THE BORROWING\n Back then, Mr. McKinley said “no debt.”", [("no debt.", "no debt.")]),
    ("short-caps-not-a-heading", "UK PM Boris Johnson said “no deal.”", "UK PM Boris Johnson said “no deal.”",
     [("no deal.", "no deal.")]),
    # the horizontal bar some outlets set as a dash reads as an em dash; the record keeps the original
    ("horizontal-bar", "As was true ― Trump boasted, “That makes me smart.”",
     "As was true — Trump boasted, “That makes me smart.”", [("That makes me smart.", "That makes me smart.")]),
    # everything at once
    ("combined", "\ufeffThe Kremlin“We never agreed,”\r\nPeskov said.\u00a0''That is\u200b final.''",
     "The Kremlin\n“We never agreed,”\nPeskov said. \"That is final.\"",
     [("We never agreed,", "We never agreed,"), ("That is final.", "That is\u200b final.")]),
]


@pytest.mark.parametrize(("text", "view", "quotes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_normalize_view_and_quotes(text: str, view: str, quotes: list[tuple[str, str]]) -> None:
    norm = normalize(text)
    assert norm.text == view
    assert [norm.text[m.start : m.end] for m in norm.marks] == [q for q, _ in quotes]
    for m, (_, original) in zip(norm.marks, quotes, strict=True):
        start, end = norm.to_original(m.start, m.end)
        assert text[start:end] == original


@pytest.mark.parametrize(("text", "view", "quotes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_marks_map_back_to_marks(text: str, view: str, quotes: list[tuple[str, str]]) -> None:
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text) and norm.original_length == len(text)
    for m in norm.marks:
        for pos in (m.open, m.close):
            if pos is not None:
                assert norm.text[pos] in ALL_MARKS
                assert text[norm.origin[pos]] in ALL_MARKS | {"`"}


def test_empty_span_maps_to_an_empty_span() -> None:
    norm = normalize("“”")
    (m,) = norm.marks
    start, end = norm.to_original(m.start, m.end)
    assert start == end == 1


def test_span_past_the_end_maps_to_the_end() -> None:
    norm = normalize("He said “ok”\u200b")
    assert norm.to_original(len(norm.text), len(norm.text)) == (len("He said “ok”\u200b"),) * 2


def test_every_odd_space_and_invisible_character_is_cleaned() -> None:
    """The quick path for clean text must see every character the character loop changes."""
    odd = [c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\n "] + [
        "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2015"]
    for c in odd:
        view = normalize(f"He said{c}“yes” today.").text
        assert c not in view, repr(c)
