"""Attribution-chain figures (issue 17) on the in-repo gold sets, and on the PolNeAR staging set when present.

    python benchmarks/chains.py                 # tests/data/chains, tests/data/bbc, /work/chains_staging/polnear
    python benchmarks/chains.py --verbose       # also list missed and false hops

The PolNeAR paragraphs are copyrighted news: they are read where they lie and never copied here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.chain_score when run as a script

from tests.chain_score import score_chains  # noqa: E402

SETS = {
    "chains": ROOT / "tests/data/chains",
    "bbc": ROOT / "tests/data/bbc",
    "polnear-staging": Path("/work/chains_staging/polnear"),
}


def main() -> None:
    """Print one table per gold set that exists on this machine."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed and false hops")
    parser.add_argument("--only", choices=sorted(SETS), help="score one set")
    args = parser.parse_args()
    for name, folder in SETS.items():
        if (args.only and name != args.only) or not (folder / "gold.jsonl").exists():
            continue
        fig = score_chains(folder / "gold.jsonl", folder / "texts")
        print(f"\n## {name}\n\n{fig.table()}")
        if args.verbose:
            print("\n".join(["missed:", *fig.misses, "false:", *fig.false]))


if __name__ == "__main__":
    main()
