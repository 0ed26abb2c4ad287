"""Corpus files (.jsonl, .csv and their .gz) in the library and through the CLI: rows, metadata, bad rows."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

import quotes
from quotes import InputError
from quotes._corpus import CorpusRow
from tests.test_cli import _run

ROWS = [
    {"id": "a1", "text": '"We will not give up," Volodymyr Zelensky told reporters.', "url": "https://a.example/1",
     "outlet": "A", "date": "2025-10-01"},
    {"id": 2, "text": '"The war must end," Zelensky said on Friday.', "url": "https://b.example/2",
     "outlet": "B", "date": "2025-10-02"},
    {"id": "c3", "text": "No one said anything here.", "outlet": "A"},
]


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    """Rows as JSON Lines (gzip when the name ends in .gz), then any raw extra lines."""
    text = "".join(json.dumps(row) + "\n" for row in rows) + "".join(line + "\n" for line in extra_lines)
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def write_csv(path: Path, rows: list[dict]) -> Path:
    """Rows as CSV with a header (gzip when the name ends in .gz)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["id", "text", "url", "outlet", "date"], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz", "c.csv", "c.csv.gz"])
def test_read_corpus_yields_text_id_and_kept_fields(tmp_path: Path, name: str) -> None:
    path = (write_jsonl if ".jsonl" in name else write_csv)(tmp_path / name, ROWS)
    rows = list(quotes.read_corpus(path, keep=("url", "outlet")))
    assert rows == [
        CorpusRow(ROWS[0]["text"], "a1", {"url": "https://a.example/1", "outlet": "A"}),
        CorpusRow(ROWS[1]["text"], "2", {"url": "https://b.example/2", "outlet": "B"}),
        CorpusRow(ROWS[2]["text"], "c3", {"url": None, "outlet": "A"}),
    ]


def test_read_corpus_other_field_names(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [{"key": "k1", "body": '"Yes," she said.'}])
    assert list(quotes.read_corpus(path, id_field="key", text_field="body")) == [
        CorpusRow('"Yes," she said.', "k1", {})]


def test_text_in_a_csv_cell_keeps_its_line_breaks(tmp_path: Path) -> None:
    text = '"We will win," she said.\r\n\r\nThen she left.'
    path = write_csv(tmp_path / "c.csv", [{"id": "x", "text": text}])
    assert [row.text for row in quotes.read_corpus(path)] == [text]


def test_a_row_longer_than_csvs_default_field_limit_is_read(tmp_path: Path) -> None:
    text = "Words and more words. " * 10_000  # 220 kB, past csv's 128 kB default
    path = write_csv(tmp_path / "c.csv", [{"id": "long", "text": text}])
    assert [len(row.text) for row in quotes.read_corpus(path)] == [len(text)]


BAD_LINES = ('{"id": "empty", "text": "  "}', '{"id": "a1", "text": "a duplicate id"}', "not json",
             '{"text": "no id"}', "[1, 2]", '{"id": "num", "text": 5}')


def test_bad_rows_are_reported_one_each_and_the_rest_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", ROWS[:1], (*BAD_LINES, json.dumps(ROWS[1])))
    errors: list[InputError] = []
    rows = list(quotes.read_corpus(path, on_error=errors.append))
    assert [row.doc_id for row in rows] == ["a1", "2"]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in range(2, 8)]
    reasons = [str(e).split("bad corpus row: ")[1] for e in errors]
    assert reasons == ["no text in field 'text'", "duplicate id 'a1'", "invalid JSON: Expecting value",
                       "no usable id in field 'id'", "a JSON list, not an object",
                       "field 'text' is a int, not a string"]


def test_bad_row_raises_without_a_handler(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [], ("not json",))
    with pytest.raises(InputError, match=r"c\.jsonl:1"):
        list(quotes.read_corpus(path))


def test_broken_gzip_is_one_input_error(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "x"}\n' * 100)[:40])
    with pytest.raises(InputError, match=r"c\.jsonl\.gz"):
        list(quotes.read_corpus(path))


def test_rows_feed_extract_many(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", ROWS)
    results = quotes.extract_many((row.text, row.doc_id) for row in quotes.read_corpus(path))
    assert [[(q.doc_id, q.speaker.name) for q in recs] for recs in results] == [
        [("a1", "Volodymyr Zelensky")], [("2", "Volodymyr Zelensky")], []]


# --- through the CLI ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One JSONL and one CSV run over corpora with a bad row between good ones."""
    folder = tmp_path_factory.mktemp("corpus")
    jsonl = write_jsonl(folder / "c.jsonl.gz", ROWS[:1], ('{"id": "a1", "text": "again"}', json.dumps(ROWS[1])))
    csv_corpus = write_csv(folder / "c.csv", [ROWS[0], {"id": "", "text": "no id"}, ROWS[1]])
    keep = ("--keep", "url,outlet,date")
    return {"jsonl": _run("extract", str(jsonl), "-f", "jsonl", *keep),
            "csv": _run("extract", str(csv_corpus), *keep), "paths": (jsonl, csv_corpus)}


def test_cli_jsonl_records_carry_a_meta_object(cli_runs: dict) -> None:
    run = cli_runs["jsonl"]
    records = [json.loads(line) for line in run.out.splitlines()]
    assert [(r["doc_id"], r["meta"]) for r in records] == [
        ("a1", {"url": "https://a.example/1", "outlet": "A", "date": "2025-10-01"}),
        ("2", {"url": "https://b.example/2", "outlet": "B", "date": "2025-10-02"})]
    assert records[1]["speaker"]["entity_id"] == "volodymyr-zelensky"


def test_cli_csv_has_a_column_per_kept_field(cli_runs: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(cli_runs["csv"].out)))
    assert list(rows[0])[-3:] == ["url", "outlet", "date"]
    assert [(r["doc_id"], r["url"], r["outlet"], r["date"]) for r in rows] == [
        ("a1", "https://a.example/1", "A", "2025-10-01"), ("2", "https://b.example/2", "B", "2025-10-02")]


@pytest.mark.parametrize(("fmt", "line"), [("jsonl", 2), ("csv", 3)])
def test_cli_bad_row_is_one_error_line_and_the_rest_run(cli_runs: dict, fmt: str, line: int) -> None:
    run = cli_runs[fmt]
    path = cli_runs["paths"][0 if fmt == "jsonl" else 1]
    assert run.code == 1
    errors = [e for e in run.err_lines if e.startswith("error:")]
    assert errors == [e for e in errors if e.startswith(f"error: {path}:{line}: [Q009] bad corpus row")]
    assert len(errors) == 1
    assert run.err_lines[-1].startswith("2 records from 2 articles; 1 inputs failed")


def test_cli_keep_refuses_a_record_column(tmp_path: Path) -> None:
    run = _run("extract", str(write_jsonl(tmp_path / "c.jsonl", ROWS)), "--keep", "url,speaker_name")
    assert run.code == 2
    assert "speaker_name" in run.err
