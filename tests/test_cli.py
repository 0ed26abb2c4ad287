"""The ``quotes`` command through its installed entry point; each run that extracts loads spaCy, so runs are shared."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import quotes
from quotes._writers import CSV_FIELDS

SEEDS = Path(__file__).parent / "data" / "seeds"
SEED = SEEDS / "002_bc0b6d4d75d680a6.txt"
GOOD = "“We will not give up,” Zelensky told reporters on Friday. “Never.”\n"
CP1252 = "“The café is closed,” the mayor said, adding that it would reopen.\n"


def _entry_point() -> str:
    """The console script installed beside the running interpreter."""
    found = Path(sys.executable).with_name("quotes")
    return str(found) if found.exists() else shutil.which("quotes") or "quotes"


@dataclass(frozen=True)
class Run:
    """One finished invocation."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def _run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> Run:
    done = subprocess.run([_entry_point(), *args], input=stdin, capture_output=True, timeout=300, cwd=cwd,
                          check=False)
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def _lines_naming(run: Run, name: str) -> list[str]:
    return [line for line in run.err_lines if name in line]


# --- without a model ------------------------------------------------------------------------------


def test_help_shows_commands_and_an_example() -> None:
    top = _run("--help")
    assert top.code == 0 and "extract" in top.out and "schema" in top.out
    sub = _run("extract", "--help")
    assert sub.code == 0
    assert "Example: quotes extract" in sub.out
    for option in ("--format", "--output", "--model", "--aliases", "--n-process"):
        assert option in sub.out


def test_schema_is_a_json_schema_with_the_spec_fields() -> None:
    run = _run("schema")
    assert run.code == 0
    schema = json.loads(run.out)
    assert schema["type"] == "object"
    assert {"id", "doc_id", "kind", "text", "spans", "cue", "speaker", "listener", "chain", "sentence",
            "confidence", "method"} <= set(schema["properties"])


@pytest.mark.parametrize("args", [("extract",), ("extract", "--format", "xml", str(SEED)), ("frobnicate",)])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    run = _run(*args)
    assert run.code == 2
    assert run.out == ""


@pytest.mark.parametrize(
    ("args", "names"),
    [(("extract",), "PATH"), (("extract", "--format", "xml", str(SEED)), "--format"), (("frobnicate",), "frobnicate"),
     (("extract", "--n-process", "0", str(SEED)), "--n-process"), (("extract", "--frmat", "csv", str(SEED)), "--frmat"),
     (("render",), "ARTICLE")],
    ids=["missing-argument", "bad-choice", "unknown-command", "out-of-range", "unknown-option", "render-missing"],
)
def test_usage_errors_are_one_error_line_naming_the_fault(args: tuple[str, ...], names: str) -> None:
    run = _run(*args)
    assert (run.code, run.out) == (2, "")
    [line] = run.err_lines
    assert line.startswith("error: ") and names in line and "--help" in line


def test_usage_line_shows_the_argument_name() -> None:
    usage = next(line for line in _run("extract", "--help").out.splitlines() if "Usage:" in line)
    assert usage.split() == ["Usage:", "quotes", "extract", "[OPTIONS]", "PATH..."]


def test_invalid_alias_table_gives_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "aliases.json"
    bad.write_text("{not json")
    run = _run("extract", str(SEED), "--aliases", str(bad), "-o", str(tmp_path / "out.csv"))
    assert run.code == 1
    assert len(run.err_lines) == 1 and str(bad) in run.err and "invalid JSON" in run.err
    assert not (tmp_path / "out.csv").exists()
    shape = tmp_path / "shape.json"
    shape.write_text('{"Volodymyr Zelensky": "Zelenskyy"}')
    run = _run("extract", str(SEED), "--aliases", str(shape))
    assert run.code == 1 and len(run.err_lines) == 1 and str(shape) in run.err


def test_output_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    run = _run("extract", str(SEED), "-o", str(target))
    assert run.code == 1
    assert run.err_lines == [f"error: cannot write {target}: No such file or directory"]


# --- extracting -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """A folder with a good, an empty, a binary and a cp1252 file, plus a missing path, a binary file
    and an empty stdin as arguments; JSONL to a file."""
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (folder / "old.txt").write_bytes(CP1252.encode("cp1252"))
    (root / "blob.bin").write_bytes(bytes(range(256)))
    run = _run("extract", str(folder), str(root / "missing.txt"), str(root / "blob.bin"), "-",
               "--format", "jsonl", "-o", str(root / "out.jsonl"))
    return root, run


def test_mixed_inputs_exit_1_after_writing_every_good_record(mixed: tuple[Path, Run]) -> None:
    root, run = mixed
    assert run.code == 1
    assert run.out == ""
    records = [json.loads(line) for line in (root / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {"good", "old"}
    texts = {"good": GOOD, "old": CP1252}
    for record in records:
        text = texts[record["doc_id"]]
        assert record["text"] == " … ".join(text[s["start"] : s["end"]] for s in record["spans"])
    assert any(r["doc_id"] == "good" and r["text"] == "We will not give up," for r in records)


def test_each_bad_input_gets_one_line_naming_it(mixed: tuple[Path, Run]) -> None:
    root, run = mixed
    folder = root / "articles"
    for name, reason in [(folder / "empty.txt", "empty file"), (folder / "binary.txt", "NUL bytes"),
                         (root / "missing.txt", "no such file"), (root / "blob.bin", "NUL bytes"),
                         ("<stdin>", "empty file")]:
        [line] = _lines_naming(run, f"{name}:")
        assert line.startswith("error: ") and reason in line
    [warning] = _lines_naming(run, str(folder / "old.txt"))
    assert warning.startswith("warning: ") and "cp1252" in warning
    assert "5 inputs failed" in run.err_lines[-1]
    assert len(run.err_lines) == 7  # five errors, one warning, one summary


def test_jsonl_records_equal_the_library_output(mixed: tuple[Path, Run]) -> None:
    root, _ = mixed
    lines = (root / "out.jsonl").read_text(encoding="utf-8").splitlines()
    from_cli = [quotes.Quote.model_validate_json(line) for line in lines]
    assert [q for q in from_cli if q.doc_id == "good"] == quotes.extract(GOOD, "good")


def test_csv_to_stdout_from_a_file_and_stdin() -> None:
    run = _run("extract", str(SEED), "-", stdin=GOOD.encode("utf-8"))
    assert run.code == 0, run.err
    rows = list(csv.DictReader(io.StringIO(run.out, newline="")))
    assert list(rows[0]) == list(CSV_FIELDS)
    assert {r["doc_id"] for r in rows} == {SEED.stem, "stdin"}
    seed = SEED.read_text(encoding="utf-8")
    for row in rows:
        text = seed if row["doc_id"] == SEED.stem else GOOD
        assert text[int(row["start"]) : int(row["end"])].startswith(row["text"].split(" … ")[0])
    assert run.err_lines[-1].startswith(f"{len(rows)} records from 2 articles")


def test_json_over_a_directory_with_progress_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    run = _run("extract", str(SEEDS), "--format", "json", "-o", str(target), "--progress")
    assert run.code == 0, run.err
    assert run.out == ""
    records = json.loads(target.read_text(encoding="utf-8"))
    assert {r["doc_id"] for r in records} == {p.stem for p in SEEDS.glob("*.txt")}
    assert [quotes.Quote.model_validate(r).id for r in records] == [r["id"] for r in records]
    # the progress bar (on a pipe click shows only its label), then the summary
    assert run.err_lines == ["articles", f"{len(records)} records from 5 articles -> {target}"]
