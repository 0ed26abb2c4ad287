"""``quotes report``: one self-contained HTML page summarizing a run's records (JSON Lines).

Most-quoted people and organizations, quotes per speaker kind and per kind of
quote, the share of anonymous sources, and, when the records carry ``meta.date``
or ``meta.outlet`` (``quotes extract --keep date,outlet``), the same over time
and by outlet. Charts are inline SVG, tables sort on a click, every speaker links
to their quotes; nothing is loaded from the network. Records are read as a
stream; memory grows with the number of distinct speakers, dates and outlets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from typing import IO, Any

from quotes._entities import slug
from quotes._errors import InputError
from quotes._io import iter_jsonl

__all__ = ["Summary", "read_records", "render_report", "summarize", "write_report"]

SPEECH = ("direct", "mixed", "indirect")
SPEAKER_KINDS = ("person", "organization", "group", "anonymous", "unknown", "none")
#: Speakers listed in the tables and quotes kept per speaker for the page.
TOP_SPEAKERS = 50
QUOTES_PER_SPEAKER = 25


@dataclass
class Slice:
    """Counts for one date or one outlet."""

    records: int = 0
    speech: int = 0
    anonymous: int = 0
    articles: set[str] = field(default_factory=set)


@dataclass
class Speaker:
    """One person or organization with how often and what they were quoted saying."""

    name: str
    kind: str
    anchor: str
    count: int = 0
    kinds: Counter = field(default_factory=Counter)
    quotes: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Summary:
    """Everything the page shows, gathered in one pass over the records."""

    records: int = 0
    articles: set[str] = field(default_factory=set)
    kinds: Counter = field(default_factory=Counter)
    speaker_kinds: Counter = field(default_factory=Counter)
    speakers: dict[tuple[str, str], Speaker] = field(default_factory=dict)
    dates: dict[str, Slice] = field(default_factory=lambda: defaultdict(Slice))
    outlets: dict[str, Slice] = field(default_factory=lambda: defaultdict(Slice))

    @property
    def speech(self) -> int:
        """Records that are speech (direct, mixed, indirect), not quoted terms."""
        return sum(self.kinds[k] for k in SPEECH)

    def top(self, kind: str) -> list[Speaker]:
        """The most quoted speakers of one kind, most first, then by name."""
        found = [s for s in self.speakers.values() if s.kind == kind]
        return sorted(found, key=lambda s: (-s.count, s.name))[:TOP_SPEAKERS]


def read_records(lines: Iterable[str], source: str, on_error: Callable[[InputError], None]) -> Iterator[dict]:
    """Records of a JSONL stream; a line that is not a record object goes to ``on_error``."""
    for number, record in iter_jsonl(lines):
        if isinstance(record, dict) and "kind" in record and "doc_id" in record:
            yield record
            continue
        why = record if isinstance(record, ValueError) else "not a quotes record"
        on_error(InputError("Q001", f"{source}:{number}", reason=f"not a record: {why}"))


def _speaker(summary: Summary, record: dict[str, Any]) -> None:
    """Count the record for its person or organization and keep its quote for the page."""
    sp = record.get("speaker") or {}
    if sp.get("kind") not in ("person", "organization") or not sp.get("name"):
        return
    key = (sp["kind"], sp.get("entity_id") or slug(sp["name"]))
    speaker = summary.speakers.get(key)
    if speaker is None:
        speaker = summary.speakers[key] = Speaker(sp["name"], sp["kind"], f"{sp['kind'][:3]}-{slug(key[1])}")
    speaker.count += 1
    speaker.kinds[record["kind"]] += 1
    if len(speaker.quotes) < QUOTES_PER_SPEAKER:
        speaker.quotes.append({k: record.get(k) for k in ("id", "doc_id", "kind", "text")})


def summarize(records: Iterable[dict[str, Any]]) -> Summary:
    """One pass over the records."""
    summary = Summary()
    for record in records:
        summary.records += 1
        summary.articles.add(record["doc_id"])
        summary.kinds[record["kind"]] += 1
        meta = record.get("meta") or {}
        slices = [summary.dates[str(meta["date"])[:10]]] if meta.get("date") else []
        slices += [summary.outlets[str(meta["outlet"])]] if meta.get("outlet") else []
        speech = record["kind"] in SPEECH
        kind = (record.get("speaker") or {}).get("kind") or "none"
        for piece in slices:
            piece.records += 1
            piece.speech += speech
            piece.anonymous += speech and kind == "anonymous"
            piece.articles.add(record["doc_id"])
        if speech:
            summary.speaker_kinds[kind] += 1
            _speaker(summary, record)
    return summary


# --- HTML ------------------------------------------------------------------------------------------------------------

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#222}
h1{margin-bottom:.2em} h2{margin-top:2em;border-bottom:1px solid #ddd}
.figures{display:flex;gap:2em;flex-wrap:wrap}.figure b{display:block;font-size:1.8em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .7em;border-bottom:1px solid #eee;text-align:left}
th{cursor:pointer;background:#f4f4f4;user-select:none}th[data-dir=asc]::after{content:" ▲"}
th[data-dir=desc]::after{content:" ▼"}td.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{font:12px system-ui,sans-serif} .bar{fill:#4e79a7} .anon{fill:#e15759}
.quotes li{margin:.3em 0} .kind{color:#777;font-size:.85em}
"""

