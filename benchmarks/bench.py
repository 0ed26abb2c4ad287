"""Throughput and peak memory of ``quotes`` against the bare spaCy parse and textacy, as one markdown table.

    python benchmarks/bench.py                       # 1k and 10k articles, every configuration
    python benchmarks/bench.py --articles 200        # a quick look

Every (configuration, corpus size) runs in its own subprocess, so each peak RSS is its own. Model
loading is outside the timer; the corpus comes from ``make_corpus.articles`` (same seed, same texts).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Any

import spacy
from make_corpus import articles  # benchmarks/ is on sys.path when this file runs as a script

import quotes
from quotes import extract_many, load_pipeline
from quotes._api import BATCH_CHARS
from quotes._loading import candidate_models
from quotes._normalize import normalize

CONFIGS = {
    "spacy": "(a) bare spaCy parse",
    "quotes": "(b) quotes, 1 process",
    "quotes-rules": "(b') quotes --no-model, 1 process",
    "quotes-2p": "(c) quotes, n_process=2",
    "textacy": "(d) textacy direct_quotations",
    "cli-2p": "(e) CLI on a JSONL corpus, --n-process 2",
    "spark": "(f) quotes.spark, local[2]",
}


@dataclass
class Measure:
    """What one configuration did on one corpus; tokens only where a parse counts them."""

    seconds: float
    records: int
    tokens: int | None = None
    failures: int = 0
    peak_mb: float = 0.0
    worker_peak_mb: float | None = None
    load: float = 0.0
    code: str = ""
    digest: str = ""
    cpu: float | None = None
    worker_cpu: float | None = None


def _cpu(who: int) -> float:
    """User + system CPU seconds of this process or of its finished children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _timed(work: Iterator[tuple[int, int, int]]) -> Measure:
    """Run ``work`` (yielding tokens, records, failures per doc) under the clock and sum it, with CPU time."""
    start, cpu, children = perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    tokens = records = failures = 0
    for t, r, f in work:
        tokens, records, failures = tokens + t, records + r, failures + f
    return Measure(perf_counter() - start, records, tokens or None, failures,
                   cpu=_cpu(resource.RUSAGE_SELF) - cpu, worker_cpu=_cpu(resource.RUSAGE_CHILDREN) - children)


def _articles_per_batch(chars: int) -> int:
    """spaCy's own batches count articles: as many of this corpus's articles as fill ``chars`` characters."""
    sample = list(articles(200))
    return max(1, round(chars / (sum(map(len, sample)) / len(sample))))


def run_spacy(n: int, batch_size: int) -> Measure:
    """(a) The parse alone: the rules-only pipeline without its ``quotes`` component, on normalized texts."""
    nlp = load_pipeline(model_pass=False)
    texts = [normalize(text).text for text in articles(n)]
    with nlp.select_pipes(disable=["quotes"]):
        return _timed((len(doc), 0, 0) for doc in nlp.pipe(texts, batch_size=_articles_per_batch(batch_size)))


def _run_quotes(n: int, batch_size: int, n_process: int, model_pass: bool = True) -> Measure:
    nlp = load_pipeline(model_pass=model_pass)
    digest = hashlib.sha1()
    results = extract_many(articles(n), batch_size=batch_size, n_process=n_process, nlp=nlp)
    measure = _timed((0, _digest_records(digest, [q.model_dump_json() for q in records]), 0) for records in results)
    measure.digest = digest.hexdigest()[:12]
    return measure


def _digest_records(digest: Any, lines: list[str]) -> int:
    """Feed records (JSON lines) to ``digest``: equal digests mean byte-identical records. Returns how many."""
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return len(lines)


def run_quotes(n: int, batch_size: int) -> Measure:
    """(b) ``quotes.extract_many`` in one process."""
    return _run_quotes(n, batch_size, 1)


def run_quotes_rules(n: int, batch_size: int) -> Measure:
    """(b') ``quotes.extract_many`` without the learned pass (rules only), in one process."""
    return _run_quotes(n, batch_size, 1, model_pass=False)


def run_quotes_2p(n: int, batch_size: int) -> Measure:
    """(c) ``quotes.extract_many`` with ``n_process=2`` (worker start-up is inside the timer)."""
    return _run_quotes(n, batch_size, 2)


def _plain_pipeline() -> spacy.language.Language:
    """The same weights as quotes uses, loaded as spaCy ships them (what a textacy user runs)."""
    names = candidate_models()
    return spacy.load(next((name for name in names if spacy.util.is_package(name)), names[0]))


def _textacy_quotes(doc: spacy.tokens.Doc, direct_quotations: Callable) -> tuple[int, int, int]:
    """Tokens, quotes and failure (textacy raises ValueError on an odd number of quote marks)."""
    try:
        return len(doc), len(list(direct_quotations(doc))), 0
    except ValueError:
        return len(doc), 0, 1


