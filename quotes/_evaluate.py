"""Score quote records against gold annotations (docs/evaluation.md): quotes found, speakers, kinds, chains.

A prediction matches a gold record when their spans overlap by at least half of the
shorter one; each record matches at most once, the largest overlaps first.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes._io import iter_jsonl, read_article
from quotes._models import SPEECH_KINDS

__all__ = ["Evaluation", "GoldError", "detail_lines", "evaluate", "format_table", "load_jsonl", "pair_up", "score",
           "spans_match", "to_json"]

Record = dict[str, Any]
Spans = list[tuple[int, int]]

#: Cut from both ends of a content span before exact comparison: space, quote marks, edge punctuation.
TRIM_CHARS = frozenset(" \t\n\"'“”‘’«»„,.;:")
#: Words that never identify a source on their own (span-annotated gold).
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"})
QUOTED_KINDS = frozenset({"direct", "mixed"})


class GoldError(ValueError):
    """The gold or prediction file is unusable; the message names the file and the record."""


# --- text and span helpers -------------------------------------------------------------------------------


def normalized(text: str | None) -> str:
    """Lower case without accents, curly apostrophes straightened, spaces collapsed: for word comparisons."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace("’", "'").split())


def doc_key(name: str) -> str:
    """Gold names articles by file name, predictions by doc_id: both compare as the stem."""
    return Path(name).stem


def overlap(a: Spans, b: Spans) -> int:
    """Characters shared by two span lists."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def total(spans: Spans) -> int:
    """Characters covered by a span list."""
    return sum(e - s for s, e in spans)


def spans_match(gold: Spans, pred: Spans) -> bool:
    """The matching rule: overlap of at least half the shorter of the two."""
    return bool(pred) and overlap(gold, pred) >= 0.5 * min(total(gold), total(pred))


def trimmed(spans: Spans, text: str) -> Spans:
    """Spans without white space, quote marks, edge punctuation and a leading 'that', as the shared scorer cuts them."""
    out = []
    for start, end in spans:
        while start < end and text[start] in TRIM_CHARS:
            start += 1
        while end > start and text[end - 1] in TRIM_CHARS:
            end -= 1
        if text[start : start + 5].lower() == "that " and end - start > 5:
            start += 5  # a leading complementizer is not content (SPEC); PolNeAR's spans include it
        if end > start:
            out.append((start, end))
    return out


def gold_spans(gold: Record, text: str) -> Spans:
    """Offsets of a gold record: its ``spans``, else where each ``quote`` string first occurs in the text."""
    if "spans" in gold:
        return [(int(s), int(e)) for s, e in gold["spans"]]
    parts = gold["quote"] if isinstance(gold["quote"], list) else [gold["quote"]]
    spans = []
    for part in parts:
        at = text.find(part)
        if at < 0:
            raise GoldError(f"gold quote not found in {gold['doc']}: {part[:60]!r}")
        spans.append((at, at + len(part)))
    return spans


def pred_spans(pred: Record) -> Spans:
    """Offsets of a predicted record."""
    return [(int(s["start"]), int(s["end"])) for s in pred.get("spans") or []]


# --- judging one matched pair ----------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    """The words of a normalized name, a possessive 's split off."""
    return set(text.replace("'s", " ").split())


def _points_at_source(gold: Record, speaker: Record, said: str) -> bool:
    """Span-annotated gold: the mention overlaps the source, or names its last non-pronoun word."""
    if speaker.get("start") is not None and overlap([(speaker["start"], speaker["end"])], _source_spans(gold)):
        return True
    words = [w for w in normalized(gold.get("source")).replace("'s", " ").split() if w not in PRONOUNS]
    return bool(words) and words[-1] in _words(said)


def speaker_right(gold: Record, pred: Record) -> bool:
    """Whether the predicted speaker (name or mention) is the gold one, by the rules of docs/evaluation.md."""
    speaker = pred.get("speaker") or {}
    said = normalized(" ".join(str(speaker.get(k) or "") for k in ("name", "mention")))
    if not said:
        return False
    if "source_spans" in gold:
        return _points_at_source(gold, speaker, said)
    if gold.get("speaker_kind") == "person" and "match" not in gold:
        names = [gold["speaker"], *gold.get("aliases", [])]
        return bool({normalized(n).split()[-1] for n in names} & _words(said))
    return any(normalized(m) in said for m in gold.get("match", []))


