"""Reading inputs (encodings, bad files, sizes) and writing outputs (CSV, JSONL, JSON, atomically)."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import sys
from pathlib import Path

import pytest

import quotes
from quotes._errors import InputError
from quotes._io import MAX_BYTES, decode, iter_paths, read_article, read_stdin
from quotes._models import ChainHop, Cue, Listener, Quote, SentenceSpan, Span, Speaker
from quotes._writers import CSV_FIELDS, RecordWriter, chain_text, open_output

ARTICLE = (
    "Zelensky said on Friday: “We will not give up, whatever it costs.”\n\n"
    "“Peace requires patience,” Hungarian Prime Minister Viktor Orban said. “Europe must change its position.”\n\n"
    "The café owner told reporters that the town had been quiet for a week.\n"
)


# --- decoding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_unicode_encodings_decode_to_the_same_text_without_warning(data: bytes) -> None:
    assert decode(data, "a.txt") == (ARTICLE, [])


def test_cp1252_is_decoded_with_a_warning_naming_the_file() -> None:
    text, warnings = decode(ARTICLE.encode("cp1252"), "old.txt")
    assert text == ARTICLE
    assert len(warnings) == 1
    assert warnings[0].startswith("old.txt:") and "cp1252" in warnings[0]


def test_latin1_bytes_decode_like_cp1252() -> None:
    text, warnings = decode("Müller said the café was closed.".encode("latin-1"), "l.txt")
    assert text == "Müller said the café was closed."
    assert warnings


def test_crlf_is_kept_so_offsets_match_the_file() -> None:
    assert decode(b"one\r\ntwo\r\n", "crlf.txt") == ("one\r\ntwo\r\n", [])


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "Q003"),
        (b"  \n\t\r\n", "Q003"),
        (b"\xef\xbb\xbf", "Q003"),
        (b"\xff\xfe", "Q003"),
        (b"\xff\xfe" + " \n".encode("utf-16-le"), "Q003"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Q002"),
        (b"text\x00with a NUL", "Q002"),
        (b"\xff\xfeA", "Q002"),  # a UTF-16 mark, then an odd byte
        (b"\xff\xfe\x00\x00" + "quote".encode("utf-32-le"), "Q002"),  # UTF-32 read as UTF-16 holds NULs
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "Q006"),
        (b"\n  <html lang='en'><p>Zelensky said hi.</p></html>", "Q006"),
        (b"\xef\xbb\xbf<!doctype html>\n<html></html>", "Q006"),
        (b"\xff\xfe" + "<html><body>x</body></html>".encode("utf-16-le"), "Q006"),
        (b"x" * (MAX_BYTES + 1), "Q001"),
    ],
    ids=["empty", "blank", "utf8-bom-only", "utf16-bom-only", "utf16-blank", "png", "nul", "odd-utf16", "utf32",
         "doctype", "html", "bom-html", "utf16-html", "oversized"],
)
def test_bad_bytes_are_refused_with_a_code_and_the_file_name(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "bad.txt")
    assert err.value.code == code
    assert str(err.value).startswith("bad.txt: ")
    assert "\n" not in str(err.value)


def _random_bytes_without_nuls(size: int) -> bytes:
    return random.Random(15).randbytes(size).replace(b"\x00", b"\x01")


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode() * 200 + b"\x00" + ARTICLE.encode(),
        _random_bytes_without_nuls(50_000),
        _random_bytes_without_nuls(300),
        ARTICLE.encode() + _random_bytes_without_nuls(2_000),
    ],
    ids=["nul-after-8kb", "random-50kb", "random-300b", "text-then-random"],
)
def test_binary_data_is_refused_wherever_it_is_and_without_nuls(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "blob.bin")
    assert err.value.code == "Q002"


def test_a_few_control_characters_keep_a_text_a_text() -> None:
    text = ARTICLE + "\x0c" + ARTICLE + "\x1b[0m\n" + ARTICLE + "\x1a"
    assert decode(text.encode(), "t.txt") == (text, [])


def test_text_that_mentions_markup_is_not_html() -> None:
    text = "Readers <3 the story. The page used an <html> tag, the developer said."
    assert decode(text.encode(), "t.txt") == (text, [])


# --- files, directories, stdin --------------------------------------------------------------------


def test_read_article_names_the_doc_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "002_bc0b.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    article = read_article(path)
    assert (article.text, article.doc_id, article.source, article.warnings) == (ARTICLE, "002_bc0b", str(path), [])


def test_a_directory_read_as_a_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_article(tmp_path)
    assert err.value.code == "Q001" and str(err.value).startswith(f"{tmp_path}: ")


def test_a_20_mb_file_is_refused_quickly_with_the_limit_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(ARTICLE.encode() * 10)
        fh.truncate(20 * 1024 * 1024)  # sparse: the test stays fast
    with pytest.raises(InputError) as err:
        read_article(path)
    assert err.value.code == "Q001"
    assert f"larger than {MAX_BYTES:,} bytes" in str(err.value) and str(path) in str(err.value)


def test_iter_paths_walks_sorted_text_files_and_names_missing_and_broken_ones(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "noext").write_text("n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("c")
    (tmp_path / "sub" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    missing = str(tmp_path / "missing.txt")
    found = list(iter_paths([str(tmp_path), missing], warn=pytest.fail))
    paths = [p for p in found if isinstance(p, Path)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a.md", "b.txt", "noext", "sub/c.txt"]
    assert [e.source for e in errors] == [str(tmp_path / "sub" / "gone.txt"), missing]
    assert all(e.code == "Q001" for e in errors)


def test_a_dangling_symlink_argument_is_named(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "target.txt")
    [error] = list(iter_paths([str(link)], warn=pytest.fail))
    assert isinstance(error, InputError) and error.source == str(link)


def test_read_stdin_decodes_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + ARTICLE.encode())))
    article = read_stdin()
    assert (article.text, article.doc_id) == (ARTICLE, "stdin")


# --- offsets of records point into the decoded text -----------------------------------------------


@pytest.fixture(scope="module")
def lf_records() -> list[Quote]:
    return quotes.extract(ARTICLE, "a")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("cp1252"),
        ARTICLE.replace("\n", "\r\n").encode("utf-8"),
        b"\xfe\xff" + ARTICLE.replace("\n", "\r\n").encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "cp1252", "crlf", "utf-16-be-crlf"],
)
def test_record_offsets_point_into_the_decoded_text(data: bytes, lf_records: list[Quote]) -> None:
    text, _ = decode(data, "a.txt")
    found = quotes.extract(text, "a")
    assert found, "the article has quotes"
    for quote in found:
        assert all(0 <= s.start < s.end <= len(text) for s in quote.spans)
        assert quote.text == " … ".join(text[s.start : s.end] for s in quote.spans)
        assert 0 <= quote.sentence.start <= quote.start and quote.end <= quote.sentence.end <= len(text)
        if quote.speaker is not None and quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.mention
    # the same quotes as from the plain LF text: only the offsets move with the line ends
    assert [(q.kind, q.text) for q in found] == [(q.kind, q.text) for q in lf_records]


# --- writers --------------------------------------------------------------------------------------


def _quote(text: str, start: int = 10, chain: bool = True) -> Quote:
    return Quote(
        id=f"d:{start}", doc_id="d", kind="direct", text=text,
        spans=[Span(start=start, end=start + len(text))],
        cue=Cue(text="said", lemma="say", start=0, end=4),
        speaker=Speaker(mention="he", start=5, end=7, name="Donald Trump", entity_id="donald-trump", kind="person"),
        chain=[ChainHop(relation="told", target="Axios", start=1, end=2),
               ChainHop(relation="according_to", target="Yuri Ushakov", start=3, end=4)] if chain else [],
        sentence=SentenceSpan(start=0, end=start + len(text) + 5), confidence=0.9, method="rule",
    )


AWKWARD = [
    'He said, "no", and left',
    "line one\nline two\r\nline three",
    "“curly” ‘single’ — dash, comma; semicolon",
    'a ""doubled"" quote, with a trailing comma,',
    "",
]


def _write(fmt: str, records: list[Quote]) -> str:
    fh = io.StringIO(newline="")
    writer = RecordWriter(fh, fmt)
    for record in records:
        writer.write(record)
    writer.close()
    return fh.getvalue()


def test_csv_round_trips_commas_quote_marks_and_newlines() -> None:
    records = [_quote(t, start=10 + i) for i, t in enumerate(AWKWARD)]
    rows = list(csv.reader(io.StringIO(_write("csv", records), newline="")))
    assert rows[0] == list(CSV_FIELDS)
    assert [row[CSV_FIELDS.index("text")] for row in rows[1:]] == AWKWARD
    first = dict(zip(CSV_FIELDS, rows[1], strict=True))
    assert first["chain"] == "told Axios > according to Yuri Ushakov"
    assert (first["speaker_name"], first["entity_id"], first["cue"], first["start"]) == (
        "Donald Trump", "donald-trump", "said", "10")


def test_csv_uses_crlf_record_ends_and_keeps_bare_newlines_inside_fields() -> None:
    out = _write("csv", [_quote("a\nb")])
    assert out.endswith("\r\n")
    assert '"a\nb"' in out


# Columns whose cells carry text from the article or the caller (kind, speaker_kind, method are fixed words;
# chain starts with a relation word).
FREE_TEXT_COLUMNS = ("doc_id", "id", "text", "speaker_name", "speaker_mention", "entity_id", "cue", "listener")


def _hostile(value: str) -> Quote:
    """A record whose every free-text field is ``value``."""
    return Quote(
        id=value, doc_id=value, kind="direct", text=value, spans=[Span(start=1, end=1 + len(value))],
        cue=Cue(text=value, lemma="say", start=0, end=4), listener=Listener(text=value, start=8, end=9),
        speaker=Speaker(mention=value, start=5, end=7, name=value, entity_id=value, kind="person"),
        chain=[ChainHop(relation="told", target=value, start=1, end=2)],
        sentence=SentenceSpan(start=0, end=40), confidence=0.9, method="rule",
    )


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"], ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_csv_cells_that_a_spreadsheet_would_run_get_a_leading_apostrophe(lead: str) -> None:
    value = f"{lead}HYPERLINK(\"http://x.example\",\"click\") now,"
    record = _hostile(value)
    [header, row] = list(csv.reader(io.StringIO(_write("csv", [record]), newline="")))
    cells = dict(zip(header, row, strict=True))
    assert {column: cells[column] for column in FREE_TEXT_COLUMNS} == dict.fromkeys(FREE_TEXT_COLUMNS, "'" + value)
    assert cells["chain"] == f"told {value}" and (cells["start"], cells["confidence"]) == ("1", "0.9")
    assert Quote.model_validate_json(_write("jsonl", [record])) == record
    assert [Quote.model_validate(r) for r in json.loads(_write("json", [record]))] == [record]


def test_csv_cells_that_only_contain_formula_characters_later_are_kept() -> None:
    value = "Profits rose 5% = a record, +3 on last year - said @jane"
    [_, row] = list(csv.reader(io.StringIO(_write("csv", [_hostile(value)]), newline="")))
    assert row[CSV_FIELDS.index("text")] == value


def test_chain_text_renders_relations_as_words() -> None:
    assert chain_text(_quote("x")) == "told Axios > according to Yuri Ushakov"
    assert chain_text(_quote("x", chain=False)) == ""


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_is_one_valid_array_and_jsonl_one_object_per_line(count: int) -> None:
    records = [_quote(AWKWARD[i % len(AWKWARD)], start=i) for i in range(count)]
    assert [Quote.model_validate(r) for r in json.loads(_write("json", records))] == records
    lines = _write("jsonl", records).splitlines()
    assert [Quote.model_validate_json(line) for line in lines] == records


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        RecordWriter(io.StringIO(), "xml")


def test_atomic_write_replaces_the_file_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with open_output(str(target)) as fh:
        fh.write("a,b\r\n")
    assert target.read_bytes() == b"a,b\r\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_atomic_write_leaves_no_partial_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), open_output(str(target)) as fh:
        fh.write("half a record")
        raise RuntimeError("crash mid-run")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_output_into_a_missing_folder_fails_before_writing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), open_output(str(tmp_path / "no" / "out.csv")):
        pytest.fail("the body must not run")
    assert list(tmp_path.iterdir()) == []


def test_stdout_gets_utf8_whatever_its_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    with open_output(None) as fh:
        fh.write("“Zelenskyy” said\r\n")
    sys.stdout.write("still usable")
    sys.stdout.flush()
    assert raw.getvalue() == "“Zelenskyy” said\r\nstill usable".encode()
