"""Identity on a development list of name pairs (tests/data/name_pairs.jsonl), across two documents of one run.

Same-person pairs (romanisations, given-name variants, titles, short forms) must share an entity id in at
least 95% of cases; different people (families, look-alike surnames) never may.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes

PAIRS = [json.loads(line) for line in (Path(__file__).parent / "data" / "name_pairs.jsonl").open(encoding="utf-8")]


def _ids(a: str, b: str) -> list[str | None]:
    """The speaker entity ids when ``a`` speaks in one article and ``b`` in the next."""
    texts = [(f'"We will not give up," {a} said on Monday.', "a"), (f'"The talks must go on," {b} said.', "b")]
    out = []
    for records in quotes.extract_many(texts):
        speakers = [q.speaker for q in records if q.speaker is not None]
        assert len(speakers) == 1, [(q.text, q.speaker) for q in records]
        out.append(speakers[0].entity_id)
    return out


@pytest.fixture(scope="module")
def outcomes() -> list[tuple[dict, bool]]:
    """Each pair with whether the run gave both mentions one entity id."""
    found = []
    for pair in PAIRS:
        ids = _ids(pair["a"], pair["b"])
        found.append((pair, ids[0] is not None and ids[0] == ids[1]))
    return found


def test_the_list_is_big_enough() -> None:
    assert sum(p["same"] for p in PAIRS) >= 100 and sum(not p["same"] for p in PAIRS) >= 50


def test_same_person_pairs_share_an_id(outcomes: list[tuple[dict, bool]]) -> None:
    same = [(p, merged) for p, merged in outcomes if p["same"]]
    split = [(p["a"], p["b"]) for p, merged in same if not merged]
    assert len(split) <= 0.05 * len(same), split


def test_different_people_never_share_an_id(outcomes: list[tuple[dict, bool]]) -> None:
    merged = [(p["a"], p["b"]) for p, merged in outcomes if not p["same"] and merged]
    assert not merged
