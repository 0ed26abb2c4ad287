"""The HTML page of ``quotes render``: marks, escaping, self-containment, and how it looks in a real browser."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quotes._models import ChainHop, Cue, Quote, SentenceSpan, Span, Speaker
from quotes._render import KIND_COLOURS, render_html

SEED = Path(__file__).parent / "data" / "seeds" / "002_bc0b6d4d75d680a6.txt"
QUOTES_CLI = Path(sys.executable).parent / "quotes"

TEXT = ('<b>News</b> & more\n\n"Taxes will rise & fall," Smith told Axios. '
        "Analysts warned that <i>costs</i> would climb.")
TAXES = "Taxes will rise & fall,"
COSTS = "<i>costs</i> would climb"


def at(part: str) -> tuple[int, int]:
    """Offsets of ``part`` in TEXT."""
    start = TEXT.index(part)
    return start, start + len(part)


def make(part: str, kind: str, speaker: str | None, name: str | None = None, cue: str | None = None,
         chain: str | None = None) -> Quote:
    """A record on TEXT whose content, speaker mention, cue and chain target are found by their words."""
    s, e = at(part)
    spk = Speaker(mention=speaker, start=at(speaker)[0], end=at(speaker)[1], name=name,
                  kind="person" if name else "group") if speaker else None
    return Quote(id=f"t:{s}", doc_id="t", kind=kind, text=part, spans=[Span(start=s, end=e)],
                 cue=Cue(text=cue, lemma=cue, start=at(cue)[0], end=at(cue)[1]) if cue else None, speaker=spk,
                 chain=[ChainHop(relation="told", target=chain, start=at(chain)[0], end=at(chain)[1])] if chain else [],
                 sentence=SentenceSpan(start=s, end=e), confidence=0.9, method="rule")


QUOTES = [make(TAXES, "direct", "Smith", "Jane Smith", "told", "Axios"),
          make(COSTS, "indirect", "Analysts", cue="warned"),
          make("rise & fall", "term", None)]


class Page(HTMLParser):
    """Collects the article's text and the nesting of its tags, failing on any mis-nested end tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.article: list[str] = []
        self.in_article = 0
        self.spans: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            return  # a void element: no end tag
        self.stack.append(tag)
        if dict(attrs).get("class") == "article":
            self.in_article = len(self.stack)
        elif self.in_article and tag == "span":
            self.spans.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        if len(self.stack) == self.in_article:
            self.in_article = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_article:
            self.article.append(data)


def parse(page: str) -> Page:
    """The page parsed with every end tag checked."""
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def test_article_text_survives_exactly_and_tags_nest() -> None:
    page = parse(render_html(TEXT, QUOTES, "t"))
    assert "".join(page.article) == TEXT
    assert page.stack == []


def test_quotes_are_highlighted_by_kind_with_cue_speaker_and_chain() -> None:
    page = render_html(TEXT, QUOTES, "t")
    assert re.search(r'<span class="q direct"[^>]*data-before="1">Taxes will </span>', page)
    assert re.search(r'<span class="q indirect"[^>]*>&lt;i&gt;costs', page)
    assert re.search(r'<span class="speaker"[^>]*data-after="Jane Smith">Smith</span>', page)
    assert re.search(r'<span class="cue"[^>]*>told</span>', page)
    assert re.search(r'<span class="chain" title="chain of #1: told Axios">Axios</span>', page)
    for kind, colour in KIND_COLOURS.items():
        assert f".q.{kind} {{ background: {colour}; }}" in page
        assert f'<span class="q {kind}">{kind}</span>' in page  # legend


def test_overlapping_marks_are_cut_into_pieces_each_inside_every_covering_mark() -> None:
    page = render_html(TEXT, QUOTES, "t")
    classes = [s["class"] for s in parse(page).spans]
    assert classes.count("q direct") == 3  # cut before and after the term inside it
    assert classes.count("q term") == 1
    assert re.search(r'<span class="q direct"[^>]*><span class="q term"[^>]*>rise &amp; fall</span></span>', page)


def test_crossing_and_out_of_range_marks_stay_well_formed() -> None:
    crossing = Quote(id="t:0", doc_id="t", kind="mixed", text="x", spans=[Span(start=5, end=30)],
                     speaker=Speaker(mention="x", start=20, end=40, name="X Y", kind="person"),
                     cue=Cue(text="c", lemma="c", start=25, end=len(TEXT) + 50),
                     sentence=SentenceSpan(start=0, end=1), confidence=0.5, method="rule")
    page = parse(render_html(TEXT, [crossing, *QUOTES], "t"))
    assert "".join(page.article) == TEXT
    assert page.stack == []


