"""Records of one article never overlap unless one lies inside the other's quote; content is never its own speaker."""

from __future__ import annotations

from typing import Any

import pytest

import quotes
from quotes._overlap import drop_overlaps
from tests.conftest import speech

CAP = 0.4  # the confidence cap of a record whose speaker is unresolved


def _record(kind: str, spans: list[tuple[int, int]], confidence: float = 0.8,
            speaker: tuple[int, int] | None = None, cue: tuple[int, int] | None = None) -> dict[str, Any]:
    """A component dict with only the fields the filter reads."""
    return {"kind": kind, "spans": [{"start": s, "end": e} for s, e in spans], "confidence": confidence,
            "speaker": None if speaker is None else {"start": speaker[0], "end": speaker[1]},
            "cue": None if cue is None else {"start": cue[0], "end": cue[1]}}


def _kept(records: list[dict[str, Any]]) -> list[int]:
    """Positions in ``records`` of the records the filter keeps."""
    kept = drop_overlaps(records, CAP)
    return [i for i, r in enumerate(records) if any(r is k for k in kept)]


@pytest.mark.parametrize(
    ("records", "kept"),
    [
        # content that is its own speaker ("Several workers, who hail from …")
        ([_record("indirect", [(0, 15)], speaker=(0, 15), cue=(21, 25))], []),
        # content that holds its own cue
        ([_record("indirect", [(0, 30)], speaker=(40, 45), cue=(10, 14))], []),
        # two contents that cross: the less confident goes
        ([_record("indirect", [(0, 30)], 0.6, (40, 45), (46, 50)),
          _record("direct", [(20, 60)], 0.9, (70, 75), (76, 80))], [1]),
        # content that is another record's speaker ('Several workers, who hail from …, said …'): it goes
        ([_record("indirect", [(0, 15)], 0.75, (17, 20), (21, 25)),
          _record("indirect", [(43, 76)], 0.75, (0, 15), (38, 42))], [1]),
        # equal confidence: the later one goes
        ([_record("indirect", [(0, 30)], 0.7, (40, 45), (46, 50)),
          _record("indirect", [(20, 60)], 0.7, (70, 75), (76, 80))], [0]),
        # a speaker inside another record's quote, its content outside it
        ([_record("direct", [(1, 23)], 0.9, (30, 40), (41, 45)),
          _record("indirect", [(50, 80)], 0.7, (1, 13), (24, 29))], [0]),
        # speech wholly inside another record's quote: nested, both stay
        ([_record("direct", [(1, 90)], 0.9, (95, 100), (101, 105)),
          _record("indirect", [(30, 60)], 0.7, (10, 20), (21, 25))], [0, 1]),
        # a quoted name inside a speaker's phrase ('the "Avatar" star said') is a term, not an overlap
        ([_record("term", [(5, 11)], 0.2),
          _record("indirect", [(30, 60)], 0.7, (0, 17), (18, 22))], [0, 1]),
        # records that only share a speaker mention (a quote and its continuation)
        ([_record("direct", [(1, 20)], 0.9, (22, 27), (28, 32)),
          _record("direct", [(35, 60)], 0.8, (22, 27), None)], [0, 1]),
        # speech wholly inside another record's speaker mention ('Officials who said the plan would fail now
        # say …'): a relative clause of the speaker, both stay
        ([_record("indirect", [(19, 37)], 0.75, (10, 13), (14, 18)),
          _record("indirect", [(46, 54)], 0.75, (0, 37), (42, 45))], [0, 1]),
    ],
    ids=["own-speaker", "own-cue", "crossing", "content-is-anothers-speaker", "crossing-tie", "speaker-in-quote",
         "nested", "term-in-speaker", "shared-speaker", "speech-in-speakers-relative-clause"],
)
def test_drop_overlaps(records: list[dict[str, Any]], kept: list[int]) -> None:
    assert _kept(records) == kept


def test_a_quote_whose_marks_hold_its_own_speaker_keeps_its_content_not_the_speaker() -> None:
    # '“That’s a legitimate concern,” Sarandon told …' with the speaker misread as the quote and the name
    record = _record("direct", [(1, 28)], 0.9, speaker=(0, 40), cue=(41, 45))
    [kept] = drop_overlaps([record], CAP)
    assert (kept["spans"], kept["speaker"], kept["cue"], kept["confidence"]) == (
        record["spans"], None, {"start": 41, "end": 45}, CAP)


def test_drop_overlaps_keeps_text_order() -> None:
    records = [_record("direct", [(1, 20)], 0.5, (22, 27), (28, 32)),
               _record("direct", [(40, 60)], 0.9, (62, 67), (68, 72))]
    assert drop_overlaps(records, CAP) == records


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Several workers, who hail from Nepal, said they had not been paid for months.",
         "they had not been paid for months"),
        ("Several workers, who hail from India and Nepal, told the BBC that they had not been paid.",
         "they had not been paid"),
    ],
)
def test_a_relative_clause_of_the_speaker_is_not_speech(text: str, said: str) -> None:
    found = speech(text)
    assert [(q.text, q.speaker.mention if q.speaker else None) for q in found] == [(said, "Several workers")]


def test_speech_in_a_restrictive_relative_clause_of_the_speaker_stands_beside_its_record() -> None:
    found = speech("Analysts who had predicted a recession said the data was surprising.")
    assert [(q.text, q.speaker.mention) for q in found] == [
        ("a recession", "who"), ("the data was surprising", "Analysts who had predicted a recession")]


def test_no_two_records_of_an_article_overlap_outside_a_quote() -> None:
    text = ("Several workers, who hail from Nepal, said they had not been paid. "
            "“The struggle continues,” the union’s leader told reporters on Monday.")
    found = quotes.extract(text)
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            assert a.end <= b.start or b.end <= a.start, (a.text, b.text)
