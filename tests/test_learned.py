"""The learned pass: combining hand-placed tagger spans with the rules, the switch, and a tiny end-to-end training."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc, Span

import quotes
from quotes._component import find_quotes
from quotes._marks import scan_quotes

TRAINING = Path(__file__).parent / "data" / "training"
QUOTES_CLI = Path(sys.executable).parent / "quotes"


@pytest.fixture(scope="module")
def nlp():
    """The rules-only pipeline: its parse to place tagger spans on, its component's lexicon for the passes."""
    return quotes.load_pipeline(model_pass=False)


@pytest.fixture(scope="module")
def full():
    """The default pipeline, learned pass included."""
    return quotes.load_pipeline()


@pytest.fixture(scope="module")
def parse(nlp):
    """A parsed Doc, without the quotes component's records."""
    def run(text: str) -> Doc:
        with nlp.select_pipes(disable=["quotes"]):
            return nlp(text)
    return run


@pytest.fixture(scope="module")
def records(nlp):
    """The speech records of the passes given the tagger's spans (None: rules only)."""
    component = nlp.get_pipe("quotes")

    def run(doc: Doc, spans: list[Span] | None) -> list[dict[str, Any]]:
        found = find_quotes(doc, scan_quotes(doc.text), component.lexicon, component.names, [], spans)
        return [r for r in found if r["kind"] in ("direct", "mixed", "indirect")]
    return run


def tagged(doc: Doc, *parts: tuple[str, str]) -> list[Span]:
    """Spans labelled as the tagger would, each found by its text."""
    out = []
    for label, words in parts:
        start = doc.text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None, words
        out.append(span)
    return out


def test_agreement_marks_the_record_rule_plus_model(parse, records):
    doc = parse("Jane Smith said that the bridge would reopen in May.")
    rules = records(doc, None)
    both = records(doc, tagged(doc, ("SOURCE", "Jane Smith"), ("CUE", "said"),
                               ("CONTENT", "that the bridge would reopen in May")))
    assert [r["method"] for r in rules] == ["rule"]
    assert [(r["method"], r["text"]) for r in both] == [("rule+model", "the bridge would reopen in May")]
    assert both[0]["confidence"] > rules[0]["confidence"]


@pytest.mark.parametrize(("tagged_content", "expected"), [
    ("the plan failed, and the council must now start again", "the plan failed, and the council must now start again"),
    # a last word that only links to what follows is not content
    ("the plan failed, and the council must now start again with", "the plan failed, and the council must now "
                                                                   "start again"),
])
def test_tagged_content_running_on_widens_reported_speech(parse, records, tagged_content, expected):
    doc = parse("Ms. Lee said the plan failed, and the council must now start again with new rules.")
    assert [r["text"] for r in records(doc, None)] == ["the plan failed"]
    both = records(doc, tagged(doc, ("SOURCE", "Ms. Lee"), ("CUE", "said"), ("CONTENT", tagged_content)))
    assert [r["text"] for r in both] == [expected]


def test_quote_marks_keep_the_rules_boundaries(parse, records):
    doc = parse("“We waited too long,” Ms. Lee told reporters on Monday.")
    both = records(doc, tagged(doc, ("CONTENT", "“We waited too long,” Ms. Lee"), ("CUE", "told")))
    assert [(r["method"], r["text"]) for r in both] == [("rule+model", "We waited too long,")]


@pytest.mark.parametrize(("text", "parts", "expected"), [
    # a speech cue the rules' parse reading missed: a model record, speaker through the parse
    ("The union, in a statement, warned members the strike would continue.",
     [("SOURCE", "The union"), ("CUE", "warned"), ("CONTENT", "the strike would continue")],
     [("model", "indirect", "the strike would continue", "The union")]),
    # a cue that is not speech adds nothing
    ("Stein boarded a shuttle bus meant for news media as it headed to the venue.",
     [("SOURCE", "Stein"), ("CUE", "boarded"), ("CONTENT", "a shuttle bus meant for news media")], []),
    # a nominal content is no reported speech, even with a participle in it
    ("Residents protested the rising costs.",
     [("SOURCE", "Residents"), ("CUE", "protested"), ("CONTENT", "the rising costs")], []),
    # a cue in the sentence before introduces something else
    ("Ms. Lee spoke at length. The council had been asked to consider new rules.",
     [("SOURCE", "Ms. Lee"), ("CUE", "spoke"), ("CONTENT", "to consider new rules")], []),
    # a content without a cue near it adds nothing
    ("The strike would continue, and the talks had failed again by Monday evening in the capital.",
     [("CONTENT", "The strike would continue")], []),
    # the subject of a passive cue is what is reported on, not who spoke
    ("The developer, who received an OBE, was said to have been worth more than £200m at the peak.",
     [("SOURCE", "The developer, who received an OBE"), ("CUE", "was said"),
      ("CONTENT", "to have been worth more than £200m at the peak")], []),
])
def test_records_only_the_tagger_found(parse, records, text, parts, expected):
    doc = parse(text)
    assert records(doc, None) == []
    found = records(doc, tagged(doc, *parts))
    assert [(r["method"], r["kind"], r["text"], r["speaker"]["mention"]) for r in found] == expected


