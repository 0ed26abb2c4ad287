"""A benchmark corpus anyone can rebuild: paragraphs of the bundled seed articles, shuffled into N articles.

The same ``--seed`` gives the same corpus, byte for byte, on any machine::

    python benchmarks/make_corpus.py /tmp/corpus-1k --articles 1000
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "seeds"
DEFAULT_SEED = 7
#: Paragraphs per article, drawn uniformly: about 170 tokens on average, so 10k articles parse in minutes.
PARAGRAPHS_PER_ARTICLE = (3, 9)


def seed_paragraphs(seed_dir: Path = SEED_DIR) -> list[str]:
    """Every non-empty line of the seed articles, in file order (the pool articles are drawn from)."""
    paragraphs: list[str] = []
    for path in sorted(seed_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs += [line.strip() for line in lines if line.strip()]
    if not paragraphs:
        raise FileNotFoundError(f"no seed paragraphs under {seed_dir}")
    return paragraphs


def articles(n: int, *, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """``n`` articles made lazily, each a random draw of seed paragraphs joined by blank lines."""
    pool = seed_paragraphs()
    rng = random.Random(seed)
    for _ in range(n):
        yield "\n\n".join(rng.sample(pool, rng.randint(*PARAGRAPHS_PER_ARTICLE)))


def long_article(n_chars: int, *, seed: int = DEFAULT_SEED) -> str:
    """One article of about ``n_chars`` characters; a longer one starts with the shorter one's text."""
    parts: list[str] = []
    size = 0
    for article in articles(n_chars, seed=seed):
        if size >= n_chars:
            break
        parts.append(article)
        size += len(article) + 2
    return "\n\n".join(parts)


def write_corpus(out_dir: Path, n: int, *, seed: int = DEFAULT_SEED) -> None:
    """Write ``n`` articles as ``out_dir/00000.txt`` … (UTF-8), ready for ``quotes extract out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles(n, seed=seed)):
        (out_dir / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    """Command line: ``make_corpus.py OUT_DIR --articles N [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="directory to write the articles into")
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="shuffle seed (default %(default)s)")
    args = parser.parse_args()
    write_corpus(args.out_dir, args.articles, seed=args.seed)


if __name__ == "__main__":
    main()
