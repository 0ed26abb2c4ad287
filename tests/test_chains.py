"""Attribution chains and listeners end to end (issue 5), and their CSV rendering."""

from __future__ import annotations

import pytest

from quotes._writers import chain_text
from tests.conftest import speech


def hops(text: str, index: int = 0) -> list[tuple[str, str]]:
    """(relation, target) of one record's chain."""
    return [(h.relation, h.target) for h in speech(text)[index].chain]


@pytest.mark.parametrize(
    ("text", "chain", "listener"),
    [
        ("The Ukrainian leader told Axios that the weapons would send a message.", [("told", "Axios")], "Axios"),
        ("A separate source told The Post that the request was for missiles.", [("told", "The Post")], "The Post"),
        ("He later told reporters that he expected to meet Putin.", [("told", "reporters")], "reporters"),
        ('"Just imagine," Peskov told a reporter from state television.',
         [("told", "a reporter")], "a reporter"),
        ("He told his aides that the deal was dead.", [("told", "his aides")], "his aides"),
    ],
)
def test_told(text: str, chain: list[tuple[str, str]], listener: str) -> None:
    quote = speech(text)[0]
    assert [(h.relation, h.target) for h in quote.chain] == chain
    assert quote.listener is not None and quote.listener.text.startswith(listener)


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("Trump was under pressure, according to one official.", None),
        ("He said the war must end, according to Yuri Ushakov, Putin's foreign policy adviser.",
         [("according_to", "Yuri Ushakov, Putin's foreign policy adviser")]),
        ("Zelensky, according to the source, congratulated Trump on the ‘peaceful agreement.’",
         [("according_to", "the source")]),
        ("He said the plan was dead, according to a report by CNN citing sources.",
         [("citing", "sources"), ("according_to", "a report by CNN")]),
        ("“The American president can help,” Zelensky told his aides, according to a transcript obtained by a "
         "European intelligence agency.",
         [("told", "his aides"), ("according_to", "a transcript"), ("obtained_by", "a European intelligence agency")]),
        ("Zelensky has argued that strikes would compel Putin to negotiate, AP reported.",
         [("reported_by", "AP")]),
    ],
)
def test_according_to_and_reported_by(text: str, chain: list[tuple[str, str]] | None) -> None:
    if chain is None:
        quote = speech(text)[0]
        assert quote.speaker is not None and quote.speaker.mention == "one official" and quote.chain == []
    else:
        assert hops(text) == chain


def test_described_with_no_speaker_takes_the_cited_source() -> None:
    text = "The talks were described as “uncomfortable”, according to a report by CNN citing sources."
    quote = speech(text)[0]
    assert quote.speaker is not None and quote.speaker.mention == "sources"
    assert [(h.relation, h.target) for h in quote.chain] == [("according_to", "a report by CNN")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Hungarian Prime Minister Viktor Orban said on X that the meeting was great news.", "X"),
        ("Writing on his Truth Social platform, Trump said the call went well.", "his Truth Social platform"),
        ("Zelensky cast the meeting as a “pointed conversation” in a post to social media.",
         "a post to social media"),
        ("“Russia is taking advantage,” Zelenskyy said in a readout of his call with Macron.",
         "a readout of his call with Macron"),
        ("In a briefing tied to Axios, the minister said the request was specific.", "a briefing"),
        # an analyst's note and court or regulatory papers are media of a claim too
        ("Analysts at the bank wrote in a note to clients that the tariffs could slow growth.", "a note"),
        ("The company said in a regulatory filing that its sales had fallen.", "a regulatory filing"),
        # a 'that' clause the parser hung on the medium is the content, not part of the medium's name
        ("The group alleged in a lawsuit that the rule was illegal.", "a lawsuit"),
    ],
)
def test_via_a_channel(text: str, target: str) -> None:
    assert ("via", target) in hops(text)


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        ("The senator in an interview with CNN said that she would run.", "The senator", [("told", "CNN")]),
        ("Clinton on Twitter said the deal was dead.", "Clinton", [("via", "Twitter")]),
        ("Clinton in a letter to the committee said the deal was dead.", "Clinton", [("via", "a letter")]),
        ("The man in the photo said the deal was dead.", "The man in the photo", []),
    ],
)
def test_channel_hung_on_the_speaker(text: str, speaker: str, chain: list[tuple[str, str]]) -> None:
    """The parser may hang the channel on the subject; it is still how the words reached the page, not the name."""
    quote = speech(text)[0]
    assert quote.speaker is not None and quote.speaker.mention == speaker
    assert [(h.relation, h.target) for h in quote.chain] == chain


def test_statement_to() -> None:
    text = "In a statement to the BBC's US partner CBS, she added: “These attacks show Moscow's strategy.”"
    assert hops(text) == [("statement_to", "the BBC's US partner CBS")]


def test_chain_carries_to_continuation_quotes() -> None:
    text = ("“The president can help,” Zelensky told his aides, according to a transcript. "
            "“This would be an important signal.”")
    first, second = speech(text)
    assert second.chain == first.chain and second.listener == first.listener
    assert second.chain


def test_no_hop_points_at_the_speaker() -> None:
    text = "Russia attacked overnight, according to Ukraine's ambassador, Olga Stefanishina."
    quote = speech(text)[0]
    assert quote.speaker is not None and "Stefanishina" in quote.speaker.mention
    assert quote.chain == []


def test_csv_chain_rendering() -> None:
    text = "He said the plan was dead, according to a report by CNN citing sources."
    assert chain_text(speech(text)[0]) == "citing sources > according to a report by CNN"
