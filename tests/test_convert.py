"""Converters of training data: PolNeAR standoff and gold JSONL -> labelled Docs (hand-annotated fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from quotes._convert import Article, doc_bin, load_articles, to_docs
from quotes._evaluate import GoldError

TRAINING = Path(__file__).parent / "data" / "training"
MAYOR = (TRAINING / "split" / "text" / "mayor.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def make_doc():
    """A blank English tokenizer: the converters only need tokens."""
    return spacy.blank("en").make_doc


def labelled(docs) -> list[tuple[str, str]]:
    """(label, text) of every entity of the Docs, in order."""
    return [(e.label_, e.text) for d in docs for e in d.ents]


def test_standoff_uses_the_first_annotator_of_the_metadata(make_doc):
    articles = {a.name: a for a in load_articles(TRAINING / "split")}
    assert sorted(articles) == ["council", "mayor"]
    mayor = sorted(articles["mayor"].spans)
    assert len(mayor) == 9  # three attributions of annotator ann1, not the single one of ann2
    assert (MAYOR.index("Critics"), MAYOR.index("Critics") + 7, "SOURCE") in mayor


def test_standoff_docs_are_paragraph_chunks_with_all_three_labels(make_doc):
    docs = list(to_docs(load_articles(TRAINING / "split"), make_doc))
    assert [d.text.strip()[:12] for d in docs] == ["Council memb", "\"The budget ", "The union, i", "The mayor sa",
                                                   "Critics argu"]
    assert labelled(docs[3:4]) == [("SOURCE", "The mayor"), ("CUE", "said"),
                                   ("CONTENT", "that the bridge would reopen in May")]
    assert ("CONTENT", '"We waited too long."') in labelled(docs)


@pytest.mark.parametrize(("spans", "expected"), [
    # an attribution nested in another's content gives way to the outer content
    ([(0, 50, "CONTENT"), (15, 20, "SOURCE"), (21, 25, "CUE")], [("CONTENT", 0, 50)]),
    # crossing spans: the longer is kept
    ([(0, 20, "CONTENT"), (15, 40, "CONTENT")], [("CONTENT", 15, 40)]),
    # side by side: both kept
    ([(0, 9, "SOURCE"), (10, 14, "CUE")], [("SOURCE", 0, 9), ("CUE", 10, 14)]),
])
def test_outermost_span_is_kept_where_spans_overlap(make_doc, spans, expected):
    text = "The mayor said that the bridge would reopen in May, officials added."
    docs = list(to_docs([Article("a", text, spans)], make_doc))
    ents = [(e.label_, e.start_char, e.end_char) for e in docs[0].ents]
    assert [label for label, *_ in ents] == [label for label, *_ in expected]
    for (_, start, end), (_, want_start, want_end) in zip(ents, expected, strict=True):
        assert start <= want_start and end >= want_end  # snapped outward to whole tokens
        assert end - start - (want_end - want_start) < 8


def test_a_span_across_a_paragraph_break_keeps_the_paragraphs_together(make_doc):
    text = "He said:\n\nthe plan works\n\nand it is cheap.\n\nOther news."
    start, end = text.index("the plan"), text.index("cheap") + 5
    docs = list(to_docs([Article("a", text, [(start, end, "CONTENT")])], make_doc))
    assert [d.text.strip() for d in docs] == ["He said:", "the plan works\n\nand it is cheap.", "Other news."]
    assert labelled(docs) == [("CONTENT", "the plan works\n\nand it is cheap")]


def test_gold_jsonl_finds_quote_mention_and_cue_in_the_text(make_doc):
    articles = load_articles(TRAINING / "gold.jsonl")
    docs = list(to_docs(articles, make_doc))
    assert labelled(docs) == [
        ("SOURCE", "The mayor"), ("CUE", "said"), ("CONTENT", "the bridge would reopen in May"),
        ("CONTENT", "The budget is balanced,"), ("SOURCE", "the treasurer"), ("CUE", "said"),
    ]


def test_gold_jsonl_with_offsets_uses_them(tmp_path, make_doc):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Ann said the price fell. Ann said it twice.", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        '{"doc": "a.txt", "spans": [[34, 42]], "source_spans": [[25, 28]], "cue": "said"}\n', encoding="utf-8")
    docs = list(to_docs(load_articles(tmp_path / "gold.jsonl"), make_doc))
    ents = [(e.label_, e.start_char) for e in docs[0].ents]
    assert ents == [("SOURCE", 25), ("CUE", 29), ("CONTENT", 34)]  # the cue nearest the content


def test_a_bad_gold_line_is_named(tmp_path):
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "quote": "x"}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:3: not JSON"):
        load_articles(tmp_path / "gold.jsonl")


def test_doc_bin_round_trips_the_labels(make_doc):
    docs = list(to_docs(load_articles(TRAINING / "split"), make_doc))
    restored = list(doc_bin(docs).get_docs(spacy.blank("en").vocab))
    assert labelled(restored) == labelled(docs)
