"""Training data for the learned pass: PolNeAR standoff or the project's gold JSONL -> spaCy ``DocBin``.

Every attribution becomes CUE, SOURCE and CONTENT spans (one span per fragment).
A token carries one label, so where spans overlap the outermost (longest) is kept.
Articles are cut into chunks of paragraphs that no span crosses, so a training
example is a paragraph or a few, as the tagger sees them at run time.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Span

from quotes._evaluate import load_jsonl

__all__ = ["LABELS", "Article", "doc_bin", "gold_articles", "load_articles", "polnear_articles", "to_docs"]

LABELS = ("CUE", "SOURCE", "CONTENT")
_BRAT_SPAN = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")

CharSpan = tuple[int, int, str]


@dataclass
class Article:
    """One text and its labelled character spans (start, end, label)."""

    name: str
    text: str
    spans: list[CharSpan] = field(default_factory=list)


def _fragments(field_text: str) -> list[tuple[int, int]]:
    """'12 20;25 30' -> [(12, 20), (25, 30)]."""
    return [(int(a), int(b)) for a, b in (part.split() for part in field_text.split(";"))]


def _first_annotators(folder: Path) -> dict[str, list[str]]:
    """Annotator order per article from PolNeAR's metadata.tsv (beside or above the split folder)."""
    for meta in (folder / "metadata.tsv", folder.parent / "metadata.tsv"):
        if meta.is_file():
            with meta.open(encoding="utf-8") as fh:
                return {row["filename"]: row["annotators"].split("|") for row in csv.DictReader(fh, delimiter="\t")}
    return {}


def _standoff_spans(path: Path) -> list[CharSpan]:
    """Cue, Source and Content spans of the attributions in one brat file."""
    boxes: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    spans: list[CharSpan] = []
    with path.open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        m = _BRAT_SPAN.match(line)
        if m:
            boxes[m.group(1)] = (m.group(2), _fragments(m.group(3)))
    for line in lines:
        if not line.startswith("E"):
            continue
        for arg in line.split("\t", 1)[1].split():
            role, _, box = arg.partition(":")
            label = role.rstrip("0123456789").upper()
            if label in LABELS and box in boxes:
                spans += [(a, b, label) for a, b in boxes[box][1]]
    return spans


def polnear_articles(folder: Path) -> Iterator[Article]:
    """A PolNeAR split folder (``text/``, ``attributions/``): each article with its first annotator's spans."""
    order = _first_annotators(folder)
    files: dict[str, dict[str, Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        base, _, who = path.stem.rpartition("_")
        files.setdefault(base, {})[who] = path
    for base, by_annotator in files.items():
        ranked = [a for a in order.get(base, []) if a in by_annotator] or sorted(by_annotator)
        text = (folder / "text" / f"{base}.txt").read_text(encoding="utf-8")
        yield Article(base, text, _standoff_spans(by_annotator[ranked[0]]))


def _nearest(text: str, needle: str | None, anchor: int) -> tuple[int, int] | None:
    """The occurrence of ``needle`` in ``text`` closest to ``anchor``."""
    if not needle:
        return None
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not starts:
        return None
    best = min(starts, key=lambda s: abs(s - anchor))
    return best, best + len(needle)


def _record_spans(record: dict[str, Any], text: str) -> list[CharSpan]:
    """Spans of one gold record: its offsets where given, else its quote, mention and cue found in the text."""
    if record.get("spans"):
        content = [(a, b) for a, b in record["spans"]]
        source = [(a, b) for a, b in record.get("source_spans") or []]
    else:
        quotes = record["quote"] if isinstance(record["quote"], list) else [record["quote"]]
        found = [(s, s + len(q)) for q in quotes if (s := text.find(q)) >= 0]
        content = found
        hit = _nearest(text, record.get("mention"), found[0][0]) if found else None
        source = [hit] if hit else []
    if not content:
        return []
    cue = _nearest(text, record.get("cue"), content[0][0])
    spans = [(a, b, "CONTENT") for a, b in content] + [(a, b, "SOURCE") for a, b in source]
    return spans + ([(cue[0], cue[1], "CUE")] if cue else [])


def gold_articles(gold: Path, texts: Path) -> Iterator[Article]:
    """The project's gold JSONL (records naming their ``doc`` in ``texts``), one Article per document."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for record in load_jsonl(gold):
        by_doc.setdefault(record["doc"], []).append(record)
    for name, records in by_doc.items():
        text = (texts / name).read_text(encoding="utf-8")
        yield Article(Path(name).stem, text, [s for r in records for s in _record_spans(r, text)])


def load_articles(source: Path, texts: Path | None = None) -> list[Article]:
    """Articles from a PolNeAR split folder or a gold JSONL file (texts in ``texts``, default ``texts/`` beside)."""
    if source.is_dir():
        return list(polnear_articles(source))
    return list(gold_articles(source, texts or source.parent / "texts"))


def _outermost(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, longest first: an inner or crossing span gives way to the one around it."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def _chunks(text: str, spans: list[CharSpan]) -> list[tuple[int, int]]:
    """Paragraph ranges of ``text``, merged where a span crosses a paragraph break."""
    cuts = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    cuts = [c for c in cuts if not any(a < c < b for a, b, _ in spans)]
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _labelled_doc(make_doc: Callable[[str], Doc], text: str, spans: list[CharSpan]) -> Doc:
    """A Doc of ``text`` whose ``ents`` are the spans (snapped outward to token edges), every other token outside."""
    doc = make_doc(text)
    tokens = []
    for a, b, label in spans:
        piece = text[a:b]
        a, b = a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())
        span = doc.char_span(a, b, alignment_mode="expand") if b > a else None
        if span is not None and len(span):
            tokens.append((span.start, span.end, label))
    doc.set_ents([Span(doc, s, e, label=label) for s, e, label in _outermost(tokens)], default="outside")
    return doc


def to_docs(articles: Iterable[Article], make_doc: Callable[[str], Doc]) -> Iterator[Doc]:
    """Training Docs: one per paragraph chunk, entities CUE/SOURCE/CONTENT."""
    for article in articles:
        spans = [s for s in article.spans if 0 <= s[0] < s[1] <= len(article.text)]
        for a, b in _chunks(article.text, spans):
            inside = [(s - a, e - a, label) for s, e, label in spans if a <= s and e <= b]
            yield _labelled_doc(make_doc, article.text[a:b], inside)


def doc_bin(docs: Iterable[Doc]) -> DocBin:
    """A DocBin holding the entity annotation of ``docs``."""
    out = DocBin(attrs=["ENT_IOB", "ENT_TYPE"])
    for doc in docs:
        out.add(doc)
    return out
