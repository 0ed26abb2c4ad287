"""The learned pass's network and its run-time side: a CUE/SOURCE/CONTENT span tagger on the parse's tensor.

The tagger listens to the pipeline's own ``tok2vec`` (frozen in training, so
the parser it serves is unchanged) and adds a small trainable encoder on top:
tagging costs a few layers, not a second embedding of the text. At run time it
reads the vectors the pipeline left on ``doc.tensor``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.ml.models.tok2vec import MaxoutWindowEncoder, tok2vec_listener_v1
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Model, chain, with_array
from thinc.types import Floats2d

from quotes._errors import ModelLoadError

__all__ = ["TAGGER_NAME", "Tagged", "Tagger", "listener_encoder", "load_tagger", "packaged_tagger_path"]

#: Name of the tagging component in the trained pipeline (config.cfg).
TAGGER_NAME = "quotes_tagger"


@registry.architectures("quotes.ListenerEncoder.v1")
def listener_encoder(width: int, upstream: str, depth: int, window_size: int) -> Model[list[Doc], list[Floats2d]]:
    """Vectors of an upstream tok2vec (``doc.tensor`` at run time) refined by ``depth`` trainable CNN layers."""
    listener = tok2vec_listener_v1(width=width, upstream=upstream)
    encoder = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
    model = chain(listener, with_array(encoder))
    model.set_dim("nO", width)
    return model


@dataclass(frozen=True)
class Tagged:
    """One span the tagger labelled: CUE, SOURCE or CONTENT over tokens ``start`` to ``end`` (exclusive)."""

    label: str
    start: int
    end: int


def packaged_tagger_path() -> Path:
    """The trained tagger shipped in the package (docs/model.md)."""
    return Path(str(resources.files("quotes") / "tagger" / "model"))


def _model_dir(path: Path) -> Path:
    """A trained pipeline folder, or a ``quotes train`` output folder holding one as ``model-best``."""
    return path / "model-best" if (path / "model-best" / "meta.json").is_file() else path


class Tagger:
    """The trained span tagger, fed with the tensor of a Doc the base pipeline has already run on."""

    def __init__(self, path: Path) -> None:
        nlp = spacy.load(_model_dir(path), exclude=["tok2vec"])
        self.pipe = nlp.get_pipe(TAGGER_NAME)
        self.base = str(nlp.config["paths"].get("base") or "")

    def fits(self, nlp: Language) -> bool:
        """True when ``nlp`` is the pipeline whose tok2vec the tagger was trained on."""
        return not self.base or self.base == f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"

    def __call__(self, doc: Doc) -> list[Tagged]:
        """The labelled spans of ``doc``; none when the pipeline left no tensor."""
        return self.tag([doc])[0]

    def tag(self, docs: list[Doc], cues: Callable[[Doc], np.ndarray] | None = None) -> list[list[Tagged]]:
        """The labelled spans of each Doc, tagged as one batch (one call per Doc costs far more).

        With ``cues`` (a Doc's per-token flags), only paragraphs holding a flagged token are tagged.
        """
        pieces = []
        for n, doc in enumerate(docs):
            if not _has_tensor(doc):
                continue
            flags = cues(doc) if cues is not None else np.ones(len(doc), dtype=bool)
            pieces += [(n, para) for para in _paragraphs(doc) if flags[para.start : para.end].any()]
        copies = [self._copy(para) for _, para in pieces]
        if copies:
            self.pipe.set_annotations(copies, self.pipe.predict(copies))
        found: list[list[Tagged]] = [[] for _ in docs]
        for (n, para), copy in zip(pieces, copies, strict=True):
            found[n] += [Tagged(e.label_, para.start + e.start, para.start + e.end) for e in copy.ents]
        return found

    def _copy(self, para: Span) -> Doc:
        """The paragraph's words and vectors as a Doc of its own, without entities (the tagger would keep them)."""
        for label in self.pipe.labels:  # the labels' strings live in the tagger's vocab, not the pipeline's
            para.doc.vocab.strings.add(label)
        copy = Doc(para.doc.vocab, words=[t.text for t in para], spaces=[bool(t.whitespace_) for t in para])
        copy.tensor = para.doc.tensor[para.start : para.end]
        return copy


def _has_tensor(doc: Doc) -> bool:
    return len(doc) > 0 and doc.tensor is not None and doc.tensor.shape[0] == len(doc)


def _paragraphs(doc: Doc) -> Iterator[Span]:
    """The Doc cut after every white-space token holding a line break: tagged apart, as in training."""
    start = 0
    for i in np.flatnonzero(doc.to_array([IS_SPACE])):
        if "\n" in doc[i].text:
            if i > start:
                yield doc[start:i]
            start = int(i) + 1
    if start < len(doc):
        yield doc[start:]


@cache
def load_tagger(path: str | None = None) -> Tagger:
    """The tagger at ``path`` (default: the packaged one), loaded once per process."""
    where = Path(path) if path else packaged_tagger_path()
    try:
        return Tagger(where)
    except (OSError, KeyError) as exc:
        raise ModelLoadError("Q010", tried=str(where)) from exc
