"""Quotes over a Spark DataFrame of articles: one spaCy pipeline per executor process, records as rows.

Install with ``pip install 'quotes[spark]'``. Each partition is extracted by ``mapPartitions``;
the pipeline is loaded lazily, once per Python worker process (``extract`` shares one per process).

Entity ids are global and do not depend on partitioning: every document is first resolved on its own
(exactly as ``quotes.extract`` does), then the distinct person names of the whole run are resolved on
the driver in the order the DataFrame's rows first name them, by the same registry ``extract_many`` and
the CLI use (:func:`global_entities`), and the result is broadcast back to the records. The same rows in
the same order give the same names and ids as ``quotes.extract_many`` and ``quotes extract``.
"""

from __future__ import annotations

import types
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from quotes._api import BATCH_CHARS, DEFAULT_DOC_ID, plain_results, run_registry
from quotes._entities import EntityRegistry
from quotes._loading import shared_pipeline
from quotes._models import Quote
from quotes._records import to_quotes

__all__ = ["apply_entities", "extract_dataframe", "global_entities", "quote_schema"]

EntityMap = Mapping[str, tuple[str, str | None]]


def _spark_types() -> Any:
    """``pyspark.sql.types``, imported late so that ``quotes.spark`` names a clear missing extra."""
    try:
        from pyspark.sql import types as spark_types
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("quotes.spark needs pyspark: pip install 'quotes[spark]'") from exc
    return spark_types


def _field_type(annotation: Any) -> tuple[Any, bool]:
    """Spark type of one pydantic annotation and whether it may be null."""
    t = _spark_types()
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        present = [a for a in get_args(annotation) if a is not type(None)]
        if len(present) != 1:
            raise TypeError(f"no Spark type for the union {annotation}")
        return _field_type(present[0])[0], True
    if origin is Literal:
        if not all(isinstance(v, str) for v in get_args(annotation)):
            raise TypeError(f"no Spark type for {annotation}")
        return t.StringType(), False
    if origin is list:
        element, nullable = _field_type(get_args(annotation)[0])
        return t.ArrayType(element, containsNull=nullable), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return quote_schema(annotation), False
    scalars = {str: t.StringType(), int: t.LongType(), float: t.DoubleType(), bool: t.BooleanType()}
    if annotation not in scalars:
        raise TypeError(f"no Spark type for {annotation}")
    return scalars[annotation], False


def quote_schema(model: type[BaseModel] = Quote) -> Any:
    """The Spark ``StructType`` of a pydantic record model, field by field (``Quote`` by default)."""
    t = _spark_types()
    return t.StructType([t.StructField(name, *_field_type(info.annotation))
                         for name, info in model.model_fields.items()])


def global_entities(names: Iterable[str], aliases: dict[str, Any] | None = None) -> dict[str, tuple[str, str | None]]:
    """Person names in the order the run first meets them → run-wide (canonical name, entity id).

    The same registry as ``extract_many``, fed in the same order, so Spark, the CLI and the library agree:
    'Trump' joins an earlier 'Donald Trump', and a name keeps the answer it got when first met.
    """
    registry = EntityRegistry(aliases=aliases or {})
    resolved: dict[str, tuple[str, str | None]] = {}
    for name in names:
        person = registry.names.parse(name)
        if person is not None and name not in resolved:
            resolved[name] = registry.resolve(person)
    return resolved


def _person_name(record: dict[str, Any]) -> str | None:
    speaker = record["speaker"]
    return speaker["name"] if speaker and speaker["kind"] == "person" and speaker["name"] else None


def apply_entities(record: dict[str, Any], entities: EntityMap) -> dict[str, Any]:
    """One record (``Quote.model_dump()``) with its person speaker renamed to the run-wide entity."""
    name = _person_name(record)
    if name not in entities:
        return record
    canonical, entity = entities[name]
    return {**record, "speaker": {**record["speaker"], "name": canonical, "entity_id": entity}}


def _extract_rows(rows: Iterable[Any], model: str | None, aliases: dict[str, Any] | None,
                  batch_size: int = BATCH_CHARS, model_pass: bool = True) -> Iterator[tuple[tuple[int, int], dict]]:
    """Partition side: ((row number, record number), record) for every record of every numbered row.

    The partition is parsed in batches as ``extract_many`` does; only the entity pass is per document,
    so each row's records are those ``quotes.extract`` gives it, whichever rows share its partition.
    """
    order: deque[int] = deque()

    def items() -> Iterator[tuple[str, str]]:
        for (doc_id, text), number in rows:
            order.append(number)
            yield text, doc_id or DEFAULT_DOC_ID

    nlp = shared_pipeline(model, model_pass=model_pass)
    for records in plain_results(items(), nlp, batch_size):
        number = order.popleft()
        for n, quote in enumerate(to_quotes(records, run_registry(nlp, aliases))):
            yield (number, n), quote.model_dump()


def _names_in_order(records: Any) -> list[str]:
    """Distinct person names in the order of their first record over the input rows (a Spark action)."""
    first = records.map(lambda pair: (_person_name(pair[1]), pair[0])).filter(lambda nr: nr[0] is not None)
    return [name for name, _ in sorted(first.reduceByKey(min).collect(), key=lambda nr: nr[1])]


def extract_dataframe(df: Any, text_col: str = "text", id_col: str = "doc_id", *, model: str | None = None,
                      aliases: dict[str, Any] | None = None, model_pass: bool = True) -> Any:
    """A DataFrame of quote records (schema :func:`quote_schema`) for a DataFrame of articles.

    Rows with a null text are skipped; ``model_pass=False`` leaves the learned pass out, as ``--no-model``
    does. This runs one Spark action (the run-wide entity pass);
    the extracted records are persisted for it, so the parse happens once.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    articles = df.where(F.col(text_col).isNotNull()).select(F.col(id_col).cast("string"), text_col)
    numbered = articles.rdd.map(tuple).zipWithIndex()  # the rows' order is the run's order, as in the CLI
    records = numbered.mapPartitions(lambda rows: _extract_rows(rows, model, aliases, model_pass=model_pass))
    records.persist(StorageLevel.MEMORY_AND_DISK)
    entities = df.sparkSession.sparkContext.broadcast(global_entities(_names_in_order(records), aliases))
    renamed = records.map(lambda pair: apply_entities(pair[1], entities.value))
    return df.sparkSession.createDataFrame(renamed, schema=quote_schema())
