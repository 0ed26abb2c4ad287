"""One record per attribution: a quote's continuation paragraphs folded into the record they inherit from.

SPEC makes each paragraph (or sentence) of a quote that runs on its own record, the speaker
inherited; corpora such as PolNeAR annotate the whole run as one attribution with several
spans. ``group_attributions`` gives that view of the same records, nothing re-extracted.
"""

from __future__ import annotations

from collections.abc import Iterable

from quotes._models import Quote, SentenceSpan

__all__ = ["continues", "group_attributions"]


def continues(record: Quote, before: Quote) -> bool:
    """``record`` runs on from ``before``: no cue of its own and the very speaker mention ``before`` has."""
    if record.cue is not None or record.speaker is None or before.speaker is None:
        return False
    same = (record.speaker.start, record.speaker.end) == (before.speaker.start, before.speaker.end)
    return same and record.doc_id == before.doc_id


def _joined(first: Quote, more: Quote) -> Quote:
    """``first`` with ``more``'s spans added: mixed when the kinds differ (words outside the marks)."""
    return first.model_copy(update={
        "kind": first.kind if first.kind == more.kind else "mixed",
        "text": f"{first.text} … {more.text}",
        "spans": [*first.spans, *more.spans],
        "sentence": SentenceSpan(start=first.sentence.start, end=max(first.sentence.end, more.sentence.end)),
        "confidence": min(first.confidence, more.confidence),
    })


def group_attributions(records: Iterable[Quote]) -> list[Quote]:
    """One document's records with every continuation folded into the speech record it runs on from.

    >>> import quotes
    >>> text = '"We will win," Jane Smith said. "Nobody can stop us."'
    >>> [q.text for q in group_attributions(quotes.extract(text))]
    ['We will win, … Nobody can stop us.']
    """
    out: list[Quote] = []
    last: int | None = None  # where in ``out`` the latest speech record is; terms in between stay apart
    for record in records:
        if record.kind == "term":
            out.append(record)
        elif last is not None and continues(record, out[last]):
            out[last] = _joined(out[last], record)
        else:
            out.append(record)
            last = len(out) - 1
    return out
