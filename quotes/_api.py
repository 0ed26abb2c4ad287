"""The library entry points: ``extract`` for one text, ``extract_many`` streaming over many.

Each text is normalized, cut at paragraph breaks into pieces spaCy can parse in
bounded memory, and its page furniture is marked on the Docs before the
pipeline runs; the pieces' records are put back together in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quotes._component import FURNITURE_KEY, QuotesComponent
from quotes._entities import EntityRegistry, Names, alias_index
from quotes._furniture import FurnitureRules, furniture_view_ranges
from quotes._loading import shared_pipeline
from quotes._models import Quote
from quotes._normalize import NormalizedText, normalize
from quotes._records import shift_offsets, to_quotes

__all__ = ["extract", "extract_many"]

DEFAULT_DOC_ID = "doc"
#: Longest piece handed to spaCy at once; longer texts are cut at paragraph breaks (then lines, then spaces).
PIECE_CHARS = 100_000


def extract(text: str, doc_id: str | None = None, *, model: str | None = None,
            aliases: dict[str, Any] | None = None, registry: EntityRegistry | None = None) -> list[Quote]:
    """All quotes and reported speech in one article, offsets into ``text``.

    >>> [q.kind for q in extract('"We will win," she said.')]
    ['direct']
    """
    if not isinstance(text, str):
        raise TypeError(f"quotes.extract expects str, got {type(text).__name__}")
    return next(extract_many([(text, doc_id)], model=model, aliases=aliases, registry=registry))


def _items(texts: Iterable[str | tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    """(text, doc_id) pairs with types checked and default ids given: doc, doc1, doc2 …"""
    if isinstance(texts, (str, bytes)):
        raise TypeError("quotes.extract_many expects an iterable of texts, not a single string")
    for n, item in enumerate(texts):
        text, doc_id = item if isinstance(item, tuple) else (item, None)
        if not isinstance(text, str):
            raise TypeError(f"text #{n} is {type(text).__name__}, expected str")
        if doc_id is not None and not isinstance(doc_id, str):
            raise TypeError(f"doc_id of text #{n} is {type(doc_id).__name__}, expected str or None")
        yield text, doc_id or (DEFAULT_DOC_ID if n == 0 else f"{DEFAULT_DOC_ID}{n}")


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``limit`` characters, cut after a paragraph break where one exists."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", " ") if window.rfind(sep) > 0), limit)
        out.append((start, start + cut))
        start += cut
    out.append((start, len(text)))
    return out


@dataclass
class _Article:
    """One input on its way through the pipeline: its view and the records of the pieces done so far."""

    norm: NormalizedText
    text: str
    doc_id: str
    left: int
    records: list[dict[str, Any]] = field(default_factory=list)


def _docs(nlp: Language, items: Iterable[tuple[str, str]], pending: dict[int, _Article],
          rules: FurnitureRules | None) -> Iterator[tuple[Doc, tuple[int, int]]]:
    """Docs of every piece of every text, furniture marked, with (article number, piece start)."""
    for index, (text, doc_id) in enumerate(items):
        norm = normalize(text)
        furniture = furniture_view_ranges(norm, rules) if rules is not None else []
        cuts = pieces(norm.text)
        pending[index] = _Article(norm, text, doc_id, len(cuts))
        for start, end in cuts:
            doc = nlp.make_doc(norm.text[start:end])
            doc.user_data[FURNITURE_KEY] = [(max(s, start) - start, min(e, end) - start)
                                            for s, e in furniture if s < end and e > start]
            yield doc, (index, start)


def extract_many(texts: Iterable[str | tuple[str, str | None]], *, batch_size: int = 16, n_process: int = 1,
                 model: str | None = None, aliases: dict[str, Any] | None = None,
                 registry: EntityRegistry | None = None, nlp: Language | None = None) -> Iterator[list[Quote]]:
    """Stream one list of quotes per input (a text, or a ``(text, doc_id)`` pair), in input order.

    One person gets one ``entity_id`` across all texts of the call. Memory stays
    flat in the number of texts: inputs are read lazily and results yielded as
    spaCy finishes each batch. ``aliases`` maps a canonical name to its variants
    (the alias-file shape) or a variant to its canonical name.
    """
    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    nlp = nlp or shared_pipeline(model)
    component = _component_of(nlp)
    registry = registry or EntityRegistry(aliases=alias_index(aliases or {}), names=Names(component.lexicon))
    rules = component.lexicon.furniture if component.furniture else None
    pending: dict[int, _Article] = {}
    stream = nlp.pipe(_docs(nlp, _items(texts), pending, rules), as_tuples=True, batch_size=batch_size,
                      n_process=n_process)
    for doc, (index, start) in stream:
        article = pending[index]
        article.records.extend(shift_offsets(doc._.quotes or [], start))
        article.left -= 1
        if article.left == 0:
            del pending[index]
            yield to_quotes(article.records, article.norm, article.text, article.doc_id, registry)


def _component_of(nlp: Language) -> QuotesComponent:
    """The pipeline's ``quotes`` component (its lexicon decides furniture and name keys)."""
    component = next((proc for _, proc in nlp.pipeline if isinstance(proc, QuotesComponent)), None)
    if component is None:
        raise ValueError("the pipeline has no 'quotes' component: nlp.add_pipe('quotes') after the parser and NER")
    return component