def chain_found(gold: Record, pred: Record) -> bool:
    """Every word group of the gold ``chain`` appears in the predicted hops or listener."""
    hops = [normalized(f"{h.get('relation', '')} {h.get('target', '')}") for h in pred.get("chain") or []]
    listener = pred.get("listener") or {}
    hops.append(normalized(listener.get("text") if isinstance(listener, dict) else str(listener)))
    bag = " | ".join(hops)
    return all(normalized(words) in bag for words in gold.get("chain", []))


def _source_spans(gold: Record) -> Spans:
    """Offsets of a span-annotated gold record's source mention."""
    return [(int(s), int(e)) for s, e in gold.get("source_spans") or []]


def _unattributed(gold: Record) -> bool:
    """Span-annotated gold with no source: nobody to attribute to, so any speaker counts as right."""
    return "source_spans" in gold and not gold["source_spans"]


# --- matching and tallying -------------------------------------------------------------------------------


def pair_up(golds: list[Spans], preds: list[Spans]) -> dict[int, int]:
    """Gold index → prediction index, greedily by largest overlap; each side is used once."""
    candidates = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if spans_match(g, p)),
        reverse=True,
    )
    gold_to_pred: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in gold_to_pred and pi not in used:
            gold_to_pred[gi] = pi
            used.add(pi)
    return gold_to_pred


@dataclass
class Tally:
    """Counts and the listed records (misses, wrong speakers, false records) gathered over all documents."""

    counts: Counter[str] = field(default_factory=Counter)
    entities: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    misses: list[tuple[str, str, Record]] = field(default_factory=list)
    wrong: list[tuple[str, str, Record, Record]] = field(default_factory=list)
    false: list[tuple[str, Record]] = field(default_factory=list)


def _group(kind: str) -> str:
    """Recall is also reported for quoted (direct, mixed) and indirect speech apart."""
    return "quoted" if kind in QUOTED_KINDS else "indirect"


def _score_found(gold: Record, spans: Spans, pred: Record, text: str, doc: str, tally: Tally) -> None:
    """Kind, exact content, source span, speaker and chain of one matched required gold record."""
    c, group = tally.counts, _group(gold["kind"])
    c[f"tp_{group}"] += 1
    c[f"tp_kind_{gold['kind']}"] += 1
    c["kind_ok"] += pred.get("kind") == gold["kind"]
    c["exact"] += trimmed(spans, text) == trimmed(pred_spans(pred), text)
    speaker = pred.get("speaker") or {}
    if gold.get("source_spans") and speaker.get("start") is not None:
        mention = trimmed([(speaker["start"], speaker["end"])], text)
        c["source_exact"] += trimmed(_source_spans(gold), text)[:1] == mention
    if speaker_right(gold, pred) or _unattributed(gold):
        c[f"tp_speaker_{group}"] += 1
        if gold.get("speaker_kind") == "person" and speaker.get("entity_id"):
            tally.entities[gold["speaker"]].add(speaker["entity_id"])
    else:
        tally.wrong.append((doc, text[spans[0][0] : spans[-1][1]], gold, pred))
    if gold.get("chain"):
        c["chain_gold"] += 1
        c["chain_ok"] += chain_found(gold, pred)


def score_document(doc: str, text: str, golds: list[Record], preds: list[Record], tally: Tally) -> None:
    """Match one article's predictions to its gold and add the outcome to ``tally``."""
    spans = [gold_spans(g, text) for g in golds]
    matched = pair_up(spans, [pred_spans(p) for p in preds])
    for gi, gold in enumerate(golds):
        if not gold.get("required", True):
            continue  # borderline: finding it is neither rewarded nor punished
        tally.counts[f"gold_{_group(gold['kind'])}"] += 1
        tally.counts[f"gold_kind_{gold['kind']}"] += 1
        if gi in matched:
            _score_found(gold, spans[gi], preds[matched[gi]], text, doc, tally)
        else:
            tally.misses.append((doc, text[spans[gi][0][0] : spans[gi][-1][1]], gold))
    taken = set(matched.values())
    tally.false.extend((doc, p) for pi, p in enumerate(preds) if pi not in taken)


# --- figures ---------------------------------------------------------------------------------------------


