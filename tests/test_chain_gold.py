"""Attribution chains and listeners on held-out BBC News (issue 17), scored against hand-made gold.

``tests/data/chains``: 34 paragraphs (12 with a chain, 22 without); ``tests/data/bbc``: 16 articles, of
which 27 records carry hops. The floors are the figures reached once the chain rules and the real-copy
quote rules were both in (docs/accuracy.md): chain recall 0.944 / 0.963, precision 1.0, listener recall
1.0 / 0.857; the one miss in each set is a quote the extractor does not find at all.
"""

from __future__ import annotations

import pytest

from tests.chain_score import ChainFigures, score_chains
from tests.conftest import DATA


@pytest.fixture(scope="module")
def chains_set() -> ChainFigures:
    """Figures on the chain paragraphs."""
    return score_chains(DATA / "chains" / "gold.jsonl", DATA / "chains" / "texts")


@pytest.fixture(scope="module")
def bbc_set() -> ChainFigures:
    """Figures on the annotated BBC articles."""
    return score_chains(DATA / "bbc" / "gold.jsonl", DATA / "bbc" / "texts")


def test_chain_paragraphs(chains_set: ChainFigures) -> None:
    assert chains_set.recall >= 0.94, chains_set.misses
    assert chains_set.precision >= 0.99, chains_set.false
    assert chains_set.listener_recall >= 0.99, chains_set.misses


def test_no_hop_in_paragraphs_without_a_chain(chains_set: ChainFigures) -> None:
    assert chains_set.counts["stray_hops"] == 0, chains_set.false


def test_bbc_articles(bbc_set: ChainFigures) -> None:
    assert bbc_set.recall >= 0.96, bbc_set.misses
    assert bbc_set.precision >= 0.99, bbc_set.false
    assert bbc_set.listener_recall >= 0.85, bbc_set.misses


def test_where_the_quote_is_found_its_chain_is_right(chains_set: ChainFigures, bbc_set: ChainFigures) -> None:
    """The hop misses left are quotes the extractor does not find (flattened paragraph quotes)."""
    assert chains_set.recall_on_found == 1.0, chains_set.misses
    assert bbc_set.recall_on_found == 1.0, bbc_set.misses