def test_no_model_leaves_the_learned_pass_out(full, nlp):
    text = "The union, in a statement, warned members the strike would continue. The mayor said the plan failed."
    assert "quotes_learned" in full.pipe_names and "quotes_learned" not in nlp.pipe_names
    assert {q.method for q in quotes.extract(text, model_pass=False)} == {"rule"}
    assert {q.method for q in quotes.extract(text)} <= {"rule", "model", "rule+model"}


def test_the_tagger_skips_paragraphs_by_the_pipelines_own_cue_lexicon():
    """A cue verb added through the ``quotes`` component's overrides counts for the learned pass's paragraph filter."""
    nlp = quotes.load_pipeline()
    nlp.remove_pipe("quotes")
    warning = [*quotes.load_pipeline().get_pipe("quotes").lexicon.data["cues"]["verbs"]["warning"], "kvetch"]
    nlp.add_pipe("quotes", config={"overrides": {"cues": {"verbs": {"warning": warning}}}})
    ids = set(nlp.get_pipe("quotes_learned").cue_ids.tolist())
    assert nlp.vocab.strings["kvetch"] in ids and nlp.vocab.strings["say"] in ids
    assert nlp.vocab.strings["the"] not in ids


def test_packaged_tagger_tags_an_ordinary_report(full):
    doc = full("The mayor said on Tuesday that the bridge would reopen in May.")
    labels = {(s.label_, s.text) for s in doc.spans["quotes_learned"]}
    assert ("CUE", "said") in labels and ("SOURCE", "The mayor") in labels


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(QUOTES_CLI), *args], capture_output=True, text=True, timeout=300)


def test_train_end_to_end_then_extract_with_the_result(tmp_path):
    """A few steps on three tiny articles, through the real command; the tagger then finds what it was shown."""
    out = tmp_path / "run"
    trained = _cli("train", str(TRAINING / "split"), "--dev", str(TRAINING / "gold.jsonl"), "-o", str(out),
                   "--max-steps", "30", "--eval-frequency", "15", "--set", "training.max_epochs=0",
                   "--set", "training.optimizer.learn_rate=0.01")
    assert trained.returncode == 0, trained.stderr[-2000:]
    assert "train: 2 articles" in trained.stderr and (out / "tagger" / "meta.json").is_file()
    article = TRAINING / "split" / "text" / "council.txt"
    extracted = _cli("extract", str(article), "--tagger", str(out / "tagger"), "-f", "jsonl")
    assert extracted.returncode == 0, extracted.stderr
    found = [json.loads(line) for line in extracted.stdout.splitlines()]
    union = [r for r in found if r["text"] == "the strike would continue"]
    assert [(r["method"], r["speaker"]["mention"]) for r in union] == [("model", "The union")]
    rules_only = _cli("extract", str(article), "--no-model", "-f", "jsonl")
    assert "the strike would continue" not in rules_only.stdout
    assert {json.loads(line)["method"] for line in rules_only.stdout.splitlines()} == {"rule"}


def test_train_rejects_a_malformed_setting(tmp_path):
    result = _cli("train", str(TRAINING / "split"), "-o", str(tmp_path / "x"), "--set", "no-equals-sign")
    assert result.returncode == 1 and "error:" in result.stderr


def test_a_missing_tagger_is_one_error_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Jane Smith said the plan failed.", encoding="utf-8")
    result = _cli("extract", str(article), "--tagger", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("error: [Q010]") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(("paragraph", "tagged"), [
    ("The bridge opened in 1932 and carries four lanes.", False),
    ("Jane Smith said the bridge would reopen.", True),        # a cue verb
    ("The bridge is “historic” to many.", True),               # quote marks
    ("Her statement came late on Monday.", True),              # a cue noun
])
def test_only_paragraphs_with_a_cue_candidate_are_tagged(full, paragraph, tagged):
    doc = full(f"{paragraph}\n\nJane Smith told reporters the plan had failed.")
    first_paragraph_end = len(paragraph)
    first = doc.char_span(0, first_paragraph_end)
    assert bool(full.get_pipe("quotes_learned").cue_flags(doc)[first.start : first.end].any()) is tagged
    assert any(s.start_char >= first_paragraph_end for s in doc.spans["quotes_learned"])
