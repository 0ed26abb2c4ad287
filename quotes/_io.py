"""Reading articles: paths and directories walked, bytes decoded, bad files named with a reason.

Offsets of records from files point into the decoded text (UTF-8 with or
without BOM, UTF-16 with BOM; cp1252 as a last resort, with a warning): the
byte-order mark is not part of it, line ends are kept as they are (CRLF is two
characters). HTML pages are refused, not converted. Inputs over ``MAX_BYTES``
are refused: no news article comes near it, and a dump of many articles is
better split so that each gets its own doc_id.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotes._errors import InputError

__all__ = ["Article", "decode", "iter_paths", "read_article", "read_stdin"]

MAX_BYTES = 10 * 1024 * 1024  # an article past this is a dump of many: refused with the limit in the message
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
_HTML_START = ("<!doctype html", "<html", "<head", "<body")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Article:
    """One input text, its doc_id (the file name without extension) and any decoding warnings."""

    text: str
    doc_id: str
    source: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes to text; raises InputError for binary, empty, oversized or HTML input."""
    if len(data) > MAX_BYTES:
        raise InputError("Q001", source, reason=f"larger than {MAX_BYTES:,} bytes; split it into articles")
    warnings: list[str] = []
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("Q002", source, reason=f"it has a UTF-16 byte-order mark but {exc.reason}") from None
    elif b"\x00" in data[:8192]:
        raise InputError("Q002", source, reason="it holds NUL bytes (binary data)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{source}: not UTF-8; decoded as cp1252 (offsets point into the decoded text)")
    if not text.strip():
        raise InputError("Q003", source)
    if "\x00" in text[:8192]:
        raise InputError("Q002", source, reason="it holds NUL characters (binary data)")
    if text.lstrip()[:15].lower().startswith(_HTML_START):
        raise InputError("Q006", source, reason="the file is an HTML page")
    return text, warnings


def read_article(path: Path) -> Article:
    """Read and decode one file; every failure is an InputError naming the file."""
    source = str(path)
    try:
        with path.open("rb") as fh:  # bounded: a device or a pipe never ends
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError("Q001", source, reason=exc.strerror or type(exc).__name__) from exc
    text, warnings = decode(data, source)
    return Article(text, path.stem, source, warnings)


def read_stdin() -> Article:
    """The article on standard input, as doc_id 'stdin'."""
    text, warnings = decode(sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>")
    return Article(text, "stdin", "<stdin>", warnings)


def iter_paths(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Files in argument order; directories walked in sorted order (text-like files only; broken links named)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if hidden or child.suffix.lower() not in _TEXT_SUFFIXES:
                    continue
                if child.is_file():
                    yield child
                elif child.is_symlink() and not child.exists():
                    yield InputError("Q001", str(child), reason="broken symbolic link")
        elif path.exists():
            yield path
        else:
            yield InputError("Q001", raw, reason="no such file or directory")
