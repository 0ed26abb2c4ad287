"""Corpus files: JSON Lines and CSV of articles (plain or gzip), one article per line or row, read as a stream.

Each row gives a text, a doc_id and the metadata fields the caller keeps (url,
outlet, date …). A bad row (no text, no id, a duplicate id, broken JSON) is one
``InputError`` naming the file and line; the rows after it are still read.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from quotes._errors import InputError
from quotes._io import MAX_BYTES, iter_jsonl

__all__ = ["CORPUS_SUFFIXES", "CorpusRow", "is_corpus", "read_corpus"]

CORPUS_SUFFIXES = (".jsonl", ".csv", ".jsonl.gz", ".csv.gz")


class CorpusRow(NamedTuple):
    """One article of a corpus: its text, its doc_id and the kept metadata (field → value, None when absent)."""

    text: str
    doc_id: str
    meta: dict[str, Any]


def is_corpus(path: str | Path) -> bool:
    """True for the file names read as corpora: .jsonl, .csv and their .gz forms."""
    return str(path).lower().endswith(CORPUS_SUFFIXES)


def _open_text(path: Path) -> IO[str]:
    """The file as UTF-8 text (a BOM dropped), through gzip when its name ends in .gz."""
    raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # noqa: SIM115 - the caller closes it
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _jsonl_rows(fh: IO[str], source: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """(line number, object) per non-blank line; a line that is not a JSON object is an InputError."""
    for number, row in iter_jsonl(fh):
        if not isinstance(row, dict):
            why = f"invalid JSON: {row.msg}" if isinstance(row, json.JSONDecodeError) else str(row)
            row = InputError("Q009", f"{source}:{number}", reason=why)
        yield number, row


def _csv_rows(fh: IO[str], source: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """(line number where the row starts, row) per CSV record after the header."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is far longer than csv's 128 kB default
    reader = csv.DictReader(fh)
    line = reader.line_num + 1
    for row in reader:
        yield line, row
        line = reader.line_num + 1


def _cell(row: dict[str, Any], name: str) -> Any:
    """A field's value; a missing field and an empty CSV cell are both None."""
    value = row.get(name)
    return None if value == "" else value


def _article(row: dict[str, Any], where: str, id_field: str, text_field: str, keep: Sequence[str]) -> CorpusRow:
    """The article of one row, or an InputError saying what is wrong with it."""
    text, doc_id = _cell(row, text_field), _cell(row, id_field)
    if not isinstance(text, str) or not text.strip():
        reason = f"no text in field {text_field!r}" if text is None or isinstance(text, str) else (
            f"field {text_field!r} is a {type(text).__name__}, not a string")
        raise InputError("Q009", where, reason=reason)
    if len(text) > MAX_BYTES:
        raise InputError("Q009", where, reason=f"text longer than {MAX_BYTES:,} characters; split it into articles")
    if doc_id is None or isinstance(doc_id, (dict, list, bool)):
        raise InputError("Q009", where, reason=f"no usable id in field {id_field!r}")
    return CorpusRow(text, str(doc_id), {name: _cell(row, name) for name in keep})


def read_corpus(path: str | Path, *, id_field: str = "id", text_field: str = "text", keep: Sequence[str] = (),
                on_error: Callable[[InputError], None] | None = None) -> Iterator[CorpusRow]:
    """Stream the articles of a .jsonl/.csv file (or its .gz) as ``CorpusRow(text, doc_id, meta)``.

    Memory stays flat whatever the file's size. A bad row goes to ``on_error``
    (default: raised) and reading goes on; an unreadable file raises InputError.
    """
    path = Path(path)
    rows = _jsonl_rows if path.name.lower().endswith((".jsonl", ".jsonl.gz")) else _csv_rows
    seen: set[str] = set()
    try:
        with _open_text(path) as fh:
            for number, row in rows(fh, str(path)):
                try:
                    if isinstance(row, InputError):
                        raise row
                    article = _article(row, f"{path}:{number}", id_field, text_field, keep)
                    if article.doc_id in seen:
                        raise InputError("Q009", f"{path}:{number}", reason=f"duplicate id {article.doc_id!r}")
                except InputError as exc:
                    if on_error is None:
                        raise
                    on_error(exc)
                    continue
                seen.add(article.doc_id)
                yield article
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise InputError("Q001", str(path), reason=reason) from exc