def test_everything_is_escaped() -> None:
    speaker = QUOTES[0].speaker
    assert speaker is not None
    evil = QUOTES[0].model_copy(update={"speaker": speaker.model_copy(update={"name": 'Bob "<script>" Lee'})})
    page = render_html(TEXT, [evil], "<script>alert(1)</script>")
    assert "<script>" not in page and "<i>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'data-after="Bob &quot;&lt;script&gt;&quot; Lee"' in page


def test_page_is_self_contained() -> None:
    page = render_html(TEXT, QUOTES, "t")
    assert not re.search(r"https?:|<script|<link|<img|@import|url\(", page)
    assert "<style>" in page and '<meta charset="utf-8">' in page


def test_speaker_table_counts_quotes_per_speaker() -> None:
    second = make("would climb", "mixed", "Smith", "Jane Smith", "told")
    page = render_html(TEXT, [*QUOTES, second], "t")
    table = page[page.index('<table class="speakers">'):]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row) for row in rows]
    assert cells[0] == ["speaker", "kind", "direct", "mixed", "indirect", "term", "total"]
    assert cells[1] == ["Jane Smith", "person", "1", "1", "", "", "2"]
    assert ["Analysts", "group", "", "", "1", "", "1"] in cells
    assert ["(no speaker)", "", "", "", "", "1", "1"] in cells
    assert "3 quotes from 2 speakers" not in page and "4 quotes from 2 speakers" in page


# --- the installed CLI and a real browser -------------------------------------------------------------------


def quotes_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed ``quotes`` entry point."""
    return subprocess.run([str(QUOTES_CLI), *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seed article rendered by ``quotes render``."""
    out = tmp_path_factory.mktemp("render") / "page.html"
    done = quotes_cli("render", SEED, "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and "records" in done.stderr
    return out


def test_cli_renders_every_record(seed_page: Path) -> None:
    page = seed_page.read_text(encoding="utf-8")
    records = json.loads(quotes_cli("extract", SEED, "--format", "json").stdout)
    assert records, "the seed article should have quotes"
    for n, record in enumerate(sorted(records, key=lambda r: r["spans"][0]["start"]), 1):
        assert re.search(rf'<span class="q {record["kind"]}"[^>]*data-before="([^"]*,)?{n}[,"]', page), record["text"]
    assert "".join(parse(page).article) == SEED.read_text(encoding="utf-8")


def test_cli_render_errors_exit_1_and_usage_exits_2(tmp_path: Path) -> None:
    missing = quotes_cli("render", tmp_path / "nope.txt", "-o", tmp_path / "x.html")
    assert missing.returncode == 1 and "nope.txt" in missing.stderr and missing.stdout == ""
    assert not (tmp_path / "x.html").exists()
    assert quotes_cli("render").returncode == 2


VISIBILITY_PROBE = """<script>
const seen = [...document.querySelectorAll('.article .q')].map(e => {
  const box = e.getBoundingClientRect(), style = getComputedStyle(e);
  return {kind: e.classList[1], text: e.textContent, width: box.width, height: box.height,
          visibility: style.visibility, display: style.display, opacity: style.opacity,
          background: style.backgroundColor};
});
const out = document.createElement('pre');
out.id = 'probe';
out.textContent = JSON.stringify(seen);
document.body.appendChild(out);
</script>"""


@pytest.fixture
def chromium() -> str:
    """The chromium binary; missing is a failure in CI and a skip elsewhere."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not on PATH (CI installs Debian's chromium in .ci/run)")
    pytest.skip("chromium is not on PATH")


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless chromium with networking extras off and a throwaway profile."""
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--window-size=1200,2000"]
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=180)


def rgb(colour: str) -> str:
    """'#ffd54f' as the browser reports it: 'rgb(255, 213, 79)'."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_highlights_are_visible_in_a_real_browser(chromium: str, seed_page: Path, tmp_path: Path) -> None:
    page = seed_page.read_text(encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", VISIBILITY_PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(chromium, tmp_path / "profile", "--dump-dom", probed.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert found, f"no probe output; stderr: {dom.stderr[-2000:]}"
    seen = json.loads(html.unescape(found.group(1)))
    assert len(seen) == len(re.findall(r'<span class="q ', page.split('<div class="article">')[1])) > 5
    for piece in seen:
        assert piece["width"] > 0 and piece["height"] > 0, piece
        assert (piece["visibility"], piece["display"], piece["opacity"]) == ("visible", "inline", "1"), piece
        assert piece["background"] == rgb(KIND_COLOURS[piece["kind"]]), piece

    shot = tmp_path / "page.png"
    done = run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", seed_page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 2000)
    assert len(data) > 50_000  # a blank page compresses to a few kB
