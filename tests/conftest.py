"""Shared fixtures: the pipeline is loaded once per session; helpers run the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import settings
from spacy.tokens import Doc

import quotes
from quotes import Quote

# Property tests draw the same examples on every run, so a green commit stays green on CI; explore
# with new examples locally by `pytest --hypothesis-seed=N` or `--hypothesis-profile=explore`.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")

DATA = Path(__file__).parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))


def speech(text: str) -> list[Quote]:
    """The speech records (direct, mixed, indirect) of one text."""
    return [q for q in quotes.extract(text) if q.kind in ("direct", "mixed", "indirect")]


def only(text: str) -> Quote:
    """The single speech record of ``text``; fails when there are none or several."""
    found = speech(text)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


def span_texts(text: str, quote: Quote) -> list[str]:
    """The content spans as they read in the input."""
    return [text[s.start : s.end] for s in quote.spans]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """doc_id → text of the bundled sample articles."""
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}


#: A hand-built token: word, head index, dependency label, coarse tag, Penn tag, lemma.
Row = tuple[str, int, str, str, str, str]
_VOCAB = spacy.blank("en").vocab


def hand_parse(rows: list[Row]) -> Doc:
    """A Doc with the given tokens and dependency tree (a head equal to the token's own index is the root), so
    structural rules are tested on a parse that does not move when the model does."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0][0] not in ",.)'" and r[0] not in "(" for i, r in enumerate(rows)]
    return Doc(_VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows])
