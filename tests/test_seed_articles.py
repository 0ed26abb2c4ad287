"""The five bundled seed articles: full-output snapshots plus the behaviour the snapshots must not hide."""

from __future__ import annotations

import json

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.json import JSONSnapshotExtension

import quotes
from tests.conftest import DATA, SEEDS


@pytest.fixture
def snapshot_json(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots stored as readable JSON files."""
    return snapshot.use_extension(JSONSnapshotExtension)


@pytest.fixture(scope="module")
def seed_records() -> dict[str, list[quotes.Quote]]:
    """Every seed article extracted in one run, so entity ids are shared across them."""
    texts = [(p.read_text(encoding="utf-8"), p.stem) for p in SEEDS]
    return {doc_id: batch for (_, doc_id), batch in zip(texts, quotes.extract_many(texts), strict=True)}


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_full_output_snapshot(path, seed_records, snapshot_json: SnapshotAssertion) -> None:
    assert [q.model_dump(mode="json") for q in seed_records[path.stem]] == snapshot_json


def test_every_offset_points_into_the_article(seed_records) -> None:
    for doc_id, records in seed_records.items():
        text = (DATA / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
        for q in records:
            assert q.text == " … ".join(text[s.start : s.end] for s in q.spans)
            assert q.id == f"{doc_id}:{q.spans[0].start}"
            if q.speaker is not None and q.speaker.start is not None:
                assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
            for hop in q.chain:
                assert text[hop.start : hop.end] == hop.target
            assert q.sentence.start <= q.spans[0].start and q.spans[-1].end <= q.sentence.end


def _gold_direct() -> list[tuple[str, list[tuple[int, int]], bool]]:
    """(doc_id, spans, required) of each gold direct quote, located in its article."""
    out = []
    for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["kind"] != "direct":
            continue
        text = (DATA / "seeds" / gold["doc"]).read_text(encoding="utf-8")
        parts = gold["quote"] if isinstance(gold["quote"], list) else [gold["quote"]]
        out.append((gold["doc"][:-4], [(text.find(p), text.find(p) + len(p)) for p in parts], gold["required"]))
    return out


def _matches(gold: list[tuple[int, int]], quote: quotes.Quote) -> bool:
    """The scorer's rule: the spans overlap by at least half of the shorter one."""
    pred = [(s.start, s.end) for s in quote.spans]
    overlap = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in gold for s2, e2 in pred)
    shorter = min(sum(e - s for s, e in gold), sum(e - s for s, e in pred))
    return overlap >= 0.5 * shorter


def test_every_required_gold_direct_quote_is_found(seed_records) -> None:
    for doc_id, spans, required in _gold_direct():
        if required:
            assert any(_matches(spans, q) for q in seed_records[doc_id] if q.kind == "direct"), (doc_id, spans)


def test_no_direct_record_without_a_gold_counterpart(seed_records) -> None:
    gold = _gold_direct()
    for doc_id, records in seed_records.items():
        for q in records:
            if q.kind == "direct":
                assert any(d == doc_id and _matches(spans, q) for d, spans, _ in gold), q.text


def test_people_share_one_entity_across_articles(seed_records) -> None:
    ids: dict[str, set[str]] = {}
    for records in seed_records.values():
        for q in records:
            if q.speaker and q.speaker.kind == "person" and q.speaker.entity_id:
                ids.setdefault(q.speaker.name.split()[-1], set()).add(q.speaker.entity_id)
    assert ids["Zelensky"] == {"volodymyr-zelensky"}
    assert ids["Trump"] == {"donald-trump"}
    assert all(len(v) == 1 for v in ids.values()), ids


def test_scare_quotes_in_furniture_are_not_speech(seed_records) -> None:
    records = seed_records["001_1e913b848a64f180"]
    speech_texts = [q.text for q in records if q.kind in ("direct", "mixed", "indirect")]
    assert not any(t in ("as is", "Tense And Frank", "Smart Portfolio") for t in speech_texts)
