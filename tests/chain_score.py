"""Chain scoring (issue 17): hop recall and precision by relation and overlapping target, listener recall.

Shared by ``tests/test_chain_gold.py`` and ``benchmarks/chains.py``. A gold record is paired with a
prediction by the evaluator's span rule; a gold hop is found when the paired prediction has a hop
of the same relation whose target overlaps an occurrence of the gold target in the text.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes._evaluate import gold_spans, pair_up, pred_spans, predict

__all__ = ["ChainFigures", "load_gold", "score_chains"]

Record = dict[str, Any]
SPEECH = ("direct", "mixed", "indirect")


@dataclass
class ChainFigures:
    """Counts over a gold set; the ratios are properties so the counts stay inspectable."""

    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Gold hops of required records found with their relation and target."""
        return self.counts["hop_ok"] / max(1, self.counts["hop_gold"])

    @property
    def recall_on_found(self) -> float:
        """Chain recall over the gold hops whose quote was found at all (chain reading, not quote finding)."""
        return self.counts["hop_ok"] / max(1, self.counts["hop_gold"] - self.counts["hop_no_record"])

    @property
    def precision(self) -> float:
        """Predicted hops that match a gold hop of the record they are on."""
        return self.counts["pred_ok"] / max(1, self.counts["pred_hops"])

    @property
    def listener_recall(self) -> float:
        """Gold listeners of required records whose prediction has an overlapping listener."""
        return self.counts["listener_ok"] / max(1, self.counts["listener_gold"])

    def table(self) -> str:
        """The figures as a small markdown table."""
        c = self.counts
        rows = [("chain recall", f"{self.recall:.3f} ({c['hop_ok']}/{c['hop_gold']})"),
                ("chain recall on found quotes",
                 f"{self.recall_on_found:.3f} ({c['hop_ok']}/{c['hop_gold'] - c['hop_no_record']})"),
                ("chain precision", f"{self.precision:.3f} ({c['pred_ok']}/{c['pred_hops']})"),
                ("listener recall", f"{self.listener_recall:.3f} ({c['listener_ok']}/{c['listener_gold']})"),
                ("hops in paragraphs without a chain", str(c["stray_hops"]))]
        return "\n".join(["| figure | value |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)])


def load_gold(path: Path) -> list[Record]:
    """The gold records of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` in ``text``."""
    out, at = [], text.find(needle)
    while needle and at >= 0:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return out


def _overlaps(span: Record | None, places: list[tuple[int, int]]) -> bool:
    if not span or span.get("start") is None:
        return False
    return any(span["start"] < e and s < span["end"] for s, e in places)


def _hop_matches(hop: Record, gold_hop: Record, text: str) -> bool:
    return hop["relation"] == gold_hop["relation"] and _overlaps(hop, _spans_of(text, gold_hop["target"]))


def _score_doc(doc: str, text: str, golds: list[Record], preds: list[Record], fig: ChainFigures) -> None:
    c = fig.counts
    pairs = pair_up([gold_spans(g, text) for g in golds], [pred_spans(p) for p in preds])
    paired_pred = {pi: golds[gi] for gi, pi in pairs.items()}
    if not any(g.get("hops") for g in golds):
        c["stray_hops"] += sum(len(p["chain"]) for p in preds)
        fig.false += [f"{doc}: {h['relation']} {h['target']!r}" for p in preds for h in p["chain"]]
    for gi, gold in enumerate(golds):
        pred = preds[pairs[gi]] if gi in pairs else None
        if not gold.get("required", True):
            continue
        for gold_hop in gold.get("hops", []):
            c["hop_gold"] += 1
            found = pred is not None and any(_hop_matches(h, gold_hop, text) for h in pred["chain"])
            c["hop_ok"] += found
            c["hop_no_record"] += pred is None
            if not found:
                got = [(h["relation"], h["target"]) for h in pred["chain"]] if pred else "no record"
                fig.misses.append(f"{doc}: {gold_hop['relation']} {gold_hop['target']!r} got {got}")
        if gold.get("listener"):
            c["listener_gold"] += 1
            found = pred is not None and _overlaps(pred["listener"], _spans_of(text, gold["listener"]))
            c["listener_ok"] += found
            if not found:
                got = (pred["listener"] or {}).get("text") if pred else "no record"
                fig.misses.append(f"{doc}: listener {gold['listener']!r} got {got!r}")
    for pi, pred in enumerate(preds):
        gold = paired_pred.get(pi)
        if gold is not None and not gold.get("required", True):
            continue
        for hop in pred["chain"]:
            c["pred_hops"] += 1
            ok = gold is not None and any(_hop_matches(hop, g, text) for g in gold.get("hops", []))
            c["pred_ok"] += ok
            if not ok:
                fig.false.append(f"{doc}: {hop['relation']} {hop['target']!r} on {pred['text'][:50]!r}")


def score_chains(gold_path: Path, texts_dir: Path) -> ChainFigures:
    """Run the extractor over the gold's texts and score chains and listeners."""
    golds = load_gold(gold_path)
    docs = sorted({g["doc"] for g in golds})
    texts = {Path(d).stem: (texts_dir / d).read_text(encoding="utf-8") for d in docs}
    preds = [p for p in predict(texts) if p["kind"] in SPEECH]
    fig = ChainFigures()
    for d in docs:
        stem = Path(d).stem
        _score_doc(stem, texts[stem], [g for g in golds if g["doc"] == d], [p for p in preds if p["doc_id"] == stem],
                   fig)
    return fig
