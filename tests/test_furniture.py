"""Page furniture: every kind of furniture line is caught, and no news sentence (nor any gold quote) is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes._furniture import furniture_ranges

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
BEFORE = "The talks ended without a deal on Friday, officials said."
AFTER = "“We will keep fighting,” Zelensky told reporters on Saturday."


def _doc(line: str) -> tuple[str, int, int]:
    """``line`` between two news sentences, with its offsets."""
    text = f"{BEFORE}\n{line}\n{AFTER}"
    start = len(BEFORE) + 1
    return text, start, start + len(line)


def _covered(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


FURNITURE = [
    # cookie banners
    "By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use.",
    "This website uses cookies to improve your experience.",
    "You can change your cookie settings through your browser.",
    "I agree",
    "Accept all cookies",
    "Our Privacy Statement & Cookie Policy",
    "Manage preferences",
    # link lines
    "Also Read | Zelensky 'not happy' with Kremlin envoy's 'Putin-Trump tunnel' proposal",
    "READ MORE: Putin warns the West over long-range missiles",
    "Related: How the Tomahawk cruise missile works",
    "Watch: Zelensky arrives at the White House",
    "See also — the full transcript of the call",
    "Read more",
    # disclaimers
    "Legal Disclaimer:",  # opens a block; the quote after it is not part of it
    "Disclaimer: The views expressed in this article are those of the author.",
    "MENAFN provides the information “as is” without warranty of any kind.",
    # link lists
    "Most popular stories",
    "Most Read",
    "Trending Now",
    "You may also like",
    "Related Stories",
    "Search Trends",
    # comment and newsletter boxes
    "Leave a Reply",
    "Leave a Comment",
    "Comments",
    "No comment",
    "3 Comments",
    "Your email address will not be published. Required fields are marked *",
    "Sign up for our daily newsletter to get the top stories delivered to your inbox.",
    '[mc4wp_form id="314"]',
    "Zeen is a next generation WordPress theme. It’s powerful and designed to engage your visitors and increase "
    "conversions.",
    "A customizable subscription slide-in box to promote your newsletter",
    "Share this article",
    "Advertisement",
    "Copyright © 2025 Reuters. All rights reserved.",
    # captions
    "Ukrainian President Volodymyr Zelenskyy talks during his press conference in Kyiv, Ukraine, October 10, "
    "2025. /VCG",
    "Reuters: Zelensky, in dark clothes, and Trump, in a dark blue suit, sit in front of the flags. Reuters",
    "Reuters Putin and Trump pictured at talks in Anchorage in August 2025.Reuters",
    "An image of a Tomahawk missile and a map indicating its range if launched from Ukraine.",
    "Tomahawk missile image",
    "express gazette logo",
    "Putin and Trump pictured at talks in Anchorage in August 2025",
    "Zelensky speaks to reporters in Kyiv on Sunday. (Photo: AFP)",
    "Trump arrives at the White House on Friday. (AP Photo/Evan Vucci)",
    "File photo: A Tomahawk cruise missile is launched from a US Navy destroyer.",
    # bylines and datelines
    "By Jane Smith",
    "By Jane Smith and John Doe, Reuters",
    "By The Associated Press",
    "Reporting by Pavel Polityuk; Editing by Mark Heinrich",
    "Written by Staff Reporter",
    "Thursday, January 1, 2026",
    "Published: 12 Oct 2025 | 10:45 IST",
    "Updated 3:45 p.m. ET Oct. 3, 2025",
    "World 3 months ago",
    "5 min read",
    "(With input from agencies)",
    # headlines and subheads
    "Donald Trump's Favour For Putin? US Rejects Zelensky's Tomahawk Missile Request After 'Tense And Frank' Talks",
    "Trump and Zelensky Discuss Tomahawk Missile Transfer in Secret Talks, U.S. Officials Confirm",
    "Zelensky to make missile case in US after Trump-Putin phone call",
    "Putin warns Tomahawks 'won't change anything'",
    "Why is Zelensky seeking Tomahawks from US?",
    "The Express Gazette",
    "CGTN",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_caught(line: str) -> None:
    text, start, end = _doc(line)
    ranges = furniture_ranges(text)
    assert _covered(ranges, start, end), ranges
    assert not _overlaps(ranges, 0, len(BEFORE)), "the sentence before was marked"
    assert not _overlaps(ranges, end + 1, len(text)), "the sentence after was marked"


NEWS = [
    "By Friday, the talks had collapsed, a senior official said.",
    "By continuing the strikes, Russia risks further isolation, Macron said.",
    "Google changed its cookie policy after the ruling, the regulator said.",
    "The newsletter, which goes to two million subscribers, said the deal was off.",
    "Reuters could not independently verify the report.",
    "Reporting by the Associated Press found that the missiles were never delivered.",
    "An image of the suspect was released by police on Friday.",
    "The man pictured in the video said he had fled Kherson in March.",
    "Zelensky (left) said the meeting had been productive.",
    "“No comment,” the spokesman said.",
    "Sources said the talks would resume next week.",
    "Also read together, the two statements suggest a shift, analysts said.",
    "Most popular stories on the site were about the war, the editor said.",
    "Disclaimer aside, the minister said the agreement would hold.",
    "Copyright lawsuits against AI companies multiplied in 2024, the report said.",
    "Share prices fell 3% on Friday after the announcement.",
    "Home Secretary Yvette Cooper said the plan would work.",
    "May 9 is Victory Day in Russia, and Putin will speak in Red Square.",
    "Volodymyr Zelensky Met Donald Trump In New York On Friday.",
    "He said the war would end soon",
    "Trump said he was open to the idea",
    "The Kremlin said the supply of Tomahawks would be a new step of aggression (NATO)",
    "Trump told reporters: “I might talk to him.”",
    "“We'd much rather have the war be over,” Trump said, according to the BBC.",
    "Peace requires patience, strength and humility.",
    "Updated guidance from the Pentagon said the missiles would ship on Oct. 3.",
    "Search teams found no survivors, officials said on Tuesday.",
    "A view of the damaged building, which was hit by a drone overnight.",
    "Zelensky is on his third visit to Washington since January.",
    "Zelensky asks at the town hall, “Any questions I can answer?”",
    "Rubio cut in: “So you’re saying there is room to negotiate?”",
    "BASH: Do you think the ceasefire will hold?",
    "Q: Does the president back the plan?",
    "It’s remarkable what a new venue can do for a summit, isn’t it?",
    "How is that possible?",
    "A bold and welcome step by Kyiv!",
    "The photo of a wounded girl in Kharkiv, pulled from the rubble after a missile strike on her apartment block, "
    "shocked the world last spring.",
    "Rep. Jane Doe (R) explains why the vote failed in committee.",
    "The posts came from the account @realDonaldTrump, aides said",
]


@pytest.mark.parametrize("line", NEWS)
def test_news_sentence_is_not_marked(line: str) -> None:
    assert furniture_ranges(_doc(line)[0]) == []


def test_hard_wrapped_paragraph_is_not_marked() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky said on Sunday that he had\n"
        "held a second phone conversation in two days with President Donald Trump\n"
        "The talks in Geneva were attended by\n"
        "President Trump and the leaders of France\n"
        "and Germany, officials said on Monday after the meeting ended.\n"
    )
    assert furniture_ranges(text) == []


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        ("KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelensky said on Sunday he spoke to Trump.",
         "KYIV, Ukraine (AP) —"),
        ("LONDON (Reuters) - Britain said on Monday it would send more air defence systems.", "LONDON (Reuters) -"),
        ("WASHINGTON — President Donald Trump said on Friday he would meet Putin.", "WASHINGTON —"),
        # a city in title case with its agency in brackets, as reprinted wire copy writes it
        ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Trump.", "Washington (AFP) –"),
        ("New York (UPI) -- The mayor said the city was safe.", "New York (UPI) --"),
    ],
)
def test_dateline_marks_only_the_dateline(line: str, prefix: str) -> None:
    text, start, _ = _doc(line)
    assert furniture_ranges(text) == [(start, start + len(prefix))]


@pytest.mark.parametrize("line", [
    "Ted Cruz (R-Texas) — The senator said on Friday he would vote no.",
    "Ted Cruz (R) — The senator said on Friday he would vote no.",
])
def test_a_name_with_its_party_label_is_no_dateline(line: str) -> None:
    text, _, _ = _doc(line)
    assert furniture_ranges(text) == []


def test_credit_after_text_marks_only_the_credit() -> None:
    text, _, end = _doc("Trump met Zelensky on Friday. The talks lasted two hours. Reuters")
    assert furniture_ranges(text) == [(end - len("Reuters"), end)]


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Also Read | Zelensky 'not happy' with Kremlin envoy's 'Putin-Trump tunnel' proposalTrump and Zelensky's "
         "long-hours discussion was described as tense.",
         "Also Read | Zelensky 'not happy' with Kremlin envoy's 'Putin-Trump tunnel' proposal"),
        ("Also Read | Putin tells Trump supplies could derail peace: Kremlin“I have an obligation,” Trump said.",
         "Also Read | Putin tells Trump supplies could derail peace: Kremlin"),
        ("Also Read | Trump urged to attend Quad Summit: 'Serious challenge'Ukraine has been lobbying Washington.",
         "Also Read | Trump urged to attend Quad Summit: 'Serious challenge'"),
        ("Trump-Zelensky's 'tense' discussionShortly after the meeting ended, Trump pushed for a ceasefire.",
         "Trump-Zelensky's 'tense' discussion"),
        ("Why is Zelensky seeking Tomahawks from US?At the start of the talks, Zelenskyy proposed a deal.",
         "Why is Zelensky seeking Tomahawks from US?"),
    ],
)
def test_glued_heading_ends_at_the_glue_point(text: str, furniture: str) -> None:
    assert furniture_ranges(text) == [(0, len(furniture))]


def test_disclaimer_block_follows_wrapped_lines_to_the_end_of_its_paragraph() -> None:
    block = ("Legal Disclaimer:\nMENAFN provides the\ninformation as is. We do not accept\n"
             "any responsibility, kindly contact the provider above.")
    text = f"{BEFORE}\n{block}\n{AFTER}"
    assert furniture_ranges(text) == [(len(BEFORE) + 1, len(BEFORE) + 1 + len(block))]


def test_unfinished_banner_line_does_not_take_the_next_sentence() -> None:
    banner = "This website uses cookies to improve your experience"
    text = f"{banner}\nZelensky said the talks were over.\n"
    assert furniture_ranges(text) == [(0, len(banner))]


def test_link_list_runs_until_prose() -> None:
    items = "Most popular stories\n\n- Solo Leveling Levels Up: Korean Megafranchise Goes Onchain\n- Cregis At Expo"
    text = f"{BEFORE}\n{items}\n{AFTER}"
    assert furniture_ranges(text) == [(len(BEFORE) + 1, len(BEFORE) + 1 + len(items))]


def test_offsets_point_into_the_given_text_with_crlf_and_invisible_characters() -> None:
    text = "Also Read | Talks\u200b stall\r\nShe said it was over.\r\nLeave a Comment"
    ranges = furniture_ranges(text)
    assert [text[s:e] for s, e in ranges] == ["Also Read | Talks\u200b stall", "Leave a Comment"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Zelensky said the war would end.", "\ufeff"])
def test_texts_without_furniture(text: str) -> None:
    assert furniture_ranges(text) == []


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        furniture_ranges(b"Also Read | x")  # type: ignore[arg-type]


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


SEED_FURNITURE = [
    ("000_61e18de39507f2fa.txt", "express gazette logo"),
    ("000_61e18de39507f2fa.txt", "Thursday, January 1, 2026"),
    ("000_61e18de39507f2fa.txt", "World 3 months ago"),
    ("000_61e18de39507f2fa.txt", "Tomahawk missile image"),
    ("001_1e913b848a64f180.txt", "Also Read | Zelensky 'not happy' with Kremlin envoy's 'Putin-Trump tunnel' proposal"),
    ("001_1e913b848a64f180.txt", "Also Read | Trump urged to attend Quad Summit in India to counter China: "
                                 "'Serious challenge'"),
    ("001_1e913b848a64f180.txt", "Also Read | Putin tells Trump US' Tomahawks supplies to Ukraine could derail "
                                 "peace: Kremlin"),
    ("001_1e913b848a64f180.txt", "Putin warns Tomahawks 'won't change anything'"),
    ("001_1e913b848a64f180.txt", "Legal Disclaimer:"),
    ("001_1e913b848a64f180.txt", "information “as is” without warranty of any kind."),
    ("001_1e913b848a64f180.txt", "kindly contact the provider above."),
    ("001_1e913b848a64f180.txt", "Most popular stories"),
    ("001_1e913b848a64f180.txt", "- Freedom Holding Corp. (FRHC) Shares Included In The Motley Fool's TMF Moneyball"),
    ("001_1e913b848a64f180.txt", "- Cregis At TOKEN2049 Singapore 2025: Unlocking The Next Frontier Of Adoption"),
    ("001_1e913b848a64f180.txt", "Comments\nNo comment"),
    ("002_bc0b6d4d75d680a6.txt", "Reuters: Zelensky, in dark clothes"),
    ("002_bc0b6d4d75d680a6.txt", "An image of a Tomahawk missile"),
    ("002_bc0b6d4d75d680a6.txt", "Reuters Putin and Trump pictured at talks in Anchorage in August 2025.Reuters"),
    ("002_bc0b6d4d75d680a6.txt", "Leave a Comment"),
    ("003_2c8b791c095bb9a0.txt", "Our Privacy Statement & Cookie Policy"),
    ("003_2c8b791c095bb9a0.txt", "You can change your cookie settings through your browser."),
    ("003_2c8b791c095bb9a0.txt", "I agree"),
    ("003_2c8b791c095bb9a0.txt", "October 10, 2025. /VCG"),
    ("003_2c8b791c095bb9a0.txt", "(With input from agencies)"),
    ("003_2c8b791c095bb9a0.txt", "Search Trends"),
    ("004_654d83184e889b84.txt", "Trump and Zelensky Discuss Tomahawk Missile Transfer in Secret Talks"),
    ("004_654d83184e889b84.txt", "Your email address will not be published."),
    ("004_654d83184e889b84.txt", "Zeen is a next generation WordPress theme."),
    ("004_654d83184e889b84.txt", "Zeen Subscribe"),
    ('004_654d83184e889b84.txt', '[mc4wp_form id="314"]'),
]


@pytest.mark.parametrize(("name", "line"), SEED_FURNITURE)
def test_seed_furniture_is_caught(name: str, line: str) -> None:
    text = _seed(name)
    start = text.index(line)
    assert _covered(furniture_ranges(text), start, start + len(line))


def test_seed_link_lines_stop_where_the_sentence_is_glued_on() -> None:
    text = _seed("001_1e913b848a64f180.txt")
    links = [text[s:e] for s, e in furniture_ranges(text) if text[s:e].startswith("Also Read")]
    assert len(links) == 3
    assert links[0].endswith(" proposal")
    assert links[1].endswith(" 'Serious challenge'")
    assert links[2].endswith(" Kremlin")


def _gold_spans() -> list[tuple[str, str, int, int]]:
    """(doc, quote part, start, end) of every required gold quote, located in its seed."""
    spans = []
    for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if not gold.get("required"):
            continue
        text = _seed(gold["doc"])
        parts = gold["quote"] if isinstance(gold["quote"], list) else [gold["quote"]]
        for part in parts:
            start = text.index(part)
            spans.append((gold["doc"], part, start, start + len(part)))
    return spans


GOLD = _gold_spans()


def test_every_required_gold_quote_was_located() -> None:
    assert len(GOLD) >= 75


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_no_gold_quote_line_is_furniture(name: str) -> None:
    text = _seed(name)
    ranges = furniture_ranges(text)
    for doc, part, start, end in GOLD:
        if doc == name:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            caught = [(s, e) for s, e in ranges if s < line_end and line_start < e]
            assert not _overlaps(ranges, start, end), (part, caught)
            # only a link line or subhead glued in front of the sentence may be furniture: it ends at the glue point
            assert all(s == line_start and e < start and not text[e].isspace() for s, e in caught), (part, caught)


POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev"


def _polnear_contents(ann: Path) -> list[tuple[int, int]]:
    """The Content spans of one brat standoff file."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[1].startswith("Content "):
            for part in fields[1].removeprefix("Content ").split(";"):
                start, end = part.split()[:2]
                spans.append((int(start), int(end)))
    return spans


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="the PolNeAR corpus (shared/polnear) is not beside the repo")
def test_no_annotated_content_of_polnear_dev_is_furniture() -> None:
    """Precision on unseen news: no attribution content of the 84 dev articles falls in furniture."""
    marked = overlapping = 0
    for path in sorted((POLNEAR_DEV / "text").glob("*.txt")):
        anns = sorted((POLNEAR_DEV / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        ranges = furniture_ranges(text)
        marked += len(ranges)
        overlapping += sum(_overlaps(ranges, s, e) for s, e in _polnear_contents(anns[0]))
    assert marked >= 20, "datelines and stamps of the dev articles are found"
    assert overlapping == 0
