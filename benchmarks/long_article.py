"""Peak memory of ``quotes.extract`` on one long article: the seed articles repeated up to N megabytes.

    python benchmarks/long_article.py                 # 1, 2 and 10 MB articles, and 1 MB of quote marks
    python benchmarks/long_article.py --mb 10         # one size

Each size runs in its own subprocess so that its peak RSS is its own; the model is loaded before the
clock starts and its memory is reported apart (``baseline``).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path
from time import perf_counter

from quotes._api import BATCH_CHARS

SEEDS = sorted((Path(__file__).resolve().parent.parent / "tests" / "data" / "seeds").glob("*.txt"))


def article(megabytes: float, kind: str) -> str:
    """A text of about ``megabytes`` MB: the seed articles over and over, or quote marks and words."""
    size = int(megabytes * 1_000_000)
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS) if kind == "seeds" else '“ a ” '
    return (unit * (size // len(unit) + 1))[:size]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(megabytes: float, kind: str, batch_size: int) -> dict[str, float]:
    """Subprocess side: extract one long article, report seconds, records and peak RSS."""
    import quotes

    nlp = quotes.load_pipeline()
    quotes.extract("Warm-up.")
    baseline = _peak_mb()
    text = article(megabytes, kind)
    start = perf_counter()
    records = next(quotes.extract_many([text], nlp=nlp, batch_size=batch_size))
    return {"mb": megabytes, "kind": kind, "chars": len(text), "seconds": round(perf_counter() - start, 1),
            "records": len(records), "baseline_mb": round(baseline), "peak_mb": round(_peak_mb())}


def main() -> None:
    """Measure each size in a fresh interpreter and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 2, 10])
    parser.add_argument("--marks-mb", type=float, nargs="*", default=[1], help="sizes of the quote-mark text")
    parser.add_argument("--batch-size", type=int, default=BATCH_CHARS)
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(float(args.worker[0]), args.worker[1], args.batch_size)))
        return
    print("| text | MB | characters | seconds | records | model loaded MB | peak RSS MB |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for kind, sizes in (("seeds", args.mb), ("marks", args.marks_mb)):
        for mb in sizes:
            cmd = [sys.executable, __file__, "--worker", str(mb), kind, "--batch-size", str(args.batch_size)]
            m = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
            print(f"| {kind} | {mb:g} | {m['chars']:,} | {m['seconds']} | {m['records']:,} | {m['baseline_mb']} "
                  f"| {m['peak_mb']} |", flush=True)


if __name__ == "__main__":
    main()
