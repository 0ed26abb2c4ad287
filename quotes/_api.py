"""The library entry points: ``extract`` for one text, ``extract_many`` streaming over many.

Each text is normalized, cut into pieces spaCy can parse in bounded memory (at a
paragraph, line or sentence end outside any quote), and its page furniture is
marked on the Docs before the pipeline runs; the pieces' records are put back
together in order. Batches of articles run in this process or in workers
(``_pool``); only the run-wide entity pass stays in the caller's process.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import regex
from spacy.language import Language
from spacy.tokens import Doc

from quotes._component import FURNITURE_KEY, QuotesComponent
from quotes._entities import EntityRegistry, Names
from quotes._furniture import furniture_view_ranges
from quotes._loading import shared_pipeline
from quotes._models import Quote
from quotes._normalize import NormalizedText, normalize
from quotes._pool import ordered_map
from quotes._records import plain_records, shift_offsets, to_quotes

__all__ = ["extract", "extract_many"]

DEFAULT_DOC_ID = "doc"
#: Longest piece handed to spaCy at once; longer texts are cut at a paragraph, line or sentence end outside quotes.
PIECE_CHARS = 50_000
#: Default ``batch_size``: characters of text parsed together. spaCy's memory follows it, not the article count.
BATCH_CHARS = 50_000
# piece boundaries, best first: after a paragraph break, a line break, a sentence's end (with its closing marks)
_BOUNDARIES = [regex.compile(p, regex.REVERSE) for p in
               (r"\n[^\S\n]*\n\s*", r"\n\s*", r"(?<=[.!?…][\"”’'»)\]]*)\s+(?=[\p{Lu}\"“‘'«(])", r" +")]
_DEFAULT_SHAPE = re.compile(rf"{DEFAULT_DOC_ID}([1-9][0-9]*)?(?:-([1-9][0-9]*))?")
Item = TypeVar("Item")


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
        return EntityRegistry(aliases=dict(aliases or {}), names=names)  # the registry indexes them
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
            aliases: dict[str, Any] | None = None, registry: EntityRegistry | None = None,
            model_pass: bool = True) -> list[Quote]:
    """All quotes and reported speech in one article, offsets into ``text`` (``model_pass=False``: rules only).

    >>> [q.kind for q in extract('"We will win," she said.')]
    ['direct']
    """
    if not isinstance(text, str):
        raise TypeError(f"quotes.extract expects str, got {type(text).__name__}")
    return next(extract_many([(text, doc_id)], model=model, aliases=aliases, registry=registry,
                             model_pass=model_pass))


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


def _quoted(norm: NormalizedText) -> list[tuple[int, int]]:
    """Disjoint, sorted (after opening mark, closing mark) stretches where a cut would split a quote."""
    spans = sorted((m.open + 1, m.close if m.close is not None else m.end) for m in norm.marks)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(quoted: list[tuple[int, int]], starts: list[int], cut: int) -> bool:
    """True when position ``cut`` lies inside a quoted stretch (between its marks)."""
    i = bisect_right(starts, cut) - 1
    return i >= 0 and cut <= quoted[i][1]


def _cut(text: str, start: int, end: int, quoted: list[tuple[int, int]], starts: list[int]) -> int:
    """Where to end a piece in ``text[start:end]``: the last paragraph break, else line break, else sentence end,
    outside any quote; failing that the last break or space anywhere; failing that ``end``."""
    for outside in (True, False):
        for boundary in _BOUNDARIES:
            for match in boundary.finditer(text, start + 1, end):
                if not outside or not _inside(quoted, starts, match.end()):
                    return match.end()
    return end


def pieces(text: str, limit: int = PIECE_CHARS, quoted: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``limit`` characters, cut where no sentence and no quote is split if possible.

    ``quoted`` holds sorted, disjoint stretches (from the quote-mark pass) no cut should fall into.
    """
    quoted = list(quoted)
    starts = [s for s, _ in quoted]
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit, quoted, starts)
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _bounded(items: Iterable[Item], length: Callable[[Item], int], chars: int) -> Iterator[list[Item]]:
    """Consecutive items grouped up to ``chars`` characters by ``length`` (an item longer than that alone)."""
    group: list[Item] = []
    size = 0
    for item in items:
        if group and size + length(item) > chars:
            yield group
            group, size = [], 0
        group.append(item)
        size += length(item)
    if group:
        yield group


def _batches(items: Iterable[tuple[str, str]], chars: int) -> Iterator[list[tuple[str, str]]]:
    """Consecutive (text, doc_id) articles grouped up to ``chars`` characters of text."""
    return _bounded(items, lambda item: len(item[0]), chars)


