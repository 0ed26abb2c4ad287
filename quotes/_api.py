"""The library entry points: ``extract`` for one text, ``extract_many`` streaming over many.

Each text is normalized, cut at paragraph breaks into pieces spaCy can parse in
bounded memory, and its page furniture is marked on the Docs before the
pipeline runs; the pieces' records are put back together in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
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
_DEFAULT_SHAPE = re.compile(rf"{DEFAULT_DOC_ID}([1-9][0-9]*)?(?:-([1-9][0-9]*))?")


# --- argument checks: a wrong argument is a TypeError or ValueError naming it and the fix --------------


def _check_counts(batch_size: object, n_process: object) -> None:
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")


def _check_nlp(nlp: object) -> None:
    if nlp is None:
        return
    if not isinstance(nlp, Language):
        raise TypeError(f"nlp must be a spaCy Language such as quotes.load_pipeline() returns, got "
                        f"{type(nlp).__name__}; pass a pipeline name as model= instead")


def _registry(registry: object, aliases: object, names: Names) -> EntityRegistry:
    """The caller's registry, or a new one holding ``aliases``; never both (the aliases would be ignored)."""
    if registry is None:
        if aliases is not None and not isinstance(aliases, Mapping):
            raise TypeError(f"aliases must be a mapping (canonical name -> list of variants, or variant -> name), "
                            f"got {type(aliases).__name__}; read an alias file with quotes.load_aliases(path)")
        return EntityRegistry(aliases=alias_index(dict(aliases or {})), names=names)
    if not isinstance(registry, EntityRegistry):
        raise TypeError(f"registry must be a quotes.EntityRegistry, got {type(registry).__name__}; "
                        "make one with quotes.EntityRegistry() and pass it to every call that shares ids")
    if aliases is not None:
        raise ValueError("aliases are not used when a registry is given; make the registry with "
                         "quotes.EntityRegistry(aliases=...) instead")
    return registry


def _pair(item: object, n: int) -> tuple[object, object]:
    """(text, doc_id) of one input: a text, or a pair."""
    if not isinstance(item, tuple):
        return item, None
    if len(item) != 2:
        raise ValueError(f"text #{n} is a tuple of {len(item)}; pass a text, or a (text, doc_id) pair")
    return item


class _DocIds:
    """doc_ids by position: default ids (doc, doc1, doc2 …) step aside for given ones and are never repeated.

    Memory stays small: one byte per text, plus the given ids that look like defaults.
    """

    def __init__(self) -> None:
        self.defaulted = bytearray()  # 1 where text n got a default id
        self.shaped: set[str] = set()  # given ids shaped like a default
        self.moved: set[str] = set()  # defaults that had to step aside (doc2-1)

    def take(self, doc_id: object, n: int) -> str:
        if doc_id is None:
            return self._default(n)
        if not isinstance(doc_id, str):
            raise TypeError(f"doc_id of text #{n} is {type(doc_id).__name__}; pass a str, or None for a default id")
        if not doc_id.strip():
            raise ValueError(f"doc_id of text #{n} is empty; pass a non-empty str, or None for a default id")
        shape = _DEFAULT_SHAPE.fullmatch(doc_id)
        if shape is not None:
            self._refuse_taken(doc_id, shape, n)
            self.shaped.add(doc_id)
        self.defaulted.append(0)
        return doc_id

    def _default(self, n: int) -> str:
        base = candidate = DEFAULT_DOC_ID if n == 0 else f"{DEFAULT_DOC_ID}{n}"
        step = 0
        while candidate in self.shaped:
            step += 1
            candidate = f"{base}-{step}"
        if step:
            self.moved.add(candidate)
        self.defaulted.append(1)
        return candidate

    def _refuse_taken(self, doc_id: str, shape: re.Match[str], n: int) -> None:
        position = int(shape.group(1) or 0)
        plain = shape.group(2) is None and position < n and self.defaulted[position] and (
            doc_id not in self.moved)
        if plain or doc_id in self.moved:
            raise ValueError(f"doc_id {doc_id!r} of text #{n} is the default id an earlier text got; give every "
                             "text a doc_id, or none")


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
    ids = _DocIds()
    for n, item in enumerate(texts):
        text, doc_id = _pair(item, n)
        if not isinstance(text, str):
            raise TypeError(f"text #{n} is {type(text).__name__}, expected str")
        yield text, ids.take(doc_id, n)


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
    _check_counts(batch_size, n_process)
    _check_nlp(nlp)
    nlp = nlp or shared_pipeline(model)
    component = _component_of(nlp)
    registry = _registry(registry, aliases, Names(component.lexicon))
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
