"""``quotes train``: convert the data, run spaCy's training on the packaged ``config.cfg``, keep the best on dev.

The model is chosen on the dev data only (``model-best``); a folder without
``--dev`` holds out every tenth training article instead.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

import spacy
from thinc.api import Config

from quotes._convert import Article, doc_bin, load_articles, to_docs
from quotes._tagger import TAGGER_NAME

__all__ = ["config_path", "export_tagger", "prepare_corpus", "train"]

#: Every n-th training article is held out for model selection when no dev data is given.
HOLD_OUT_EVERY = 10


def config_path() -> Path:
    """The training configuration shipped with the package."""
    return Path(str(resources.files("quotes") / "tagger" / "config.cfg"))


def _read(sources: Sequence[Path], texts: Path | None) -> list[Article]:
    return [article for source in sources for article in load_articles(source, texts)]


def prepare_corpus(train_sources: Sequence[Path], dev_sources: Sequence[Path], out_dir: Path,
                   texts: Path | None = None, say: Callable[[str], None] = print) -> tuple[Path, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``out_dir/corpus`` and return their paths."""
    from quotes._loading import load_pipeline

    make_doc = load_pipeline(model_pass=False).make_doc  # the tokenizer extraction uses
    train_articles = _read(train_sources, texts)
    dev_articles = _read(dev_sources, texts)
    if not dev_articles:
        dev_articles = train_articles[::HOLD_OUT_EVERY]
        train_articles = [a for i, a in enumerate(train_articles) if i % HOLD_OUT_EVERY]
    corpus = out_dir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, articles in (("train", train_articles), ("dev", dev_articles)):
        bins = doc_bin(to_docs(articles, make_doc))
        bins.to_disk(corpus / f"{name}.spacy")
        say(f"{name}: {len(articles)} articles, {len(bins)} paragraph chunks -> {corpus / f'{name}.spacy'}")
        paths.append(corpus / f"{name}.spacy")
    return paths[0], paths[1]


def export_tagger(model_dir: Path, dest: Path) -> Path:
    """Copy a trained pipeline to ``dest`` without the base model's tok2vec (the pipeline at run time has it)
    and without the training corpus's string table (the tagger reads vectors, not strings)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(model_dir, dest, ignore=shutil.ignore_patterns("tok2vec", "vocab"))
    config = Config().from_disk(dest / "config.cfg", interpolate=False)
    config["paths"]["train"] = config["paths"]["dev"] = None  # this machine's corpus paths mean nothing elsewhere
    config.to_disk(dest / "config.cfg")
    nlp = spacy.load(dest, exclude=["tok2vec"])
    if TAGGER_NAME not in nlp.pipe_names:
        raise ValueError(f"{model_dir} holds no {TAGGER_NAME} component")
    return dest


def train(train_sources: Sequence[Path], out_dir: Path, dev_sources: Sequence[Path] = (), *,
          texts: Path | None = None, overrides: dict[str, object] | None = None, config: Path | None = None,
          say: Callable[[str], None] = print) -> Path:
    """Train the tagger and return the folder of the best model on dev, ready for ``--tagger``."""
    from spacy.cli.train import train as spacy_train

    train_path, dev_path = prepare_corpus(train_sources, dev_sources, out_dir, texts, say)
    settings = {"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})}
    spacy_train(config or config_path(), out_dir / "spacy", overrides=settings)
    best = out_dir / "spacy" / "model-best"
    return export_tagger(best if best.is_dir() else out_dir / "spacy" / "model-last", out_dir / "tagger")
