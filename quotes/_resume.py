"""Resumable runs: records appended article by article, with a progress file beside the output.

After each article the records are flushed, then one line goes to the progress
file: the doc_id, the output's length so far and the person names the run-wide
registry resolved for it. A restart cuts the output back to the last complete
article, replays those names into a fresh registry (so entity ids come out as in
an uninterrupted run) and skips the articles already done. A finished run
removes the progress file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import IO, Any, TypeVar

from quotes._entities import EntityRegistry, PersonName
from quotes._errors import InputError
from quotes._io import iter_jsonl

__all__ = ["JournaledRegistry", "ResumableOutput"]

Article = TypeVar("Article", bound=tuple)


def _name_json(name: PersonName) -> dict[str, Any]:
    """A resolved name as JSON, whole (sets as sorted lists), so that a replay resolves exactly the same."""
    return {k: sorted(v) if isinstance(v, frozenset) else v for k, v in asdict(name).items()}


def _name_from_json(data: dict[str, Any]) -> PersonName:
    """The name :func:`_name_json` wrote, with its sets and tuples back."""
    kinds = {f.name: str(f.type) for f in fields(PersonName)}
    return PersonName(**{k: frozenset(v) if kinds[k].startswith("frozenset") else
                         tuple(v) if kinds[k].startswith("tuple") else v for k, v in data.items()})


@dataclass
class JournaledRegistry(EntityRegistry):
    """An EntityRegistry that notes every name it resolves, so a later run can replay them in order."""

    journal: list[dict[str, Any]] = field(default_factory=list)

    def resolve(self, name: PersonName) -> tuple[str, str | None]:
        """As EntityRegistry.resolve; the name is noted whole."""
        self.journal.append(_name_json(name))
        return super().resolve(name)

    def take_journal(self) -> list[dict[str, Any]]:
        """The names noted since the last call."""
        noted, self.journal = self.journal, []
        return noted

    def replay(self, names: Iterable[dict[str, Any]]) -> None:
        """Resolve names noted by an earlier run, in their order."""
        for name in names:
            super().resolve(_name_from_json(name))


def _progress_lines(path: Path) -> list[dict[str, Any]]:
    """The complete lines of a progress file (a line cut by a kill is ignored); a broken one is an InputError."""
    if not path.exists():
        return []
    entries: list[dict[str, Any]] = []
    for number, entry in iter_jsonl(path.read_text(encoding="utf-8").split("\n")[:-1]):
        if not isinstance(entry, dict):
            raise InputError("Q001", f"{path}:{number}", reason=f"a broken progress line ({entry}); remove it and "
                             "the output to start again")
        entries.append(entry)
    return entries


@dataclass
class ResumableOutput:
    """An output file written article by article, resumable after an interruption."""

    path: Path
    done: list[str]
    names: list[dict[str, Any]]
    end: int

    @property
    def progress_path(self) -> Path:
        """The progress file: hidden, beside the output."""
        return self.path.with_name(f".{self.path.name}.progress")

    @classmethod
    def open(cls, path: str | Path) -> ResumableOutput:
        """State of an earlier interrupted run at ``path`` (none when the output does not exist yet)."""
        path = Path(path)
        state = cls(path, [], [], 0)
        lines = _progress_lines(state.progress_path)
        if not lines and path.exists() and path.stat().st_size:
            raise InputError("Q001", str(path), reason="it exists and has no progress file from an interrupted run "
                             "(a finished run?); remove it or drop --resume")
        for line in lines:
            state.done.append(line["doc_id"])
            state.names.extend(line["names"])
            state.end = line["end"]
        if state.end > (path.stat().st_size if path.exists() else 0):
            raise InputError("Q001", str(path), reason="it is shorter than its progress file says; remove both "
                             f"it and {state.progress_path.name} to start again")
        return state

    def skip_done(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles (text, doc_id, …) after those already done, which must come first and in the same order."""
        for index, article in enumerate(articles):
            doc_id = article[1]
            if index >= len(self.done):
                yield article
            elif doc_id != self.done[index]:
                raise InputError("Q001", str(self.progress_path), reason=f"the inputs changed since the interrupted "
                                 f"run: article {index + 1} is {doc_id!r}, it was {self.done[index]!r}")

    def writer(self) -> IO[str]:
        """The output, cut back to the last complete article and open for appending."""
        self.path.touch()
        os.truncate(self.path, self.end)
        return self.path.open("a", encoding="utf-8", newline="")

    def commit(self, fh: IO[str], doc_id: str, names: list[dict[str, Any]]) -> None:
        """One article is written: flush it, then note it in the progress file."""
        fh.flush()
        end = os.fstat(fh.fileno()).st_size
        with self.progress_path.open("a", encoding="utf-8") as progress:
            progress.write(json.dumps({"doc_id": doc_id, "end": end, "names": names}, ensure_ascii=False) + "\n")

    def finish(self) -> None:
        """The run is complete: the progress file goes."""
        self.progress_path.unlink(missing_ok=True)
