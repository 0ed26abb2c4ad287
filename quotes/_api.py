"""The library entry points: ``extract`` for one text, ``extract_many`` streaming over many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from quotes._entities import EntityRegistry
from quotes._loading import load_pipeline
from quotes._models import Quote
from quotes._normalize import normalize
from quotes._records import to_quotes

__all__ = ["extract", "extract_many"]

DEFAULT_DOC_ID = "doc"


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"quotes.extract expects str, got {type(text).__name__}")
    return text


def extract(text: str, doc_id: str | None = None, *, model: str | None = None,
            aliases: dict[str, str] | None = None, registry: EntityRegistry | None = None) -> list[Quote]:
    """All quotes and reported speech in one article, offsets into ``text``.

    >>> [q.kind for q in extract('"We will win," she said.')]
    ['direct']
    """
    return next(extract_many([(text, doc_id)], model=model, aliases=aliases, registry=registry))


def _items(texts: Iterable[str | tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    for n, item in enumerate(texts):
        text, doc_id = item if isinstance(item, tuple) else (item, None)
        yield _check_text(text), doc_id or (DEFAULT_DOC_ID if n == 0 else f"{DEFAULT_DOC_ID}{n}")


def extract_many(texts: Iterable[str | tuple[str, str | None]], *, batch_size: int = 16, n_process: int = 1,
                 model: str | None = None, aliases: dict[str, str] | None = None,
                 registry: EntityRegistry | None = None, nlp: Language | None = None) -> Iterator[list[Quote]]:
    """Stream one list of quotes per input (a text, or a ``(text, doc_id)`` pair), in input order.

    One person gets one ``entity_id`` across all texts of the call. Memory stays
    flat in the number of texts: inputs are read lazily and results yielded as
    spaCy finishes each batch.
    """
    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    nlp = nlp or load_pipeline(model)
    registry = registry or EntityRegistry(aliases=aliases or {})
    pending: list[tuple[object, str, str]] = []

    def views() -> Iterator[tuple[str, tuple[int, str, str]]]:
        for text, doc_id in _items(texts):
            norm = normalize(text)
            pending.append((norm, text, doc_id))
            yield norm.text, len(pending) - 1

    for doc, index in nlp.pipe(views(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        norm, text, doc_id = pending[index]
        pending[index] = None  # type: ignore[call-overload]
        yield to_quotes(doc._.quotes or [], norm, text, doc_id, registry)
