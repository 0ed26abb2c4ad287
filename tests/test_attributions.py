"""One record per attribution (``group_attributions``): structural rules on hand-built records, then the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes import Cue, Quote, SentenceSpan, Span, Speaker, group_attributions
from tests.test_cli import _run


def _record(start: int, end: int, *, kind: str = "direct", cue: bool = False, speaker: tuple[int, int] | None = (0, 5),
            doc_id: str = "d") -> Quote:
    """A record of ``doc_id`` at [start, end) whose speaker mention sits at ``speaker``; with or without a cue."""
    return Quote(
        id=f"{doc_id}:{start}", doc_id=doc_id, kind=kind, text=f"t{start}", spans=[Span(start=start, end=end)],
        cue=Cue(text="said", lemma="say", start=end + 1, end=end + 5) if cue else None,
        speaker=Speaker(mention="Smith", start=speaker[0], end=speaker[1], kind="person") if speaker else None,
        sentence=SentenceSpan(start=start, end=end + 1), confidence=0.9 if cue else 0.7, method="rule",
    )


def test_a_continuation_joins_the_record_it_inherits_from() -> None:
    first, more = _record(10, 20, cue=True), _record(30, 40)
    grouped = group_attributions([first, more])
    assert len(grouped) == 1
    joined = grouped[0]
    assert [(s.start, s.end) for s in joined.spans] == [(10, 20), (30, 40)]
    assert (joined.id, joined.cue, joined.speaker) == ("d:10", first.cue, first.speaker)
    assert joined.text == "t10 … t30"
    assert (joined.sentence.start, joined.sentence.end) == (10, 41)
    assert joined.confidence == 0.7


def test_three_paragraphs_make_one_record_and_a_term_between_stays_apart() -> None:
    term = _record(22, 25, kind="term", speaker=None)
    grouped = group_attributions([_record(10, 20, cue=True), term, _record(30, 40), _record(50, 60)])
    assert [(q.kind, len(q.spans)) for q in grouped] == [("direct", 3), ("term", 1)]


@pytest.mark.parametrize(
    "second",
    [
        _record(30, 40, cue=True),  # a cue of its own: a new attribution
        _record(30, 40, speaker=(50, 55)),  # another speaker mention
        _record(30, 40, speaker=None),  # nobody to inherit
        _record(30, 40, doc_id="other"),  # another document
    ],
    ids=["own-cue", "other-speaker", "no-speaker", "other-document"],
)
def test_records_that_do_not_run_on_stay_apart(second: Quote) -> None:
    assert len(group_attributions([_record(10, 20, cue=True), second])) == 2


def test_kinds_that_differ_make_a_mixed_record() -> None:
    grouped = group_attributions([_record(10, 20, kind="indirect", cue=True), _record(30, 40)])
    assert [q.kind for q in grouped] == ["mixed"]


def test_the_cli_writes_one_record_per_attribution(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"We will win," Jane Smith said.\n\n"Nobody can stop us now."\n\nThe vote is on Monday.\n',
                       encoding="utf-8")
    plain = _run("extract", str(article), "-f", "jsonl")
    grouped = _run("extract", str(article), "-f", "jsonl", "--group-attributions")
    assert plain.code == grouped.code == 0
    assert len(plain.out.splitlines()) == 2
    records = [json.loads(line) for line in grouped.out.splitlines()]
    assert [(r["kind"], [(s["start"], s["end"]) for s in r["spans"]]) for r in records] == [
        ("direct", [(1, 13), (34, 57)])]


def test_evaluate_refuses_to_group_a_prediction_file(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("", encoding="utf-8")
    run = _run("evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path), "--pred", str(tmp_path / "pred.jsonl"),
               "--group-attributions")
    assert run.code == 2 and "--group-attributions" in run.err