def prf(tp: int, gold: int, false: int) -> dict[str, float]:
    """Precision, recall and F1 from true positives, gold size and false records."""
    p = tp / (tp + false) if tp + false else 0.0
    r = tp / gold if gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def _source_exact_f1(c: Counter[str], golds: list[Record], n_preds: int) -> float | None:
    """F1 of speaker mentions equal to the annotated source span; None when the gold has no source spans."""
    if not any("source_spans" in g for g in golds):
        return None
    with_source = sum(1 for g in golds if g.get("required", True) and g.get("source_spans"))
    return prf(c["source_exact"], with_source, n_preds - c["source_exact"])["f"]


def figures(tally: Tally, golds: list[Record], n_preds: int) -> dict[str, Any]:
    """The published figures; a found quote with a wrong speaker counts as a miss plus a false record end to end."""
    c = tally.counts
    gold, found, false = c["gold_quoted"] + c["gold_indirect"], c["tp_quoted"] + c["tp_indirect"], len(tally.false)
    right = c["tp_speaker_quoted"] + c["tp_speaker_indirect"]
    kinds = [k for k in SPEECH_KINDS if c[f"gold_kind_{k}"]]
    return {
        "quotes": prf(found, gold, false),
        "quoted_recall": c["tp_quoted"] / max(1, c["gold_quoted"]),
        "indirect_recall": c["tp_indirect"] / max(1, c["gold_indirect"]),
        "recall_by_kind": {k: round(c[f"tp_kind_{k}"] / c[f"gold_kind_{k}"], 3) for k in kinds},
        "speaker_accuracy": right / max(1, found),
        "quote_speaker": prf(right, gold, false + found - right),
        "kind_accuracy": c["kind_ok"] / max(1, found),
        "content_exact": prf(c["exact"], gold, false + found - c["exact"]),
        "source_exact_f1": _source_exact_f1(c, golds, n_preds),
        "chain_recall": c["chain_ok"] / max(1, c["chain_gold"]),
        "entities_consistent": f"{sum(len(ids) == 1 for ids in tally.entities.values())}/{len(tally.entities)}",
        "counts": {"gold": gold, "found": found, "false": false, "speaker_right": right},
    }


@dataclass
class Evaluation:
    """The figures of one evaluation run and the records behind them."""

    figures: dict[str, Any]
    tally: Tally


def score(golds: list[Record], texts: dict[str, str], preds: Iterable[Record]) -> Evaluation:
    """Score predictions against gold; ``texts`` maps doc key → article text. Non-speech kinds are ignored."""
    by_doc: defaultdict[str, list[Record]] = defaultdict(list)
    for gold in golds:
        by_doc[doc_key(gold["doc"])].append(gold)
    pred_by_doc: defaultdict[str, list[Record]] = defaultdict(list)
    for pred in preds:
        if pred.get("kind") in SPEECH_KINDS:
            pred_by_doc[doc_key(str(pred.get("doc_id", "")))].append(pred)
    tally = Tally()
    for doc, doc_golds in by_doc.items():
        score_document(doc, texts[doc], doc_golds, pred_by_doc.get(doc, []), tally)
    tally.false.extend((doc, p) for doc, ps in pred_by_doc.items() if doc not in by_doc for p in ps)
    n_preds = sum(len(ps) for ps in pred_by_doc.values())
    return Evaluation(figures(tally, golds, n_preds), tally)


# --- files and extraction --------------------------------------------------------------------------------


def load_jsonl(path: Path) -> list[Record]:
    """One JSON object per non-blank line; a bad line is a GoldError naming file and line."""
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, record in iter_jsonl(fh):
            if isinstance(record, TypeError):
                raise GoldError(f"{path}:{number}: expected a JSON object")
            if isinstance(record, ValueError):
                why = record.msg if isinstance(record, json.JSONDecodeError) else record
                raise GoldError(f"{path}:{number}: not JSON ({why})")
            records.append(record)
    return records


def check_gold(golds: list[Record], path: Path) -> None:
    """Every gold record names its article, a speech kind and its content."""
    for number, gold in enumerate(golds, 1):
        if "doc" not in gold or gold.get("kind") not in SPEECH_KINDS or not ("spans" in gold or "quote" in gold):
            raise GoldError(f"{path}: record {number} needs doc, kind (direct|mixed|indirect) and quote or spans")


def read_texts(golds: list[Record], texts_dir: Path) -> dict[str, str]:
    """The article of every document the gold names, decoded as ``quotes extract`` decodes it."""
    names: dict[str, str] = {}
    for gold in golds:
        names.setdefault(doc_key(gold["doc"]), gold["doc"])
    return {key: read_article(texts_dir / name).text for key, name in names.items()}


