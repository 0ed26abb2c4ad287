"""One article as a self-contained HTML page with its quotes highlighted, so people can check the output by eye.

Quotes are coloured by kind; cues, speaker mentions (labelled with the resolved name),
listeners and chain hops are marked. Marks may nest or cross: the text is cut at every
mark boundary and each piece is wrapped in the marks that cover it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise

from quotes._models import QUOTE_KINDS, Quote, Speaker
from quotes._writers import chain_text

__all__ = ["render_html"]

KIND_COLOURS = {"direct": "#ffd54f", "mixed": "#ffab91", "indirect": "#81d4fa", "term": "#c5e1a5"}
#: Marks over the same characters open in this order, so quotes are the outermost.
ROLE_ORDER = ("q", "speaker", "cue", "listener", "chain")

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
.article { font: 17px/1.7 Georgia, serif; white-space: pre-wrap; border: 1px solid #ddd; padding: 1em 1.5em; }
.q { border-radius: 3px; padding: 1px 0; }
""" + "".join(f".q.{kind} {{ background: {colour}; }}\n" for kind, colour in KIND_COLOURS.items()) + """
.q[data-before]::before { content: attr(data-before); font: bold 11px system-ui; vertical-align: super;
  color: #555; margin-right: 1px; }
.cue { font-weight: bold; text-decoration: underline 2px #6a1b9a; }
.speaker { font-weight: bold; border-bottom: 3px solid #2e7d32; }
.speaker[data-after]::after { content: " \\2192  " attr(data-after); font: bold 11px system-ui; color: #2e7d32; }
.listener, .chain { border-bottom: 2px dashed #e65100; }
.legend span { margin-right: 1em; padding: 0 .3em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; }
td.n { text-align: right; }
"""


@dataclass
class Mark:
    """A marked stretch of the article: CSS classes, tooltip lines, and labels drawn before or after it."""

    start: int
    end: int
    role: str
    classes: str
    tips: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


def _speaker_label(speaker: Speaker) -> str:
    """'Donald Trump (person, donald-trump)': the resolved name, as the tooltips and the table show it."""
    detail = ", ".join(x for x in (speaker.kind, speaker.entity_id) if x)
    return f"{speaker.name or speaker.mention} ({detail})"


def _quote_tip(n: int, quote: Quote) -> str:
    """One-line summary of a quote for its tooltip."""
    parts = [f"#{n} {quote.kind}"]
    if quote.speaker:
        parts.append(f"speaker: {_speaker_label(quote.speaker)}")
    if quote.cue:
        parts.append(f"cue: {quote.cue.text}")
    if quote.chain:
        parts.append(f"chain: {chain_text(quote)}")
    return " · ".join(parts)


def quote_marks(n: int, quote: Quote) -> list[Mark]:
    """The marks of quote number ``n``: its spans, cue, speaker mention, listener and chain hops."""
    tip = _quote_tip(n, quote)
    marks = [Mark(s.start, s.end, "q", f"q {quote.kind}", [tip]) for s in quote.spans]
    if marks:
        marks[0].before.append(str(n))
    if quote.cue:
        marks.append(Mark(quote.cue.start, quote.cue.end, "cue", "cue", [f"cue of #{n}: {quote.cue.lemma}"]))
    sp = quote.speaker
    if sp and sp.start is not None and sp.end is not None:
        label = [sp.name] if sp.name and sp.name != sp.mention else []
        marks.append(Mark(sp.start, sp.end, "speaker", "speaker", [f"speaker of #{n}: {_speaker_label(sp)}"],
                          after=label))
    if quote.listener:
        marks.append(Mark(quote.listener.start, quote.listener.end, "listener", "listener",
                          [f"listener of #{n}: {quote.listener.text}"]))
    marks += [Mark(h.start, h.end, "chain", "chain", [f"chain of #{n}: {h.relation} {h.target}"])
              for h in quote.chain]
    return marks


def merged_marks(quotes: Sequence[Quote], length: int) -> list[Mark]:
    """All marks clipped to the text; marks of one role over the same characters become one."""
    by_place: dict[tuple[str, str, int, int], Mark] = {}
    for n, quote in enumerate(quotes, 1):
        for mark in quote_marks(n, quote):
            mark.start, mark.end = max(0, mark.start), min(length, mark.end)
            if mark.start >= mark.end:
                continue
            key = (mark.role, mark.classes, mark.start, mark.end)
            if key not in by_place:
                by_place[key] = mark
                continue
            kept = by_place[key]
            kept.tips += mark.tips
            kept.before += mark.before
            kept.after += [a for a in mark.after if a not in kept.after]
    return sorted(by_place.values(), key=lambda m: (m.start, -m.end, ROLE_ORDER.index(m.role)))


