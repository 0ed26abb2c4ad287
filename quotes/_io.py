"""Reading articles: paths and directories walked, bytes decoded, bad files named with a reason.

Offsets of records from files point into the decoded text (UTF-8 with or
without BOM, UTF-16 with BOM; cp1252 as a last resort, with a warning): the
byte-order mark is not part of it, line ends are kept as they are (CRLF is two
characters). HTML pages are refused, not converted. Inputs over ``MAX_BYTES``
are refused: no news article comes near it, and a dump of many articles is
better split so that each gets its own doc_id.
"""

from __future__ import annotations

import errno
import json
import os
import select
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from quotes._errors import InputError

__all__ = ["Article", "decode", "iter_jsonl", "iter_paths", "read_article", "read_stdin"]

MAX_BYTES = 10 * 1024 * 1024  # an article past this is a dump of many: refused with the limit in the message
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
_HTML_START = ("<!doctype html", "<html", "<head", "<body")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 and C1 control characters other than tab, line ends and form feed, and the mark of bytes that did not decode
_NOT_TEXT = regex.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd]")  # U+0085 is a line end
_MAX_NOT_TEXT_SHARE = 0.02  # random bytes decode to about 12 % of these; text, even with stray escapes, to next to none
#: Seconds a named pipe or device may send nothing before it counts as a failed input (see docs/cli.md).
PIPE_TIMEOUT = 60.0
PIPE_TIMEOUT_VARIABLE = "QUOTES_PIPE_TIMEOUT"
_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


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
    elif b"\x00" in data:
        raise InputError("Q002", source, reason="it holds NUL bytes (binary data)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{source}: not UTF-8; decoded as cp1252 (offsets point into the decoded text)")
    if not text.strip():
        raise InputError("Q003", source)
    _refuse_binary(text, source)
    if text.lstrip()[:15].lower().startswith(_HTML_START):
        raise InputError("Q006", source, reason="the file is an HTML page")
    return text, warnings


def _refuse_binary(text: str, source: str) -> None:
    """Binary data decodes to NULs, control characters and replacement marks; text has next to none."""
    if "\x00" in text:
        raise InputError("Q002", source, reason="it holds NUL characters (binary data)")
    odd = sum(1 for _ in _NOT_TEXT.finditer(text))
    if odd > len(text) * _MAX_NOT_TEXT_SHARE:
        raise InputError("Q002", source, reason=f"{odd / len(text):.0%} of it is control characters or bytes "
                                                "that decode to nothing (binary data)")


def read_article(path: Path) -> Article:
    """Read and decode one file; every failure is an InputError naming the file."""
    source = str(path)
    try:
        data = _read_bytes(path, source)
    except OSError as exc:
        raise InputError("Q001", source, reason=_why(path, exc)) from exc
    text, warnings = decode(data, source)
    return Article(text, path.stem, source, warnings)


def _read_bytes(path: Path, source: str) -> bytes:
    """At most ``MAX_BYTES`` + 1 bytes: a device or a pipe never ends, and a pipe must not stall the run."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a named pipe opens at once, writer or not
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            return _read_stream(fd, source, "the named pipe" if stat.S_ISFIFO(mode) else "the device")
        os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def _pipe_timeout() -> float:
    """Seconds a pipe or device may stay silent: ``$QUOTES_PIPE_TIMEOUT`` when it is a positive number."""
    try:
        value = float(os.environ.get(PIPE_TIMEOUT_VARIABLE, ""))
    except ValueError:
        return PIPE_TIMEOUT
    return value if value > 0 else PIPE_TIMEOUT


def _read_stream(fd: int, source: str, what: str) -> bytes:
    """Read a pipe or device to its end, giving up when nothing comes for the pipe timeout."""
    timeout = _pipe_timeout()
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        if not poller.poll(timeout * 1000):
            raise InputError("Q001", source, reason=f"nothing came through {what} for {timeout:g} s")
        try:
            chunk = os.read(fd, min(1 << 16, MAX_BYTES + 1 - size))
        except BlockingIOError:
            continue
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_stdin() -> Article:
    """The article on standard input, as doc_id 'stdin'."""
    text, warnings = decode(sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>")
    return Article(text, "stdin", "<stdin>", warnings)


def iter_jsonl(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | ValueError | TypeError]]:
    """(line number from 1, object) per non-blank line of JSON Lines; a line that does not parse gives its ValueError
    (mostly a JSONDecodeError), one holding another JSON value a TypeError: each reader words and handles them."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:  # a JSONDecodeError, or an integer past Python's digit limit
            yield number, exc
            continue
        yield number, value if isinstance(value, dict) else TypeError(f"a JSON {type(value).__name__}, not an object")


def iter_paths(paths: Iterable[str], *, warn: Callable[[str], None]) -> Iterator[Path | InputError]:
    """Files in argument order, directories walked in sorted order (text-like files only).

    A path that cannot be read is an InputError saying why; a pipe or device met in a walk is skipped with ``warn``.
    """
    for raw in paths:
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield InputError("Q001", raw, reason=_why_not_found(path, exc))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, warn)
        else:
            yield path


def _walk(folder: Path, warn: Callable[[str], None]) -> Iterator[Path | InputError]:
    """The text-like files under ``folder`` in sorted order; hidden names and linked folders are not entered."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputError("Q001", str(folder), reason=f"cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        child = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(child, warn)
            continue
        if child.suffix.lower() not in _TEXT_SUFFIXES:
            continue
        try:
            mode = child.stat().st_mode
        except OSError as exc:
            yield InputError("Q001", str(child), reason=_why_not_found(child, exc))
            continue
        if stat.S_ISREG(mode):
            yield child
        elif not stat.S_ISDIR(mode):
            warn(f"{child}: skipped: {_special_kind(mode)}, not a file")


def _special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, in words."""
    return next((name for is_kind, name in _SPECIAL_KINDS if is_kind(mode)), "not a regular file")


def _why_not_found(path: Path, exc: OSError) -> str:
    """Why ``stat`` failed: it needs no permission on the file itself, only on the folders of its path."""
    return "permission denied on a folder of its path" if exc.errno == errno.EACCES else _why(path, exc)


def _why(path: Path, exc: OSError) -> str:
    """An OSError on ``path`` in words, naming a broken link or a link loop for what it is."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return f"broken symbolic link (to {os.readlink(path)})" if path.is_symlink() else "no such file or directory"
    return exc.strerror or type(exc).__name__
