"""extract_many's batching: pieces cut outside quotes, batches bounded by characters, workers equal one process."""

from __future__ import annotations

import multiprocessing
import os
from itertools import pairwise

import pytest

import quotes
from quotes._api import PIECE_CHARS, _batches, _groups, _quoted, pieces
from quotes._normalize import normalize
from quotes._pool import ordered_map
from tests.conftest import SEEDS

FILLER = "The committee met again on Tuesday and the talks went on. "


def _piece_texts(text: str, limit: int) -> list[str]:
    return [text[s:e] for s, e in pieces(text, limit, _quoted(normalize(text)))]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    # a paragraph break wins over a later sentence end
    ("One two.\n\nThree four. Five six. Seven", 30, ["One two.\n\n", "Three four. Five six. Seven"]),
    # no paragraph break: the last sentence end that is not inside a quote
    ('Aa bb. Cc dd. "Ee ff. Gg hh," he said.', 30, ["Aa bb. Cc dd. ", '"Ee ff. Gg hh," he said.']),
    # a sentence ending with its closing quote mark is a boundary after the mark
    ('"Aa bb." Cc dd ee ff gg', 20, ['"Aa bb." ', "Cc dd ee ff gg"]),
    # a line break wins over later sentence ends
    ("Aa bb cc.\nDd ee. Ff gg. Hh", 20, ["Aa bb cc.\n", "Dd ee. Ff gg. Hh"]),
])
def test_pieces_cut_outside_quotes(text: str, limit: int, expected: list[str]) -> None:
    assert _piece_texts(text, limit) == expected


def test_pieces_fall_back_to_a_space_then_to_the_limit() -> None:
    assert _piece_texts('"aa bb cc dd ee ff"', 10) == ['"aa bb cc ', 'dd ee ff"']
    assert _piece_texts("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_pieces_cover_the_text_without_gaps() -> None:
    text = "".join(seed.read_text(encoding="utf-8") for seed in SEEDS) * 3
    cuts = pieces(text, 5_000, _quoted(normalize(text)))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(cuts))
    assert all(0 < e - s <= 5_000 for s, e in cuts)


def test_a_quote_after_a_paragraph_longer_than_a_piece_is_whole() -> None:
    """A long paragraph then a quote across the piece limit: the quote keeps its speaker (it was cut to a term)."""
    quote = '"We will defend every inch of our land, whatever it costs and however long it takes," Jane Smith said.'
    lead = FILLER * (PIECE_CHARS // len(FILLER))
    text = lead[: PIECE_CHARS - 40] + " " + quote + " " + FILLER
    found = [q for q in quotes.extract(text) if q.kind != "term"]
    assert [(q.kind, q.speaker.name, q.text) for q in found] == [
        ("direct", "Jane Smith", "We will defend every inch of our land, whatever it costs and however long it takes,")]


@pytest.mark.parametrize(("sizes", "chars", "expected"), [
    ([3, 3, 3, 3], 6, [[0, 1], [2, 3]]),
    ([3, 3, 3, 3], 7, [[0, 1], [2, 3]]),
    ([10, 2, 2], 5, [[0], [1, 2]]),  # an article longer than a batch goes alone
    ([1, 1, 1], 100, [[0, 1, 2]]),
])
def test_batches_are_bounded_by_characters(sizes: list[int], chars: int, expected: list[list[int]]) -> None:
    items = [("x" * size, str(n)) for n, size in enumerate(sizes)]
    assert [[int(doc_id) for _, doc_id in batch] for batch in _batches(items, chars)] == expected


def test_one_long_article_is_parsed_a_batch_of_characters_at_a_time() -> None:
    from quotes._api import _Article

    text = (FILLER * 100 + "\n\n") * 40  # about 236k characters: three pieces
    norm = normalize(text)
    article = _Article(norm, text, "long", [])
    groups = list(_groups([article], 50_000))
    assert all(sum(end - start for _, start, end in group) <= PIECE_CHARS for group in groups)
    assert [len(group) for group in groups] == [1] * len(pieces(norm.text, quoted=_quoted(norm)))


def _square(n: int) -> int:
    return n * n


def test_ordered_map_keeps_input_order_and_leaves_no_workers() -> None:
    assert list(ordered_map(_square, range(50), 2)) == [n * n for n in range(50)]
    stream = ordered_map(_square, range(1000), 2)
    assert next(stream) == 0
    stream.close()  # stopped early: the pool is shut down
    assert multiprocessing.active_children() == []


def _worker_pid(_: int) -> int:
    return os.getpid()


def test_ordered_map_runs_in_other_processes() -> None:
    pids = set(ordered_map(_worker_pid, range(20), 2))
    assert os.getpid() not in pids


def test_two_processes_give_the_records_of_one() -> None:
    texts = [(p.read_text(encoding="utf-8"), p.stem) for p in SEEDS]
    texts += [('"We will not give up," Volodymyr Zelensky told reporters.', "z1"),
              ('"The war must end," Zelensky said.', "z2")]
    one = [[q.model_dump_json() for q in recs] for recs in quotes.extract_many(texts, batch_size=8_000)]
    two = [[q.model_dump_json() for q in recs] for recs in quotes.extract_many(texts, batch_size=8_000, n_process=2)]
    assert one == two
    assert sum(map(len, one)) > 50
    assert '"name":"Volodymyr Zelensky"' in one[-1][0]