def _open_tag(mark: Mark, first: bool, last: bool) -> str:
    """The opening tag of one piece of a mark; labels go on the mark's first and last pieces only."""
    attrs = [f'class="{escape(mark.classes)}"', f'title="{escape(chr(10).join(mark.tips))}"']
    if first and mark.before:
        attrs.append(f'data-before="{escape(",".join(mark.before))}"')
    if last and mark.after:
        attrs.append(f'data-after="{escape(" / ".join(mark.after))}"')
    return f"<span {' '.join(attrs)}>"


def highlighted(text: str, marks: Sequence[Mark]) -> str:
    """The escaped text cut at every mark boundary, each piece wrapped in the marks covering it."""
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    pieces = []
    for a, b in pairwise(cuts):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        opening = "".join(_open_tag(m, m.start == a, m.end == b) for m in covering)
        pieces.append(opening + escape(text[a:b]) + "</span>" * len(covering))
    return "".join(pieces)


def _speaker_key(quote: Quote) -> tuple[str, str, str]:
    """(grouping key, shown name, kind) of a quote's speaker; records without one share a row."""
    sp = quote.speaker
    if sp is None:
        return ("", "(no speaker)", "")
    name = sp.name or sp.mention
    return (sp.entity_id or name.lower(), name, sp.kind)


def speaker_table(quotes: Sequence[Quote]) -> str:
    """Rows of speakers with their quote counts by kind, most quoted first."""
    counts: dict[tuple[str, str, str], Counter[str]] = {}
    for quote in quotes:
        key = _speaker_key(quote)
        counts.setdefault(key, Counter())[quote.kind] += 1
    head = "".join(f"<th>{k}</th>" for k in ("speaker", "kind", *QUOTE_KINDS, "total"))
    rows = []
    for (_, name, kind), by_kind in sorted(counts.items(), key=lambda kv: (-kv[1].total(), kv[0][1])):
        cells = "".join(f'<td class="n">{by_kind[k] or ""}</td>' for k in QUOTE_KINDS)
        rows.append(f"<tr><td>{escape(name)}</td><td>{escape(kind)}</td>{cells}"
                    f'<td class="n">{by_kind.total()}</td></tr>')
    return f'<table class="speakers"><tr>{head}</tr>{"".join(rows)}</table>'


def quote_table(quotes: Sequence[Quote]) -> str:
    """One row per record: number, kind, speaker, cue, chain and content, to read beside the article."""
    rows = []
    for n, q in enumerate(quotes, 1):
        speaker = _speaker_label(q.speaker) if q.speaker else ""
        cells = (str(n), q.kind, speaker, q.cue.text if q.cue else "", chain_text(q), q.text)
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("#", "kind", "speaker", "cue", "chain", "content"))
    return f'<table class="quotes"><tr>{head}</tr>{"".join(rows)}</table>'


def legend() -> str:
    """Samples of every highlight, so the colours can be read."""
    samples = [*((f"q {k}", k) for k in QUOTE_KINDS), ("cue", "cue"), ("speaker", "speaker"),
               ("chain", "listener / chain")]
    return '<p class="legend">' + "".join(f'<span class="{c}">{escape(t)}</span>' for c, t in samples) + "</p>"


def render_html(text: str, quotes: Sequence[Quote], title: str) -> str:
    """A complete HTML page (inline CSS, no scripts, no remote assets) of ``text`` with ``quotes`` marked."""
    quotes = sorted(quotes, key=lambda q: min((s.start for s in q.spans), default=0))
    speakers = len({_speaker_key(q) for q in quotes if q.speaker})
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n<p>{len(quotes)} quotes from {speakers} speakers</p>\n{legend()}\n"
        f'<div class="article">{highlighted(text, merged_marks(quotes, len(text)))}</div>\n'
        f"<h2>Speakers</h2>\n{speaker_table(quotes)}\n<h2>Quotes</h2>\n{quote_table(quotes)}\n</body>\n</html>\n"
    )
