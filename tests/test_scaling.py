"""Linear cost: doubling an article's length must about double the time (ratios, never absolute times).

A quadratic step (quote × entity, sentence × sentence) would give a ratio near 4; linear work gives 2.
Articles are seed paragraphs shuffled by ``benchmarks/make_corpus.py``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from time import process_time

import quotes
from quotes._marks import scan_quotes
from quotes._normalize import normalize

MAX_RATIO = 2.6
MARK_PASS_CHARS = 1_000_000
PIPELINE_CHARS = 150_000
COMPONENT_CHARS = 50_000


@cache
def _pair(size: int) -> tuple[str, str]:
    """Articles of ``size`` and ``2 * size`` characters from benchmarks/make_corpus.py (loaded by path)."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None and spec.loader is not None
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    small, large = make_corpus.long_article(size), make_corpus.long_article(2 * size)
    assert 0.95 * size <= len(small) and 1.95 * size <= len(large) <= 2.1 * size
    return small, large


def _ratio(work: Callable[[str], object], size: int, repeat: int) -> float:
    """Best time on the ``2 * size`` article over best time on the ``size`` one.

    CPU time of this process, runs interleaved: other work on a shared machine slows both sizes alike.
    """
    texts = _pair(size)
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, text in enumerate(texts):
            start = process_time()
            work(text)
            best[i] = min(best[i], process_time() - start)
    return best[1] / best[0]


def _mark_pass(text: str) -> None:
    scan_quotes(normalize(text).text)


def test_quote_mark_pass_is_linear() -> None:
    """normalize (which scans the marks) plus a second scan: 2 MB vs 1 MB."""
    assert _ratio(_mark_pass, MARK_PASS_CHARS, repeat=3) < MAX_RATIO


def test_extraction_is_linear() -> None:
    """The whole of quotes.extract (normalize, parse, passes, records): 300 KB vs 150 KB."""
    quotes.extract("Warm-up, she said.")
    assert _ratio(quotes.extract, PIPELINE_CHARS, repeat=2) < MAX_RATIO


def test_quotes_component_is_linear() -> None:
    """The quotes component alone on already parsed Docs of 50 KB and 100 KB (up to twice the pieces
    extract_many hands to spaCy), where a quadratic step would stand out against the parse."""
    nlp = quotes.load_pipeline()
    with nlp.select_pipes(disable=["quotes"]):  # parse outside the clock
        parsed = {text: nlp(normalize(text).text) for text in _pair(COMPONENT_CHARS)}
    component = nlp.get_pipe("quotes")
    assert _ratio(lambda text: component(parsed[text]), COMPONENT_CHARS, repeat=5) < MAX_RATIO
