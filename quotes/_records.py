"""From the component's dicts (offsets into the normalized view) to ``Quote`` records on the caller's text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quotes._entities import EntityRegistry
from quotes._models import Quote
from quotes._normalize import NormalizedText

__all__ = ["plain_records", "shift_offsets", "to_quotes"]

_OFFSET_KEYS = ("spans", "cue", "speaker", "listener", "chain", "sentence")


def _map_offsets(obj: Any, move: Callable[[int, int], tuple[int, int]]) -> Any:
    """A copy of ``obj`` with every {start, end} pair inside it passed through ``move``."""
    if isinstance(obj, (list, tuple)):  # the component's tuples (and msgpack's) become lists
        return [_map_offsets(x, move) for x in obj]
    if not isinstance(obj, dict):
        return obj
    out = {k: _map_offsets(v, move) for k, v in obj.items()}
    if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
        out["start"], out["end"] = move(obj["start"], obj["end"])
    return out


def shift_offsets(records: list[dict[str, Any]], delta: int) -> list[dict[str, Any]]:
    """Records of a piece of a text, their offsets moved to the whole text's."""
    return _map_offsets(records, lambda s, e: (s + delta, e + delta)) if delta else records


def _canonical(speaker: dict[str, Any] | None, registry: EntityRegistry) -> dict[str, Any] | None:
    """Run-wide name and id for a person; other kinds keep what the document said (order never changes a kind)."""
    if speaker is None or speaker["kind"] != "person" or not speaker.get("name") or not speaker.get("entity_id"):
        return speaker  # organizations, groups, unnamed sources, and bare surnames the article left ambiguous
    name = registry.names.parse(speaker["name"])
    if name is None:
        return speaker
    canonical, entity = registry.resolve(name)
    return {**speaker, "name": canonical, "entity_id": entity}


def plain_records(raw: list[dict[str, Any]], norm: NormalizedText, original: str, doc_id: str) -> list[dict[str, Any]]:
    """One document's records as plain dicts: offsets and texts fit for the caller, names as the document gives them.

    Everything but the run-wide entity registry: this part runs in worker processes.
    """
    records = []
    for item in raw:
        rec = {k: (_map_offsets(v, norm.to_original) if k in _OFFSET_KEYS else v) for k, v in item.items()}
        rec["text"] = " … ".join(original[s["start"] : s["end"]] for s in rec["spans"])
        for key in ("cue", "speaker", "listener"):
            if rec[key] is not None:
                field = "mention" if key == "speaker" else "text"
                rec[key][field] = original[rec[key]["start"] : rec[key]["end"]]
        for hop in rec["chain"]:
            hop["target"] = original[hop["start"] : hop["end"]]
        rec["id"] = f"{doc_id}:{rec['spans'][0]['start']}"
        rec["doc_id"] = doc_id
        records.append(rec)
    return records


def to_quotes(records: list[dict[str, Any]], registry: EntityRegistry) -> list[Quote]:
    """Plain records of one document as ``Quote``s, person speakers named and numbered by the run's registry."""
    return [Quote(**{**rec, "speaker": _canonical(rec["speaker"], registry)}) for rec in records]
