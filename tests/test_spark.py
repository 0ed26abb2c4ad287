"""quotes.spark on a local[2] session: rows equal quotes.extract, schema from the model, global entity ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("CI"):
    pytest.importorskip("pyspark")  # in CI a missing pyspark is an error, not a skip

from pyspark.sql import SparkSession
from pyspark.sql import types as T

import quotes
from quotes.spark import extract_dataframe, global_entities, quote_schema

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """A small local session with two cores whose Python workers run this interpreter (with quotes)."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYSPARK_PYTHON", sys.executable)
        session = (SparkSession.builder.master("local[2]").appName("quotes-test")
                   .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                   .getOrCreate())
        yield session
        session.stop()


@pytest.fixture(scope="module")
def seeds() -> list[tuple[str, str]]:
    """(doc_id, text) of every seed article."""
    return [(path.stem, path.read_text(encoding="utf-8")) for path in SEEDS]


@pytest.fixture(scope="module")
def expected(seeds: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """What the library gives for the seeds in this order: one run of extract_many."""
    records = [q.model_dump() for batch in quotes.extract_many([(text, doc_id) for doc_id, text in seeds])
               for q in batch]
    return sorted(records, key=lambda r: r["id"])


def _collect(spark: SparkSession, seeds: list[tuple[str, str]], partitions: int) -> list[dict[str, Any]]:
    df = spark.sparkContext.parallelize(seeds, partitions).toDF(["doc_id", "text"])  # keeps the rows' order
    rows = extract_dataframe(df).collect()
    return sorted((row.asDict(recursive=True) for row in rows), key=lambda r: r["id"])


def test_rows_equal_the_library_whatever_the_partitioning(spark: SparkSession, seeds: list[tuple[str, str]],
                                                          expected: list[dict[str, Any]]) -> None:
    """Same records, names and entity ids as quotes.extract_many, on two partitions and on three."""
    assert len(expected) > 50
    assert _collect(spark, seeds, 2) == expected
    assert _collect(spark, seeds, 3) == expected


def test_rules_only_in_spark_equal_the_library_rules_only(spark: SparkSession, seeds: list[tuple[str, str]]) -> None:
    """model_pass=False leaves the learned pass out in the partitions as in extract_many: every record a rule's."""
    library = sorted((q.model_dump() for batch in quotes.extract_many([(t, d) for d, t in seeds], model_pass=False)
                      for q in batch), key=lambda r: r["id"])
    df = spark.sparkContext.parallelize(seeds, 2).toDF(["doc_id", "text"])
    rows = sorted((row.asDict(recursive=True) for row in extract_dataframe(df, model_pass=False).collect()),
                  key=lambda r: r["id"])
    assert rows == library
    assert {r["method"] for r in rows} == {"rule"}


def test_spark_the_library_and_the_cli_agree_on_names(spark: SparkSession, tmp_path: Path) -> None:
    """A bare surname first, the full name later, and a spelling variant: one name and id everywhere."""
    docs = [("a", '"We will win," Peskov said.'), ("b", '"The talks are over," Dmitry Peskov said.'),
            ("c", '"It is done," Donald J. Trump said.'), ("d", '"It is done," Trump said.'),
            ("e", '"We hold," Zelenskyy said.'), ("f", '"We hold," Volodymyr Zelensky said.')]
    for doc_id, text in docs:
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cli = subprocess.run([str(Path(sys.executable).with_name("quotes")), "extract", *sorted(
        str(p) for p in tmp_path.glob("*.txt")), "-f", "jsonl", "-o", str(out)], capture_output=True, text=True,
        timeout=300, check=False)
    assert cli.returncode == 0, cli.stderr
    by_cli = [(r["doc_id"], r["speaker"]["name"], r["speaker"]["entity_id"])
              for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]
    by_library = [(q.doc_id, q.speaker.name, q.speaker.entity_id) for batch in
                  quotes.extract_many([(text, doc_id) for doc_id, text in docs]) for q in batch]
    by_spark = sorted((r["doc_id"], r["speaker"]["name"], r["speaker"]["entity_id"])
                      for r in _collect(spark, docs, 2))
    assert by_cli == by_library == by_spark
    assert len({entity for _, _, entity in by_cli}) == 3


def test_entity_ids_are_global(expected: list[dict[str, Any]]) -> None:
    """Zelensky (doc 001) and Volodymyr Zelenskyy (doc 003) join Volodymyr Zelensky (docs 000, 002, 004)."""
    zelensky = {(r["doc_id"][:3], r["speaker"]["name"], r["speaker"]["entity_id"]) for r in expected
                if r["speaker"] and r["speaker"]["kind"] == "person" and "Zelensk" in r["speaker"]["name"]}
    assert {doc for doc, _, _ in zelensky} >= {"000", "001", "003", "004"}
    assert {entity for _, _, entity in zelensky} == {"volodymyr-zelensky"}


def test_global_entities_follow_the_order_of_the_run() -> None:
    """A name keeps the answer it got when first met; later spellings join the entity already there."""
    names = ["Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky", "Donald Trump"]
    found = global_entities(names)
    assert found["Zelensky"][1] == found["Volodymyr Zelenskyy"][1] == found["Volodymyr Zelensky"][1] == "zelensky"
    assert found["Donald Trump"] == ("Donald Trump", "donald-trump")


def test_schema_follows_the_model() -> None:
    """Every model field becomes a column; optional fields are nullable, nested models are structs."""
    schema = quote_schema()
    assert schema.fieldNames() == list(quotes.Quote.model_fields)
    assert schema["speaker"].nullable and not schema["kind"].nullable
    assert schema["spans"].dataType == T.ArrayType(
        T.StructType([T.StructField("start", T.LongType(), False), T.StructField("end", T.LongType(), False)]),
        containsNull=False)
    assert schema["speaker"].dataType["start"].nullable
    assert schema["confidence"].dataType == T.DoubleType()
