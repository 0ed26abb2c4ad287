"""Reading articles: paths and directories walked, bytes decoded, bad files named with a reason.

Offsets of records from files point into the decoded text (UTF-8 with or
without BOM, UTF-16 with BOM; cp1252 as a last resort, with a warning).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotes._errors import InputError

__all__ = ["Article", "decode", "iter_paths", "read_article", "read_stdin"]

MAX_BYTES = 50 * 1024 * 1024
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
_HTML_START = (b"<!doctype html", b"<html")


@dataclass(frozen=True)
class Article:
    """One input text, its doc_id (the file name without extension) and any decoding warnings."""

    text: str
    doc_id: str
    source: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes to text; raises InputError for binary, empty or HTML input."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    if b"\x00" in data[:8192]:
        raise InputError("Q002", source, reason="it holds NUL bytes (binary data)")
    if not data.strip():
        raise InputError("Q003", source)
    if data.lstrip()[:15].lower().startswith(_HTML_START):
        raise InputError("Q006", source, reason="the file is an HTML page")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, [f"{source}: not UTF-8; decoded as cp1252 (offsets point into the decoded text)"]


def read_article(path: Path) -> Article:
    """Read and decode one file; every failure is an InputError naming the file."""
    source = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError("Q001", source, reason=f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("Q001", source, reason=exc.strerror or type(exc).__name__) from exc
    text, warnings = decode(data, source)
    return Article(text, path.stem, source, warnings)


def read_stdin() -> Article:
    """The article on standard input, as doc_id 'stdin'."""
    text, warnings = decode(sys.stdin.buffer.read(), "<stdin>")
    return Article(text, "stdin", "<stdin>", warnings)


def iter_paths(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Files in argument order; directories walked in sorted order (text-like files only)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.suffix.lower() in _TEXT_SUFFIXES or not child.suffix:
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError("Q001", raw, reason="no such file or directory")
