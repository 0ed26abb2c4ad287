"""`quotes report`: the page built from real records, checked in headless Chromium against counts of the records."""

from __future__ import annotations

import html
import json
import re
import shlex
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.test_cli import _run
from tests.test_render import chromium, run_chromium  # noqa: F401 - the fixture is used by name

SPEECH = ("direct", "mixed", "indirect")

HEAD_PROBE = """<script>window.__errors = [];
addEventListener('error', e => __errors.push('error: ' + e.message));
document.addEventListener('securitypolicyviolation', e => __errors.push('blocked: ' + e.blockedURI));
</script>"""

END_PROBE = """<script>
const rows = id => [...document.querySelectorAll('#' + id + ' tbody tr')].map(
  tr => [...tr.cells].map(td => td.textContent));
const th = (id, n) => document.querySelector('#' + id + ' thead th:nth-child(' + n + ')');
const figure = id => document.querySelector('#fig-' + id + ' b').textContent;
const out = {
  figures: ['records', 'articles', 'speech-records', 'anonymous-sources'].map(figure),
  people: [...document.querySelectorAll('#top-person tbody tr')].map(
    tr => [tr.querySelector('a').getAttribute('href'), tr.cells[0].textContent, tr.cells[1].textContent]),
  kinds: rows('kinds'), speakerKinds: rows('speaker-kinds'), outlets: rows('by-outlet'), dates: rows('by-date'),
  charts: [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width),
  brokenLinks: [...document.querySelectorAll('a[href^="#"]')].filter(
    a => !document.getElementById(a.getAttribute('href').slice(1))).length,
};
th('top-person', 1).click();
out.byNameDesc = rows('top-person').map(r => r[0]);
th('top-person', 1).click();
out.byNameAsc = rows('top-person').map(r => r[0]);
th('top-person', 2).click();
out.byCountDesc = rows('top-person').map(r => Number(r[1].replace(/,/g, '')));
out.errors = window.__errors;
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's corpus workflow, command by command, on the bundled sample corpus; the folder it ran in."""
    readme = Path(__file__).resolve().parent.parent / "README.md"
    section = readme.read_text(encoding="utf-8").split("## A news archive", 1)[1].split("\n## ", 1)[0]
    commands = [shlex.split(line) for line in section.split("```bash", 1)[1].split("```", 1)[0].splitlines()
                if line.strip()]
    assert [c[:2] for c in commands] == [["quotes", "extract"], ["quotes", "report"]]
    folder = tmp_path_factory.mktemp("readme")
    (folder / "tests" / "data").mkdir(parents=True)
    shutil.copy(DATA / "sample_corpus.jsonl", folder / "tests" / "data")
    for command in commands:
        run = _run(*command[1:], cwd=folder)
        assert run.code == 0, run.err
    return folder


@pytest.fixture(scope="module")
def records(readme_run: Path) -> Path:
    return readme_run / "quotes.jsonl"


@pytest.fixture(scope="module")
def page(readme_run: Path) -> Path:
    return readme_run / "report.html"


def test_readme_archive_example_carries_metadata_into_the_report(records: Path, page: Path) -> None:
    data = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert len(data) > 50
    assert all(set(r["meta"]) == {"url", "outlet", "date"} for r in data)
    text = page.read_text(encoding="utf-8")
    assert "Donald Trump" in text and 'id="by-outlet"' in text and 'id="by-date"' in text


def _count_rows(rows: list[list[str]]) -> dict[str, int]:
    return {row[0]: int(row[1].replace(",", "")) for row in rows}


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "<title>Who said what</title>" in text
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text)
    assert "<link" not in text and "@import" not in text and "url(" not in text
    assert "default-src 'none'" in text


def test_page_numbers_match_the_records_in_a_browser(chromium: str, page: Path, records: Path,  # noqa: F811
                                                     tmp_path: Path) -> None:
    data = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    speech = [r for r in data if r["kind"] in SPEECH]
    probed = tmp_path / "probed.html"
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("<title>", HEAD_PROBE + "<title>", 1).replace("</body>", END_PROBE + "</body>"),
                      encoding="utf-8")
    dom = run_chromium(chromium, tmp_path / "profile", "--dump-dom", probed.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert found, f"no probe output; stderr: {dom.stderr[-2000:]}"
    seen = json.loads(html.unescape(found.group(1)))

    assert seen["errors"] == []
    anonymous = sum(1 for r in speech if r["speaker"] and r["speaker"]["kind"] == "anonymous")
    assert seen["figures"] == [f"{len(data):,}", f"{len({r['doc_id'] for r in data}):,}", f"{len(speech):,}",
                               f"{100 * anonymous / len(speech):.1f} %"]
    persons = [r["speaker"] for r in speech if r["speaker"] and r["speaker"]["kind"] == "person"
               and r["speaker"]["name"]]  # a person left unnamed ('he' with no antecedent) is nobody to list
    # a person is counted under its entity id; one the registry gave no id is counted under its name
    expected = Counter(f"#per-{p['entity_id']}" if p["entity_id"] else p["name"] for p in persons)
    shown = {href if href in expected else name: int(count.replace(",", "")) for href, name, count in seen["people"]}
    assert shown == expected
    assert _count_rows(seen["kinds"]) == Counter(r["kind"] for r in data)
    kinds = Counter((r["speaker"] or {}).get("kind") or "none" for r in speech)
    assert _count_rows(seen["speakerKinds"]) == kinds
    assert _count_rows(seen["outlets"]) == Counter(r["meta"]["outlet"] for r in speech)
    assert _count_rows(seen["dates"]) == Counter(r["meta"]["date"] for r in speech)
    assert [row[0] for row in seen["dates"]] == sorted({r["meta"]["date"] for r in speech})

    assert len(seen["charts"]) >= 5 and all(width > 100 for width in seen["charts"])
    assert seen["brokenLinks"] == 0
    assert seen["byNameDesc"] == sorted(seen["byNameDesc"], reverse=True)
    assert seen["byNameAsc"] == sorted(seen["byNameAsc"])
    assert seen["byCountDesc"] == sorted(seen["byCountDesc"], reverse=True)


def test_bad_lines_are_reported_and_the_rest_summarized(records: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    lines = records.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join([lines[0], "not json", '{"a": 1}', *lines[1:3]]) + "\n", encoding="utf-8")
    run = _run("report", str(broken), "-o", str(tmp_path / "r.html"), "--title", "Seeds <test>")
    assert run.code == 1
    assert [e for e in run.err_lines if e.startswith("error:")] == [
        f"error: {broken}:2: [Q001] cannot read: not a record: Expecting value: line 1 column 1 (char 0)",
        f"error: {broken}:3: [Q001] cannot read: not a record: not a quotes record"]
    assert run.err_lines[-1].startswith("3 records from")
    assert "<title>Seeds &lt;test&gt;</title>" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_records_without_metadata_have_no_time_or_outlet_sections(tmp_path: Path) -> None:
    record = {"id": "a:1", "doc_id": "a", "kind": "direct", "text": "x",
              "speaker": {"name": "Jane Smith", "kind": "person", "entity_id": "jane-smith"}}
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run = _run("report", str(path))
    assert run.code == 0
    assert "Jane Smith" in run.out and 'id="per-jane-smith"' in run.out
    assert "by-date" not in run.out and "by-outlet" not in run.out

