"""quotes.spark on a local[2] session: rows equal quotes.extract, schema from the model, global entity ids."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("CI"):
    pytest.importorskip("pyspark")  # in CI a missing pyspark is an error, not a skip

from pyspark.sql import SparkSession
from pyspark.sql import types as T

import quotes
from quotes.spark import apply_entities, extract_dataframe, global_entities, quote_schema

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
    """quotes.extract on each seed, then the same run-wide entity pass the Spark path does."""
    records = [q.model_dump() for doc_id, text in seeds for q in quotes.extract(text, doc_id)]
    counts = Counter(r["speaker"]["name"] for r in records if r["speaker"] and r["speaker"]["kind"] == "person")
    entities = global_entities(counts.items())
    return sorted((apply_entities(r, entities) for r in records), key=lambda r: r["id"])


def _collect(spark: SparkSession, seeds: list[tuple[str, str]], partitions: int) -> list[dict[str, Any]]:
    df = spark.createDataFrame(seeds, ["doc_id", "text"]).repartition(partitions)
    rows = extract_dataframe(df).collect()
    return sorted((row.asDict(recursive=True) for row in rows), key=lambda r: r["id"])


def test_rows_equal_extract_whatever_the_partitioning(spark: SparkSession, seeds: list[tuple[str, str]],
                                                      expected: list[dict[str, Any]]) -> None:
    """Same records as quotes.extract, on two partitions and on three."""
    assert len(expected) > 50
    assert _collect(spark, seeds, 2) == expected
    assert _collect(spark, seeds[::-1], 3) == expected


def test_entity_ids_are_global(expected: list[dict[str, Any]]) -> None:
    """Zelensky (doc 001) and Volodymyr Zelenskyy (doc 003) join Volodymyr Zelensky (docs 000, 002, 004)."""
    zelensky = {(r["doc_id"][:3], r["speaker"]["name"], r["speaker"]["entity_id"]) for r in expected
                if r["speaker"] and r["speaker"]["kind"] == "person" and "Zelensk" in r["speaker"]["name"]}
    assert {doc for doc, _, _ in zelensky} >= {"000", "001", "003", "004"}
    assert {(name, entity) for _, name, entity in zelensky} == {("Volodymyr Zelensky", "volodymyr-zelensky")}


def test_global_entities_ignore_input_order() -> None:
    """Fuller and more frequent names win, whatever order the names arrive in."""
    names = [("Zelensky", 3), ("Volodymyr Zelenskyy", 4), ("Volodymyr Zelensky", 8), ("Donald Trump", 2)]
    forward, backward = global_entities(names), global_entities(names[::-1])
    assert forward == backward
    assert forward["Zelensky"] == forward["Volodymyr Zelenskyy"] == ("Volodymyr Zelensky", "volodymyr-zelensky")


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
