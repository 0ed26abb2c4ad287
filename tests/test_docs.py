"""The documentation is tested: its Python examples run, its quick start matches CI, and the public API is pinned."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import quotes

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
API_DOC = ROOT / "docs" / "api.md"
CI_SCRIPT = ROOT / ".ci" / "run"
DOC_FILES = [README, *sorted((ROOT / "docs").glob("*.md"))]

QUICK_START_CLI = (
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/quotes extract tests/data/seeds -o quotes.csv"
)
QUICK_START_TESTS = "python3 -m venv .venv && .venv/bin/pip install '.[dev]' && .venv/bin/python -m pytest -q"

PUBLIC_API = [
    "AliasTableError",
    "ChainHop",
    "CorpusRow",
    "Cue",
    "EntityRegistry",
    "InputError",
    "LexiconError",
    "Listener",
    "ModelLoadError",
    "Quote",
    "QuotesComponent",
    "QuotesError",
    "SentenceSpan",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "extract_many",
    "group_attributions",
    "install_extensions",
    "load_aliases",
    "load_pipeline",
    "read_corpus",
]

_FENCE = re.compile(r"^(?P<fence>```+)(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S)
_NO_RUN = "<!-- no-run -->"


@dataclass(frozen=True)
class Block:
    """One fenced code block of a Markdown file."""

    path: Path
    line: int
    lang: str
    code: str
    skip: bool


def code_blocks(path: Path) -> list[Block]:
    """Every fenced block of ``path`` in order; ``skip`` when the line before it is ``<!-- no-run -->``."""
    text = path.read_text(encoding="utf-8")
    blocks = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        lang = match["info"].strip().split(" ")[0].lower()
        line = text.count("\n", 0, match.start()) + 1
        blocks.append(Block(path, line, lang, match["body"], skip=before == _NO_RUN))
    return blocks


def python_blocks(path: Path) -> list[Block]:
    """The ```python blocks of ``path``."""
    return [b for b in code_blocks(path) if b.lang in ("python", "py")]


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- the helpers themselves ---------------------------------------------------------------------------------------


def test_code_blocks_reads_fences_and_no_run_markers(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# t\n\n```python\nx = 1\n```\n\n<!-- no-run -->\n```python\nraise SystemExit\n```\n\n"
        "```bash\necho hi\n```\n\n````markdown\n```python\nnot a block\n```\n````\n",
        encoding="utf-8",
    )
    blocks = code_blocks(doc)
    assert [(b.lang, b.line, b.skip) for b in blocks] == [
        ("python", 3, False), ("python", 8, True), ("bash", 12, False), ("markdown", 16, False)
    ]
    assert [b.code for b in python_blocks(doc)] == ["x = 1\n", "raise SystemExit\n"]


# --- (a) every Python example runs ---------------------------------------------------------------------------------


def test_docs_have_examples() -> None:
    assert python_blocks(README), "README.md needs a library example"
    assert len([b for b in python_blocks(API_DOC) if not b.skip]) >= 5
    for name in ("api.md", "cli.md", "schema.md"):
        assert (ROOT / "docs" / name).is_file(), name


@pytest.mark.parametrize("path", [p for p in DOC_FILES if python_blocks(p)], ids=_rel)
def test_python_examples_run(path: Path) -> None:
    """All runnable blocks of one file, in order, in one fresh namespace (later blocks may use earlier names)."""
    namespace: dict[str, object] = {"__name__": f"docs_{path.stem}"}
    ran = 0
    for block in python_blocks(path):
        if block.skip:
            continue
        code = compile(block.code, f"{_rel(path)}:{block.line}", "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                exec(code, namespace)
            except Exception as exc:
                pytest.fail(f"{_rel(path)}, block at line {block.line}: {type(exc).__name__}: {exc}")
        ran += 1
    assert ran or all(b.skip for b in python_blocks(path))


def test_no_run_only_for_cluster_code() -> None:
    """``<!-- no-run -->`` is for code that needs a cluster (Spark), not for examples that merely fail."""
    skipped = [b for p in DOC_FILES for b in python_blocks(p) if b.skip]
    assert all("spark" in b.code.lower() for b in skipped), [f"{_rel(b.path)}:{b.line}" for b in skipped]


# --- (b) the quick start and CI agree ------------------------------------------------------------------------------


def _shell_blocks(path: Path) -> list[str]:
    return [b.code for b in code_blocks(path) if b.lang in ("bash", "sh", "shell", "console")]


def test_readme_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for block in _FENCE.finditer(section) for line in block["body"].splitlines()
                if line.strip()]
    assert commands == [QUICK_START_CLI, QUICK_START_TESTS]
    assert QUICK_START_CLI in _shell_blocks(README)[0] and QUICK_START_TESTS in _shell_blocks(README)[1]


def test_quick_start_cli_prints_a_one_line_summary(tmp_path: Path) -> None:
    """The README's first command, minus the set-up, through the installed entry point."""
    script = Path(sys.executable).with_name("quotes")
    out = tmp_path / "quotes.csv"
    done = subprocess.run([str(script), "extract", "tests/data/seeds", "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(rf"(\d+) records from 5 articles -> {re.escape(str(out))}\n", done.stderr), done.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("doc_id,id,kind,text,") and len(rows) > 5
    assert done.stdout == ""


def ci_test_command(script: str) -> str:
    """The last command line of a CI script that runs pytest, comments and blank lines ignored."""
    lines = [line.strip() for line in script.splitlines()]
    runs = [line for line in lines if line and not line.startswith("#") and "pytest" in line]
    if not runs:
        raise ValueError("no pytest command in the CI script")
    return runs[-1]


def test_ci_runs_the_readme_test_command() -> None:
    assert ci_test_command(CI_SCRIPT.read_text(encoding="utf-8")) == QUICK_START_TESTS


def test_ci_command_parser() -> None:
    script = "#!/bin/sh\n# .venv/bin/python -m pytest -x\npytest -k old\n\n  .venv/bin/python -m pytest -q\necho done\n"
    assert ci_test_command(script) == ".venv/bin/python -m pytest -q"
    with pytest.raises(ValueError):
        ci_test_command("echo no tests\n")


# --- (c) the public API is pinned ----------------------------------------------------------------------------------


def test_public_api_is_pinned() -> None:
    assert sorted(PUBLIC_API) == PUBLIC_API
    assert quotes.__all__ == PUBLIC_API


@pytest.mark.parametrize("name", PUBLIC_API)
def test_public_name_is_importable_and_documented(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from quotes import {name}", namespace)
    assert namespace[name] is getattr(quotes, name)
    assert f"`{name}`" in API_DOC.read_text(encoding="utf-8"), f"{name} is not documented in docs/api.md"
