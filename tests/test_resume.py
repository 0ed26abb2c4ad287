"""`quotes extract --resume`: a run killed part-way and restarted writes what an uninterrupted run writes."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from quotes import EntityRegistry, InputError
from quotes._resume import ResumableOutput, _name_json
from tests.conftest import SEEDS
from tests.test_cli import _entry_point, _run
from tests.test_corpus import write_jsonl

FIRST = {"id": "first", "text": '"We will not give up," Volodymyr Zelensky told reporters.', "outlet": "A"}
LAST = {"id": "last", "text": '"The war must end," Zelensky said on Friday.', "outlet": "B"}
# the progress file's note of the name the first article resolved
ZELENSKY = _name_json(EntityRegistry().names.parse("Volodymyr Zelensky"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full name first, the seed articles cut into many small ones, the surname alone last."""
    rows = [FIRST]
    for path in SEEDS:
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        rows += [{"id": f"{path.stem}-{i}", "text": "\n\n".join(paragraphs[i : i + 2]), "outlet": path.stem[:3]}
                 for i in range(0, len(paragraphs), 2)]
    return write_jsonl(tmp_path_factory.mktemp("resume") / "corpus.jsonl", [*rows, LAST])


def _command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [_entry_point(), "extract", str(corpus), "-f", "jsonl", "--keep", "outlet", "-o", str(out), *extra]


def _kill_after(cmd: list[str], progress: Path, articles: int) -> int:
    """Start ``cmd``, SIGKILL it once ``progress`` lists ``articles`` done articles; how many it listed then."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if progress.exists() and progress.read_text(encoding="utf-8").count("\n") >= articles:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    return progress.read_text(encoding="utf-8").count("\n") if progress.exists() else 0


@pytest.fixture(scope="module")
def whole(corpus: Path) -> Path:
    """The output of an uninterrupted run."""
    out = corpus.with_name("whole.jsonl")
    assert _run(*_command(corpus, out)[1:]).code == 0
    return out


def test_killed_run_resumes_to_the_uninterrupted_output(corpus: Path, whole: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    progress = tmp_path / ".out.jsonl.progress"
    # one small batch per article, so that the kill comes between articles and mid-run
    done = _kill_after(_command(corpus, out, "--resume", "--batch-size", "1"), progress, 3)
    assert 3 <= done < len(corpus.read_text(encoding="utf-8").splitlines()), "the run was not killed part-way"
    assert out.read_text(encoding="utf-8") != whole.read_text(encoding="utf-8")

    again = _run(*_command(corpus, out, "--resume")[1:])
    assert again.code == 0, again.err
    assert f"resuming after {done} articles" in again.err
    assert out.read_bytes() == whole.read_bytes()
    assert not progress.exists()
    last = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()][-1]
    assert (last["doc_id"], last["speaker"]["name"], last["meta"]) == ("last", "Volodymyr Zelensky", {"outlet": "B"})


def test_a_partly_written_article_is_cut_back(corpus: Path, whole: Path, tmp_path: Path) -> None:
    """Records written after the last progress line (the kill came mid-article) are dropped on restart."""
    out = tmp_path / "out.jsonl"
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    first_doc = json.loads(lines[0])["doc_id"]
    head = "".join(line for line in lines if json.loads(line)["doc_id"] == first_doc)
    out.write_text(head + lines[len(head.splitlines())][:40], encoding="utf-8")  # a record cut mid-line
    progress = tmp_path / ".out.jsonl.progress"
    names = [ZELENSKY]
    progress.write_text(json.dumps({"doc_id": first_doc, "end": len(head.encode()), "names": names}) + "\n"
                        + '{"doc_id": "cut', encoding="utf-8")
    run = _run(*_command(corpus, out, "--resume")[1:])
    assert run.code == 0, run.err
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("args", [("-f", "csv"), ("-f", "json"), ()])
def test_resume_needs_a_jsonl_output_file(corpus: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    target = ("-o", str(tmp_path / "out")) if args else ("-f", "jsonl")
    run = _run("extract", str(corpus), "--resume", *target, *args)
    assert run.code == 2
    assert "--resume" in run.err


def test_resume_refuses_a_finished_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    run = _run(*_command(corpus, out, "--resume")[1:])
    assert run.code == 1
    assert "no progress file" in run.err
    assert out.read_text(encoding="utf-8") == "{}\n"


def test_names_resolved_before_the_interruption_still_name_later_articles(tmp_path: Path) -> None:
    """Only the progress file knows that 'Zelensky' is Volodymyr Zelensky once the first article is skipped."""
    two = write_jsonl(tmp_path / "two.jsonl", [FIRST, LAST])
    whole = tmp_path / "whole.jsonl"
    assert _run(*_command(two, whole)[1:]).code == 0
    first, last = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    assert json.loads(last)["speaker"]["name"] == "Volodymyr Zelensky"
    out = tmp_path / "out.jsonl"
    out.write_text(first, encoding="utf-8")
    (tmp_path / ".out.jsonl.progress").write_text(json.dumps(
        {"doc_id": "first", "end": len(first.encode()), "names": [ZELENSKY]}) + "\n", encoding="utf-8")
    run = _run(*_command(two, out, "--resume")[1:])
    assert run.code == 0, run.err
    assert out.read_bytes() == whole.read_bytes()


def _progress(tmp_path: Path, text: str) -> Path:
    """An output of three bytes whose progress file holds ``text``; the output's path."""
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    (tmp_path / ".out.jsonl.progress").write_text(text, encoding="utf-8")
    return out


DONE = json.dumps({"doc_id": "a", "end": 3, "names": []})


def test_a_line_cut_by_a_kill_is_ignored(tmp_path: Path) -> None:
    assert ResumableOutput.open(_progress(tmp_path, f'{DONE}\n{{"doc_id": "b", "en')).done == ["a"]


def test_a_broken_complete_progress_line_is_one_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.out\.jsonl\.progress:2: \[Q001\] cannot read: a broken progress line"):
        ResumableOutput.open(_progress(tmp_path, f"{DONE}\nnot json\n{DONE}\n"))
