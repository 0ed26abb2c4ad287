"""Writers for CSV, JSONL and JSON: streamed record by record, written atomically to files."""

from __future__ import annotations

import csv
import errno
import io
import json
import multiprocessing
import os
import signal
import stat
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from quotes._models import Quote

__all__ = ["CSV_FIELDS", "FORMATS", "Interrupted", "RecordWriter", "chain_text", "csv_row", "meta_cell", "open_output",
           "record_json"]

CSV_FIELDS = ("doc_id", "id", "kind", "text", "start", "end", "speaker_name", "speaker_mention", "speaker_kind",
              "entity_id", "cue", "listener", "chain", "confidence", "method")
FORMATS = ("csv", "jsonl", "json")
#: Cells starting with these run as formulas in Excel and LibreOffice (OWASP "CSV injection").
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_RELATION_WORDS = {"according_to": "according to", "reported_by": "reported by", "statement_to": "statement to",
                   "obtained_by": "obtained by"}


def chain_text(quote: Quote) -> str:
    """Hops rendered in order: 'citing sources > according to a report by CNN'."""
    return " > ".join(f"{_RELATION_WORDS.get(h.relation, h.relation)} {h.target}" for h in quote.chain)


def _inert(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe (quoted text is anyone's)."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_LEADS) else cell


def csv_row(quote: Quote) -> dict[str, Any]:
    """One flat CSV row in the fixed field order."""
    sp = quote.speaker
    return {
        "doc_id": quote.doc_id, "id": quote.id, "kind": quote.kind, "text": quote.text,
        "start": quote.start, "end": quote.end,
        "speaker_name": sp.name if sp and sp.name else "", "speaker_mention": sp.mention if sp else "",
        "speaker_kind": sp.kind if sp else "", "entity_id": sp.entity_id if sp and sp.entity_id else "",
        "cue": quote.cue.text if quote.cue else "", "listener": quote.listener.text if quote.listener else "",
        "chain": chain_text(quote), "confidence": quote.confidence, "method": quote.method,
    }


def meta_cell(value: Any) -> str:
    """A metadata value as a CSV cell: strings as they are, null empty, numbers and structures as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def record_json(quote: Quote, meta: dict[str, Any] | None) -> str:
    """The record as compact JSON, with a trailing ``meta`` object when the run keeps metadata."""
    text = quote.model_dump_json()
    if meta is None:
        return text
    return text[:-1] + ',"meta":' + json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "}"


class RecordWriter:
    """Writes records as they come in one of FORMATS."""

    def __init__(self, fh: IO[str], fmt: str, meta_fields: Sequence[str] = ()) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt, self.count = fh, fmt, 0
        if fmt == "csv":
            self._csv = csv.DictWriter(fh, fieldnames=(*CSV_FIELDS, *meta_fields), lineterminator="\r\n")
            self._csv.writeheader()
        elif fmt == "json":
            fh.write("[")

    def write(self, quote: Quote, meta: dict[str, Any] | None = None) -> None:
        """Append one record; ``meta`` (corpus metadata) becomes extra CSV columns or a JSON ``meta`` object."""
        if self.fmt == "csv":
            row = {**csv_row(quote), **{k: meta_cell(v) for k, v in (meta or {}).items()}}
            self._csv.writerow({k: _inert(v) for k, v in row.items()})
        elif self.fmt == "jsonl":
            self.fh.write(record_json(quote, meta) + "\n")
        else:
            self.fh.write(("," if self.count else "") + "\n  " + record_json(quote, meta))
        self.count += 1

    def close(self) -> None:
        """Finish the document (the closing bracket of a JSON array)."""
        if self.fmt == "json":
            self.fh.write("\n]\n" if self.count else "]\n")
        self.fh.flush()


@contextmanager
def _stdout() -> Iterator[IO[str]]:
    """Standard output as UTF-8 without newline translation, whatever the locale says."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # replaced by a text-only stream (an embedding program, a test)
        yield sys.stdout
        return
    sys.stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield out
    finally:
        out.flush()
        out.detach()  # leave sys.stdout's buffer open


class Interrupted(BaseException):
    """SIGTERM or SIGINT arrived while an output file was open; raised so the temporary file goes."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_in(owner: int) -> Callable[[int, object], None]:
    """A handler raising ``Interrupted`` in process ``owner``, which first ends its worker processes (spaCy's
    ``n_process`` clean-up would wait for them forever); a forked worker itself dies by the signal."""

    def handler(signum: int, _frame: object) -> None:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        for child in multiprocessing.active_children():
            child.terminate()
        warnings.filterwarnings("ignore", message=r"\[W127\]")  # spaCy: "not all workers completed"; we ended them
        raise Interrupted(signum)

    return handler


@contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGINT raise ``Interrupted`` inside the block (main thread only; elsewhere they cannot be set)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = _raise_in(os.getpid())
    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _output_target(path: Path) -> tuple[Path, bool]:
    """Where output to ``path`` goes, and whether atomically: a regular file (behind its links) or a new one is
    replaced by rename; a device or pipe is written through; a folder or a link loop is an OSError."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Path(os.path.realpath(path)), True  # new; a dangling link's target is created
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if stat.S_ISREG(mode):
        return Path(os.path.realpath(path)), True
    return path, False


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """stdout; a device or pipe written through; else a temporary file beside the (link-resolved) target, renamed
    into place only on success and removed on failure, SIGTERM or SIGINT."""
    if path in (None, "-"):
        with _stdout() as out:
            yield out
        return
    target, atomic = _output_target(Path(path))
    if not atomic:
        with open(target, "w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    with _signals_raise():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                yield fh
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp made it private; the output is an ordinary file
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