def predict(texts: dict[str, str], model: str | None = None, *, model_pass: bool = True,
            tagger: str | None = None, group: bool = False) -> list[Record]:
    """Run the extractor over the texts (one run, so entity ids are shared) and return JSON-ready records;
    ``group``: one record per attribution (``group_attributions``)."""
    from quotes._api import extract_many
    from quotes._attributions import group_attributions
    from quotes._loading import load_pipeline

    nlp = load_pipeline(model, model_pass=model_pass, tagger=tagger)
    results = extract_many(((text, doc) for doc, text in texts.items()), nlp=nlp)
    if group:
        results = map(group_attributions, results)
    return [quote.model_dump(mode="json") for quotes in results for quote in quotes]


def evaluate(gold_path: Path, texts_dir: Path, pred_path: Path | None = None, model: str | None = None, *,
             model_pass: bool = True, tagger: str | None = None, group: bool = False) -> Evaluation:
    """Score the predictions in ``pred_path``, or when it is None the extractor's own output, against the gold."""
    golds = load_jsonl(gold_path)
    check_gold(golds, gold_path)
    texts = read_texts(golds, texts_dir)
    preds = load_jsonl(pred_path) if pred_path else predict(texts, model, model_pass=model_pass, tagger=tagger,
                                                            group=group)
    return score(golds, texts, preds)


# --- output ----------------------------------------------------------------------------------------------


def _short(text: str, width: int) -> str:
    """A one-line, cut, quoted excerpt for the detail lines."""
    return repr(" ".join(text.split())[:width])


def _gold_speaker(gold: Record) -> str:
    """The gold speaker's name, or the source mention of span-annotated gold."""
    return str(gold.get("speaker") or gold.get("source") or "(no source)")


def detail_lines(evaluation: Evaluation) -> list[str]:
    """MISS, WHO? (wrong speaker), FALSE and SPLIT (one person, several entity ids) lines for ``--verbose``."""
    t = evaluation.tally
    lines = [f"MISS   {d} [{g['kind']}] {_gold_speaker(g)}: {_short(q, 90)}" for d, q, g in t.misses]
    for doc, quote, gold, pred in t.wrong:
        sp = pred.get("speaker") or {}
        lines.append(f"WHO?   {doc} gold={_gold_speaker(gold)!r} pred={sp.get('name')!r}/{sp.get('mention')!r}: "
                     f"{_short(quote, 70)}")
    lines += [f"FALSE  {d} [{p.get('kind')}] {_short(str(p.get('text')), 90)}" for d, p in t.false]
    lines += [f"SPLIT  {name}: {sorted(ids)}" for name, ids in t.entities.items() if len(ids) > 1]
    return lines


def format_table(evaluation: Evaluation) -> str:
    """The figures as a small human-readable table; '-' where the gold has nothing to measure."""
    fig = evaluation.figures
    q, qs, n = fig["quotes"], fig["quote_speaker"], fig["counts"]
    chain = f"{fig['chain_recall']:.3f}" if evaluation.tally.counts["chain_gold"] else "-"
    by_kind = "  ".join(f"{k} {v:.3f}" for k, v in fig["recall_by_kind"].items()) or "-"
    source = "-" if fig["source_exact_f1"] is None else f"{fig['source_exact_f1']:.3f}"
    rows = [
        ("quotes", f"P {q['p']:.3f}  R {q['r']:.3f}  F1 {q['f']:.3f}"),
        ("recall by kind", by_kind),
        ("speaker accuracy", f"{fig['speaker_accuracy']:.3f} of found quotes"),
        ("entities consistent", fig["entities_consistent"]),
        ("kind accuracy", f"{fig['kind_accuracy']:.3f}"),
        ("chain recall", chain),
        ("content exact F1", f"{fig['content_exact']['f']:.3f}"),
        ("source exact F1", source),
        ("quote+speaker F1", f"{qs['f']:.3f}"),
        ("counts", f"gold {n['gold']}  found {n['found']}  false {n['false']}  speaker right {n['speaker_right']}"),
    ]
    return "\n".join(f"{label:<20} {value}" for label, value in rows)


def to_json(evaluation: Evaluation, verbose: bool = False) -> str:
    """The figures as JSON (the shared scorer's keys); with ``verbose`` also the detail lines."""
    out = dict(evaluation.figures)
    if verbose:
        out["details"] = detail_lines(evaluation)
    return json.dumps(out, indent=2, ensure_ascii=False)
