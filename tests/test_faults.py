"""Fault injection on the file system through the real entry point: locked folders, pipes, devices, links, signals.

Permission bits do not bind root, so tests that need them run the command with the two
capabilities that override them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) dropped from its
bounding set, or as they are when not root; they skip where neither is possible.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
import stat
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quotes._errors import InputError
from quotes._io import iter_paths, read_article
from quotes._writers import open_output
from tests.test_cli import Run, _entry_point

GOOD = "“We will not give up,” Zelensky told reporters on Friday.\n"
OTHER = "“The war must end,” the minister said.\n"
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_dac_override() -> None:
    """In the child before exec: root loses the right to ignore permission bits."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _unprivileged() -> Callable[[], None] | None:
    """A preexec_fn under which permission bits bind, or a skip when this platform cannot give one."""
    if os.geteuid() != 0:
        return None
    probe = Path("/proc/self/status")
    try:
        done = subprocess.run(["cat", str(probe)], preexec_fn=_drop_dac_override, capture_output=True, text=True,
                              timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("running as root and the capabilities that override permission bits cannot be dropped")
    bounding = next(line for line in done.stdout.splitlines() if line.startswith("CapBnd:"))
    if int(bounding.split()[1], 16) & (1 << _CAP_DAC_OVERRIDE):
        pytest.skip("running as root and CAP_DAC_OVERRIDE stays in the bounding set")
    return _drop_dac_override


def _cli(*args: str, env: dict[str, str] | None = None, stdin: bytes = b"",
         preexec: Callable[[], None] | None = None, timeout: float = 120) -> Run:
    """One run of ``quotes``; a run that hangs fails the test instead of stalling the suite."""
    done = subprocess.run([_entry_point(), *args], input=stdin, capture_output=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec)
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def _records_of(run: Run) -> list[str]:
    """doc_ids of the CSV rows on stdout, one per record."""
    return [line.split(",")[0] for line in run.out.splitlines()[1:] if line]


def _mknod_or_skip(path: Path, major: int, minor: int) -> None:
    """A character device node, where this platform lets the tests make one."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
        with path.open("wb"):
            pass
    except OSError as exc:
        pytest.skip(f"cannot make and open a device node here: {exc.strerror}")


def _fifo_or_skip(path: Path) -> None:
    try:
        os.mkfifo(path)
    except (OSError, AttributeError) as exc:
        pytest.skip(f"named pipes are not available: {exc}")


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder at mode 000 holding inner/x.txt; its mode is restored afterwards so pytest can clean up."""
    folder = tmp_path / "locked"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "x.txt").write_text(GOOD, encoding="utf-8")
    folder.chmod(0)
    yield folder
    folder.chmod(0o755)


# --- 1: -o never replaces what it points at -----------------------------------------------------


def test_output_to_a_device_node_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    node = tmp_path / "null"
    _mknod_or_skip(node, 1, 3)
    run = _cli("extract", str(tmp_path / "a.txt"), "-o", str(node))
    assert run.code == 0, run.err
    assert stat.S_ISCHR(node.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "null"]