# the page may load nothing: the browser itself refuses any request the page would make
_CSP = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">')

_SCRIPT = """
document.querySelectorAll('table.sortable th').forEach(th => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], col = th.cellIndex, num = th.dataset.type === 'num';
  const dir = th.dataset.dir === 'desc' ? 'asc' : 'desc';
  th.closest('tr').querySelectorAll('th').forEach(h => delete h.dataset.dir);
  th.dataset.dir = dir;
  const key = row => row.cells[col].dataset.v ?? row.cells[col].textContent;
  const rows = [...body.rows].sort((a, b) => {
    const c = num ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b));
    return dir === 'asc' ? c : -c;
  });
  body.append(...rows);
}));
"""


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def bar_chart(items: list[tuple[str, int]], label: str) -> str:
    """Horizontal bars, one per (label, value), as inline SVG."""
    if not items:
        return ""
    top = max(v for _, v in items) or 1
    rows = []
    for i, (name, value) in enumerate(items):
        y, width = 22 * i, 440 * value / top
        rows.append(f'<text x="0" y="{y + 14}">{escape(name[:34])}</text>'
                    f'<rect class="bar" x="230" y="{y + 2}" width="{width:.1f}" height="16">'
                    f"<title>{escape(name)}: {value:,}</title></rect>"
                    f'<text x="{236 + width:.1f}" y="{y + 14}">{value:,}</text>')
    return (f'<svg role="img" aria-label="{escape(label)}" width="740" height="{22 * len(items) + 4}" '
            f'viewBox="0 0 740 {22 * len(items) + 4}">{"".join(rows)}</svg>')


def column_chart(items: list[tuple[str, int, int]], label: str) -> str:
    """Columns over time: speech records per date, the anonymous part in another colour, as inline SVG."""
    if not items:
        return ""
    top = max(v for _, v, _ in items) or 1
    step = max(4.0, min(40.0, 700 / len(items)))
    cols = []
    for i, (name, value, anonymous) in enumerate(items):
        x, height, part = 30 + i * step, 150 * value / top, 150 * anonymous / top
        cols.append(f'<g><title>{escape(name)}: {value:,} quotes, {anonymous:,} anonymous</title>'
                    f'<rect class="bar" x="{x:.1f}" y="{170 - height:.1f}" width="{step * .8:.1f}" '
                    f'height="{height:.1f}"/><rect class="anon" x="{x:.1f}" y="{170 - part:.1f}" '
                    f'width="{step * .8:.1f}" height="{part:.1f}"/></g>')
    first, last = escape(items[0][0]), escape(items[-1][0])
    width = max(300, 40 + step * len(items))
    return (f'<svg role="img" aria-label="{escape(label)}" width="{width:.0f}" height="200" '
            f'viewBox="0 0 {width:.0f} 200"><text x="30" y="8">quotes per date (red: anonymous sources)</text>'
            f'{"".join(cols)}<text x="30" y="190">{first}</text>'
            f'<text x="{width - 10:.0f}" y="190" text-anchor="end">{last}</text></svg>')


def _cell(value: Any, numeric: bool = False, sort: Any = None) -> str:
    attrs = ' class="n"' if numeric else ""
    if sort is not None:
        attrs += f' data-v="{escape(str(sort))}"'
    return f"<td{attrs}>{value if isinstance(value, str) and value.startswith('<a ') else escape(str(value))}</td>"


def table(head: list[tuple[str, bool]], rows: list[list[str]], name: str) -> str:
    """A sortable table: ``head`` is (title, numeric) per column; rows are ready-made cells."""
    ths = "".join(f'<th data-type="{"num" if num else "text"}">{escape(title)}</th>' for title, num in head)
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return f'<table class="sortable" id="{name}"><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>'