def run_textacy(n: int, batch_size: int) -> Measure:
    """(d) Parse the raw texts with the plain pipeline, then textacy's ``direct_quotations``."""
    from textacy.extract.triples import direct_quotations  # only this worker pays for the import

    nlp = _plain_pipeline()
    docs = nlp.pipe(articles(n), batch_size=_articles_per_batch(batch_size))
    return _timed(_textacy_quotes(doc, direct_quotations) for doc in docs)


def _corpus_file(n: int, folder: Path) -> Path:
    """The benchmark corpus as a JSON Lines file (ids ``doc``, ``doc1`` … as extract_many names them)."""
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(articles(n)):
            fh.write(json.dumps({"id": f"doc{i or ''}", "text": text}) + "\n")
    return path


def run_cli_2p(n: int, batch_size: int) -> Measure:
    """(e) ``quotes extract corpus.jsonl --n-process 2 -f jsonl -o …``: the whole command, model loading included."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = _corpus_file(n, Path(tmp)), Path(tmp) / "out.jsonl"
        cmd = [str(Path(sys.executable).with_name("quotes")), "extract", str(corpus), "-f", "jsonl", "-o", str(out),
               "--n-process", "2", "--batch-size", str(batch_size)]
        start, children = perf_counter(), _cpu(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, check=True, capture_output=True)
        seconds, cpu = perf_counter() - start, _cpu(resource.RUSAGE_CHILDREN) - children
        digest = hashlib.sha1()
        records = _digest_records(digest, out.read_text(encoding="utf-8").splitlines())
    return Measure(seconds, records, digest=digest.hexdigest()[:12], worker_cpu=cpu)


def run_spark(n: int, batch_size: int) -> Measure:
    """(f) ``quotes.spark.extract_dataframe`` on local[2], written as JSON: worker start-up and model loading
    inside the timer (as for the CLI), the JVM session outside it."""
    from pyspark.sql import SparkSession

    from quotes.spark import extract_dataframe

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").appName("quotes-bench").config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    with tempfile.TemporaryDirectory() as tmp:
        df = spark.createDataFrame([(f"doc{i or ''}", text) for i, text in enumerate(articles(n))],
                                   ["doc_id", "text"]).repartition(4).cache()
        df.count()
        start = perf_counter()
        records = extract_dataframe(df)
        records.write.json(f"{tmp}/out")
        seconds = perf_counter() - start
        count = spark.read.json(f"{tmp}/out").count()
    spark.stop()
    return Measure(seconds, count)


RUNNERS: dict[str, Callable[[int, int], Measure]] = {
    "spacy": run_spacy,
    "quotes": run_quotes,
    "quotes-rules": run_quotes_rules,
    "quotes-2p": run_quotes_2p,
    "textacy": run_textacy,
    "cli-2p": run_cli_2p,
    "spark": run_spark,
}


def _peak_mb(who: int) -> float:
    """Peak resident set size in MB (Linux reports kB); for children, the largest one."""
    return resource.getrusage(who).ru_maxrss / 1024


def code_version() -> str:
    """Digest of the imported ``quotes`` sources: every row of one table must come from the same code."""
    digest = hashlib.sha1()
    for path in sorted(Path(quotes.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def worker(config: str, n: int, batch_size: int) -> None:
    """Subprocess side: measure one configuration and print it as one JSON line (with the load average)."""
    measure = RUNNERS[config](n, batch_size)
    measure.load, measure.code = os.getloadavg()[0], code_version()
    measure.peak_mb = _peak_mb(resource.RUSAGE_SELF)
    children = _peak_mb(resource.RUSAGE_CHILDREN)
    measure.worker_peak_mb = children or None
    print(json.dumps(asdict(measure)))


def measure_in_subprocess(config: str, n: int, batch_size: int) -> Measure:
    """Run :func:`worker` in a fresh interpreter so that its peak memory is its own."""
    cmd = [sys.executable, __file__, "--worker", config, "--articles", str(n), "--batch-size", str(batch_size)]
    # one hash seed for every configuration: the record digests of (b), (c) and (e) are compared, and
    # speaker resolution once followed set order (docs/performance.md)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return Measure(**json.loads(out.strip().splitlines()[-1]))


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(results: dict[tuple[str, int], Measure]) -> str:
    """The markdown table; quotes runs borrow the token count of the parse of the same corpus."""
    lines = ["| configuration | articles | seconds | articles/s | tokens/s | CPU s | worker CPU s | peak RSS MB "
             "| worker peak RSS MB | records | failures | load |", "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for (config, n), m in results.items():
        tokens = m.tokens or (results[("spacy", n)].tokens if ("spacy", n) in results else None)
        lines.append(f"| {CONFIGS[config]} | {n:,} | {m.seconds:.1f} | {n / m.seconds:.1f} "
                     f"| {_fmt(tokens and tokens / m.seconds)} | {_fmt(m.cpu, 1)} | {_fmt(m.worker_cpu or None, 1)} "
                     f"| {m.peak_mb:.0f} | {_fmt(m.worker_peak_mb)} | {m.records:,} | {m.failures:,} | {m.load:.1f} |")
    return "\n".join(lines)


def _ratio(results: dict[tuple[str, int], Measure], key: Callable[[Measure], float],
           top: tuple[str, int], bottom: tuple[str, int]) -> float | None:
    if top not in results or bottom not in results:
        return None
    return key(results[top]) / key(results[bottom])


def targets(results: dict[tuple[str, int], Measure], sizes: list[int]) -> str:
    """The issue's three targets, each with its measured value and whether it is met."""
    def seconds(m: Measure) -> float:
        return m.seconds

    def peak(m: Measure) -> float:
        return m.peak_mb + (m.worker_peak_mb or 0)

    checks = []
    for n in sizes:
        checks.append((f"(b)/(a) time, {n:,} articles", _ratio(results, seconds, ("quotes", n), ("spacy", n)),
                       lambda r: r <= 1.35, "≤ 1.35"))
        checks.append((f"(b')/(a) time, rules only, {n:,} articles",
                       _ratio(results, seconds, ("quotes-rules", n), ("spacy", n)), lambda r: r <= 1.15, "≤ 1.15"))
        checks.append((f"(b)/(c) speed-up, {n:,} articles",
                       _ratio(results, seconds, ("quotes", n), ("quotes-2p", n)), lambda r: r >= 1.85, "≥ 1.85"))
        checks.append((f"(f)/(e) Spark local[2] time over the two-process CLI, {n:,} articles",
                       _ratio(results, seconds, ("spark", n), ("cli-2p", n)), lambda r: r <= 1.15, "≤ 1.15"))
    small, large = min(sizes), max(sizes)
    if small != large:
        for config in ("quotes", "quotes-2p"):
            checks.append((f"{CONFIGS[config]}: peak RSS {large:,} / {small:,}",
                           _ratio(results, peak, (config, large), (config, small)), lambda r: r <= 1.10, "≤ 1.10"))
    lines = ["| target | measured | goal | met |", "|---|--:|--:|---|"]
    for name, value, ok, goal in checks:
        if value is not None:
            lines.append(f"| {name} | {value:.2f} | {goal} | {'yes' if ok(value) else 'no'} |")
    for n in sizes:
        if ("quotes", n) in results and ("quotes-2p", n) in results:
            one, two = results[("quotes", n)], results[("quotes-2p", n)]
            best = max(two.cpu or 0, ((two.cpu or 0) + (two.worker_cpu or 0)) / 2)  # 2 idle cores, even split
            lines.append(f"| (b)/(c) speed-up on 2 idle cores estimated from CPU time, {n:,} articles "
                         f"| {(one.cpu or 0) / best:.2f} | ≥ 1.85 | estimate |")
        runs = [c for c in ("quotes", "quotes-2p", "cli-2p") if (c, n) in results]
        if len(runs) > 1:
            same = len({results[(c, n)].digest for c in runs}) == 1
            names = ", ".join(CONFIGS[c][:3] for c in runs)
            lines.append(f"| {names} records byte-identical, {n:,} articles | {'same' if same else 'DIFFERENT'} "
                         f"| same | {'yes' if same else 'no'} |")
    return "\n".join(lines)


def header(results: dict[tuple[str, int], Measure]) -> str:
    """Where, when and on which code the numbers were taken."""
    codes = sorted({m.code for m in results.values()})
    code = codes[0] if len(codes) == 1 else f"MIXED {', '.join(codes)}: the code changed during the run"
    return (f"{date.today().isoformat()} · {platform.machine()} · {os.cpu_count()} CPUs · "
            f"Python {platform.python_version()} · spaCy {spacy.__version__} · quotes sources {code}")


def main() -> None:
    """Command line: measure each configuration on each corpus size, then print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=list(CONFIGS))
    parser.add_argument("--batch-size", type=int, default=BATCH_CHARS, help="characters per batch (quotes runs)")
    parser.add_argument("--worker", choices=list(CONFIGS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.articles[0], args.batch_size)
        return
    results: dict[tuple[str, int], Measure] = {}
    for n in args.articles:
        for config in args.configs:
            print(f"measuring {CONFIGS[config]} on {n:,} articles …", file=sys.stderr, flush=True)
            results[(config, n)] = measure_in_subprocess(config, n, args.batch_size)
    print(f"{header(results)}\n\n{table(results)}\n\n{targets(results, args.articles)}")


if __name__ == "__main__":
    main()