def test_output_to_a_full_device_is_one_error_and_the_node_stays(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    node = tmp_path / "full"
    _mknod_or_skip(node, 1, 7)
    run = _cli("extract", str(tmp_path / "a.txt"), "-o", str(node))
    assert run.code == 1
    assert run.err_lines == [f"error: cannot write {node}: No space left on device"]
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_output_through_a_link_to_dev_null_keeps_link_and_device(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/null")
    run = _cli("extract", str(tmp_path / "a.txt"), "-o", str(link))
    assert run.code == 0, run.err
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_through_a_link_to_a_file_writes_the_file_atomically(tmp_path: Path) -> None:
    real = tmp_path / "real" / "out.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with open_output(str(link)) as fh:
        fh.write("new\n")
    assert link.is_symlink() and real.read_text() == "new\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["out.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real"]


def test_output_to_a_named_pipe_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    _fifo_or_skip(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    with open_output(str(fifo)) as fh:
        fh.write("row\r\n")
    reader.join(timeout=10)
    assert got == [b"row\r\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_to_a_link_loop_fails_and_keeps_the_link(tmp_path: Path) -> None:
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    with pytest.raises(OSError) as err, open_output(str(loop)):
        pytest.fail("the body must not run")
    assert err.value.errno == errno.ELOOP
    assert loop.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["loop.csv"]


# --- 4: locked folders are one error each; the other inputs still run -------------------------------


@pytest.fixture
def locked_run(tmp_path: Path, locked: Path) -> tuple[Path, Run]:
    """good1, a file inside the locked folder, a folder holding a locked subfolder, good2; permissions binding."""
    preexec = _unprivileged()
    (tmp_path / "good1.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good2.txt").write_text(OTHER, encoding="utf-8")
    walked = tmp_path / "walked"
    (walked / "shut").mkdir(parents=True)
    (walked / "shut" / "hidden_from_us.txt").write_text(GOOD, encoding="utf-8")
    (walked / "open.txt").write_text(OTHER, encoding="utf-8")
    (walked / "shut").chmod(0)
    try:
        run = _cli("extract", str(tmp_path / "good1.txt"), str(locked / "inner" / "x.txt"), str(walked),
                   str(tmp_path / "good2.txt"), preexec=preexec)
    finally:
        (walked / "shut").chmod(0o755)
    return tmp_path, run


def test_a_locked_parent_folder_is_one_error_and_the_others_run(locked_run: tuple[Path, Run]) -> None:
    tmp_path, run = locked_run
    assert run.code == 1
    assert _records_of(run) == ["good1", "open", "good2"]
    target = tmp_path / "locked" / "inner" / "x.txt"
    assert [line for line in run.err_lines if str(target) in line] == [
        f"error: {target}: [Q001] cannot read: permission denied on a folder of its path"]


def test_a_locked_subfolder_met_in_a_walk_is_one_error(locked_run: tuple[Path, Run]) -> None:
    tmp_path, run = locked_run
    shut = tmp_path / "walked" / "shut"
    assert [line for line in run.err_lines if str(shut) in line] == [
        f"error: {shut}: [Q001] cannot read: cannot list the folder: Permission denied"]
    assert run.err_lines[-1] == "3 records from 3 articles; 2 inputs failed"


# --- 7: named pipes never stall the other inputs ------------------------------------------------------


def test_a_named_pipe_without_a_writer_times_out_and_the_others_run(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    _fifo_or_skip(fifo)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    start = time.monotonic()
    run = _cli("extract", str(fifo), str(tmp_path / "good.txt"), env={"QUOTES_PIPE_TIMEOUT": "1"}, timeout=60)
    assert time.monotonic() - start < 30
    assert run.code == 1
    assert _records_of(run) == ["good"]
    assert [line for line in run.err_lines if "pipe.txt" in line] == [
        f"error: {fifo}: [Q001] cannot read: nothing came through the named pipe for 1 s"]


def test_a_named_pipe_on_the_command_line_is_read_like_stdin(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    _fifo_or_skip(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(GOOD, encoding="utf-8"), daemon=True)
    writer.start()
    article = read_article(fifo)
    writer.join(timeout=30)
    assert (article.text, article.doc_id) == (GOOD, "pipe")


def test_a_named_pipe_met_in_a_walk_is_skipped_with_a_warning(tmp_path: Path) -> None:
    _fifo_or_skip(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    run = _cli("extract", str(tmp_path), timeout=60)
    assert run.code == 0, run.err
    assert _records_of(run) == ["good"]
    assert run.err_lines[0] == f"warning: {tmp_path / 'pipe.txt'}: skipped: a named pipe, not a file"


def test_a_link_to_a_device_met_in_a_walk_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    warnings: list[str] = []
    assert list(iter_paths([str(tmp_path)], warn=warnings.append)) == []
    assert warnings == [f"{tmp_path / 'zero.txt'}: skipped: a character device, not a file"]


# --- 8: a signal never leaves the temporary output behind ---------------------------------------------


def _wait_for(paths: Callable[[], list[Path]], seconds: float) -> list[Path]:
    deadline = time.monotonic() + seconds
    while not paths() and time.monotonic() < deadline:
        time.sleep(0.05)
    return paths()


def _start(*args: str, stdin: int | None = None) -> subprocess.Popen[bytes]:
    """``quotes`` in a session of its own, so that a failed test can end it and every worker it left."""
    return subprocess.Popen([_entry_point(), *args], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _interrupt(proc: subprocess.Popen[bytes], signum: int, temporary: Callable[[], list[Path]], after: float) -> str:
    """Send ``signum`` once the run has opened its temporary output (and ``after`` seconds more); its stderr."""
    try:
        assert _wait_for(temporary, 60), "the run never opened its temporary output"
        time.sleep(after)
        assert proc.poll() is None, "the run ended before the signal"
        proc.send_signal(signum)
        proc.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the run and any worker still holding its pipes
        _, err = proc.communicate(timeout=30)
    return err.decode("utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_mid_run_removes_the_temporary_output(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "out.jsonl"
    proc = _start("extract", "-", "-f", "jsonl", "-o", str(target), stdin=subprocess.PIPE)
    _interrupt(proc, signum, lambda: list(tmp_path.glob(".out.jsonl.*.tmp")), after=0)
    assert proc.returncode == -signum
    assert list(tmp_path.iterdir()) == []


def test_sigterm_with_worker_processes_ends_them_and_removes_the_temporary_output(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    seed = (Path(__file__).parent / "data" / "seeds" / "002_bc0b6d4d75d680a6.txt").read_bytes()
    for n in range(300):  # minutes of work: the signal always comes mid-run
        (articles / f"a{n:03}.txt").write_bytes(seed)
    out = tmp_path / "out"
    out.mkdir()
    proc = _start("extract", str(articles), "--n-process", "2", "-o", str(out / "x.csv"))
    err = _interrupt(proc, signal.SIGTERM, lambda: list(out.iterdir()), after=2)
    assert proc.returncode == -signal.SIGTERM
    assert list(out.iterdir()) == []
    assert err == "", "the run ends quietly: no traceback, no warning from spaCy about the ended workers"


# --- 11: links say what they are -------------------------------------------------------------------------


@pytest.fixture
def links(tmp_path: Path) -> Path:
    """A folder of a good file, a broken link and a link loop."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    return tmp_path


def _reasons(found: list[Path | InputError]) -> list[tuple[str, str]]:
    return [(Path(e.source).name, e.fields["reason"]) for e in found if isinstance(e, InputError)]


def test_broken_links_and_link_loops_named_on_the_command_line_say_what_they_are(links: Path) -> None:
    found = list(iter_paths([str(links / "broken.txt"), str(links / "loop.txt")], warn=pytest.fail))
    assert _reasons(found) == [("broken.txt", f"broken symbolic link (to {links / 'nowhere.txt'})"),
                               ("loop.txt", "symbolic link loop")]


def test_broken_links_and_link_loops_met_in_a_walk_say_what_they_are(links: Path) -> None:
    found = list(iter_paths([str(links)], warn=pytest.fail))
    assert [p.name for p in found if isinstance(p, Path)] == ["good.txt"]
    assert _reasons(found) == [("broken.txt", f"broken symbolic link (to {links / 'nowhere.txt'})"),
                               ("loop.txt", "symbolic link loop")]


def test_a_link_to_a_device_named_on_the_command_line_is_read_bounded(tmp_path: Path) -> None:
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")
    [path] = list(iter_paths([str(link)], warn=pytest.fail))
    with pytest.raises(InputError) as err:
        read_article(path)
    assert err.value.code in ("Q001", "Q002") and err.value.source == str(link)
