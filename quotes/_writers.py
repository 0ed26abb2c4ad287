"""Writers for CSV, JSONL and JSON: streamed record by record, written atomically to files."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from quotes._models import Quote

__all__ = ["CSV_FIELDS", "FORMATS", "RecordWriter", "chain_text", "csv_row", "meta_cell", "open_output", "record_json"]

CSV_FIELDS = ("doc_id", "id", "kind", "text", "start", "end", "speaker_name", "speaker_mention", "speaker_kind",
              "entity_id", "cue", "listener", "chain", "confidence", "method")
FORMATS = ("csv", "jsonl", "json")
_RELATION_WORDS = {"according_to": "according to", "reported_by": "reported by", "statement_to": "statement to",
                   "obtained_by": "obtained by"}


def chain_text(quote: Quote) -> str:
    """Hops rendered in order: 'citing sources > according to a report by CNN'."""
    return " > ".join(f"{_RELATION_WORDS.get(h.relation, h.relation)} {h.target}" for h in quote.chain)


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
            self._csv.writerow({**csv_row(quote), **{k: meta_cell(v) for k, v in (meta or {}).items()}})
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


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file beside ``path`` renamed into place only on success."""
    if path in (None, "-"):
        with _stdout() as out:
            yield out
        return
    target = Path(path)
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