def _speakers_section(summary: Summary, kind: str, title: str) -> str:
    top = summary.top(kind)
    if not top:
        return f"<h2>{title}</h2><p>None in these records.</p>"
    rows = [[_cell(f'<a href="#{s.anchor}">{escape(s.name)}</a>', sort=s.name), _cell(f"{s.count:,}", True, s.count),
             *(_cell(f"{s.kinds[k]:,}", True, s.kinds[k]) for k in SPEECH)] for s in top]
    head = [("speaker", False), ("quotes", True), *((k, True) for k in SPEECH)]
    chart = bar_chart([(s.name, s.count) for s in top[:15]], title)
    return f"<h2>{title}</h2>{chart}{table(head, rows, f'top-{kind}')}"


def _slices_section(slices: dict[str, Slice], title: str, name: str, over_time: bool) -> str:
    if not slices:
        return ""
    keys = sorted(slices) if over_time else sorted(slices, key=lambda k: (-slices[k].speech, k))
    rows = [[_cell(k), _cell(f"{s.speech:,}", True, s.speech), _cell(f"{len(s.articles):,}", True, len(s.articles)),
             _cell(f"{s.anonymous:,}", True, s.anonymous),
             _cell(_pct(s.anonymous, s.speech), True, s.anonymous / s.speech if s.speech else 0)]
            for k, s in ((k, slices[k]) for k in keys)]
    head = [(name, False), ("quotes", True), ("articles", True), ("anonymous", True), ("anonymous share", True)]
    chart = (column_chart([(k, slices[k].speech, slices[k].anonymous) for k in keys], title) if over_time
             else bar_chart([(k, slices[k].speech) for k in keys[:15]], title))
    return f"<h2>{title}</h2>{chart}{table(head, rows, f'by-{name}')}"


def _quotes_section(summary: Summary) -> str:
    parts = []
    for speaker in [*summary.top("person"), *summary.top("organization")]:
        items = "".join(f'<li><span class="kind">{escape(str(q["kind"]))} · {escape(str(q["doc_id"]))}</span> '
                        f'{escape(str(q["text"]))}</li>' for q in speaker.quotes)
        more = speaker.count - len(speaker.quotes)
        parts.append(f'<section id="{speaker.anchor}"><h3>{escape(speaker.name)} ({speaker.count:,})</h3>'
                     f'<ul class="quotes">{items}</ul>{f"<p>… and {more:,} more</p>" if more > 0 else ""}</section>')
    return "<h2>Quotes by speaker</h2>" + "".join(parts) if parts else ""


def render_report(summary: Summary, title: str) -> str:
    """The whole page."""
    figures = [("records", f"{summary.records:,}"), ("articles", f"{len(summary.articles):,}"),
               ("speech records", f"{summary.speech:,}"), ("anonymous sources", _pct(
                   summary.speaker_kinds["anonymous"], summary.speech))]
    head = "".join(f'<div class="figure" id="fig-{slug(k)}"><b>{v}</b>{k}</div>' for k, v in figures)
    kinds = sorted(summary.kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    speaker_kinds = [(k, summary.speaker_kinds[k]) for k in SPEAKER_KINDS if summary.speaker_kinds[k]]
    count_head = [("kind", False), ("records", True), ("share", True)]

    def rows(items: list[tuple[str, int]], whole: int) -> list[list[str]]:
        return [[_cell(k), _cell(f"{v:,}", True, v), _cell(_pct(v, whole), True, v / whole if whole else 0)]
                for k, v in items]

    body = (f"<h1>{escape(title)}</h1><div class=\"figures\">{head}</div>"
            + _speakers_section(summary, "person", "Most-quoted people")
            + _speakers_section(summary, "organization", "Most-quoted organizations")
            + "<h2>Quotes per speaker kind</h2><p>Speech records (direct, mixed, indirect) by who the source is.</p>"
            + bar_chart(speaker_kinds, "speaker kinds") + table(count_head, rows(speaker_kinds, summary.speech),
                                                                "speaker-kinds")
            + "<h2>Records per kind of quote</h2>" + bar_chart(kinds, "kinds of quote")
            + table(count_head, rows(kinds, summary.records), "kinds")
            + _slices_section(summary.dates, "Over time", "date", True)
            + _slices_section(summary.outlets, "By outlet", "outlet", False)
            + _quotes_section(summary))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{_CSP}<title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body>{body}<script>{_SCRIPT}</script></body></html>\n")


def write_report(sources: Iterable[tuple[str, IO[str]]], out: IO[str], title: str,
                 on_error: Callable[[InputError], None]) -> Summary:
    """Summarize the records of every (name, stream) and write the page to ``out``."""
    summary = summarize(record for name, fh in sources for record in read_records(fh, name, on_error))
    out.write(render_report(summary, title))
    return summary