@dataclass
class _Article:
    """One input on its way through the pipeline: its view, and the plain records of its pieces parsed so far."""

    norm: NormalizedText
    text: str
    doc_id: str
    furniture: list[tuple[int, int]]
    records: list[dict[str, Any]] = field(default_factory=list)


def _piece_doc(nlp: Language, article: _Article, start: int, end: int) -> Doc:
    """The Doc of one piece of an article, with the page furniture that falls in it."""
    doc = nlp.make_doc(article.norm.text[start:end])
    doc.user_data[FURNITURE_KEY] = [(max(s, start) - start, min(e, end) - start)
                                    for s, e in article.furniture if s < end and e > start]
    return doc


def _groups(articles: list[_Article], chars: int) -> Iterator[list[tuple[_Article, int, int]]]:
    """Every (article, start, end) piece of every article, grouped up to ``chars`` characters: one spaCy batch each."""
    every = ((a, start, end) for a in articles for start, end in pieces(a.norm.text, quoted=_quoted(a.norm)))
    return _bounded(every, lambda piece: piece[2] - piece[1], chars)


def extract_batch(nlp: Language, chars: int, batch: list[tuple[str, str]]) -> list[list[dict[str, Any]]]:
    """Plain records of each article of ``batch`` (worker side): normalize, furniture, parse, passes, offsets.

    Pieces go to spaCy at most ``chars`` characters at a time, so memory follows that bound, not the article.
    """
    component = _component_of(nlp)
    rules = component.lexicon.furniture if component.furniture else None
    articles = []
    for text, doc_id in batch:
        norm = normalize(text)
        articles.append(_Article(norm, text, doc_id, furniture_view_ranges(norm, rules) if rules is not None else []))
    for group in _groups(articles, chars):
        docs = nlp.pipe((_piece_doc(nlp, article, start, end) for article, start, end in group),
                        batch_size=len(group))
        for doc, (article, start, _end) in zip(docs, group, strict=True):  # mapped now: no raw copy is kept
            article.records += plain_records(shift_offsets(doc._.quotes or [], start), article.norm, article.text,
                                             article.doc_id)
    return [a.records for a in articles]


def plain_results(texts: Iterable[str | tuple[str, str | None]], nlp: Language, batch_size: int = BATCH_CHARS,
                  n_process: int = 1) -> Iterator[list[dict[str, Any]]]:
    """One list of plain records per input, in input order, before the run-wide entity pass."""
    _check_counts(batch_size, n_process)
    work = partial(extract_batch, nlp, batch_size)
    for results in ordered_map(work, _batches(_items(texts), batch_size), n_process):
        yield from results


def extract_many(texts: Iterable[str | tuple[str, str | None]], *, batch_size: int = BATCH_CHARS,
                 n_process: int = 1, model: str | None = None, aliases: dict[str, Any] | None = None,
                 registry: EntityRegistry | None = None, nlp: Language | None = None,
                 model_pass: bool = True) -> Iterator[list[Quote]]:
    """Stream one list of quotes per input (a text, or a ``(text, doc_id)`` pair), in input order.

    One person gets one ``entity_id`` across all texts of the call. Memory stays
    flat in the number of texts and bounded in their length: inputs are read
    lazily and parsed ``batch_size`` characters at a time. ``n_process > 1`` runs
    batches in worker processes; the records are the same. ``aliases`` maps a
    canonical name to its variants (the alias-file shape) or a variant to its canonical name.
    ``model_pass=False`` leaves the learned pass out (rules only, faster); ``nlp`` replaces the pipeline.
    """
    _check_nlp(nlp)
    nlp = nlp or shared_pipeline(model, model_pass=model_pass)
    registry = _registry(registry, aliases, _component_of(nlp).names)
    for records in plain_results(texts, nlp, batch_size, n_process):
        yield to_quotes(records, registry)


def run_registry(nlp: Language, aliases: Mapping[str, Any] | None = None,
                 kind: type[EntityRegistry] = EntityRegistry) -> EntityRegistry:
    """A fresh registry of ``kind`` for one run, its name keys from the pipeline's lexicon."""
    return kind(aliases=dict(aliases or {}), names=_component_of(nlp).names)


def _component_of(nlp: Language) -> QuotesComponent:
    """The pipeline's ``quotes`` component (its lexicon decides furniture and name keys)."""
    component = next((proc for _, proc in nlp.pipeline if isinstance(proc, QuotesComponent)), None)
    if component is None:
        raise ValueError("the pipeline has no 'quotes' component: nlp.add_pipe('quotes') after the parser and NER")
    return component
