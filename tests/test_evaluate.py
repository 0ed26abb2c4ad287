"""The project's scorer: matching, each figure on tiny hand-made gold, agreement with the shared scorer, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotes._evaluate import GoldError, detail_lines, format_table, load_jsonl, pair_up, score, spans_match

DATA = Path(__file__).parent / "data"
SEED_GOLD, SEED_TEXTS = DATA / "seeds_gold.jsonl", DATA / "seeds"
SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_quotes.py"
QUOTES_CLI = Path(sys.executable).parent / "quotes"

TEXT = ('Jane Smith said "we will win the vote tomorrow." Analysts warned that the plan could fail badly. '
        "He told reporters that taxes would rise.")
WIN, FAIL, TAXES = "we will win the vote tomorrow.", "the plan could fail badly", "taxes would rise"
JANE = {"speaker": "Jane Smith", "speaker_kind": "person", "aliases": ["Smith"]}


def at(part: str) -> tuple[int, int]:
    """Offsets of ``part`` in TEXT."""
    start = TEXT.index(part)
    return start, start + len(part)


def gold(quote: str, kind: str, required: bool = True, **extra: Any) -> dict[str, Any]:
    """A gold record on TEXT."""
    return {"doc": "a.txt", "kind": kind, "quote": quote, "required": required, **extra}


def pred(span: tuple[int, int], kind: str, name: str | None = None, doc: str = "a", **extra: Any) -> dict[str, Any]:
    """A predicted record on TEXT with an optional speaker name."""
    speaker = {"mention": name, "name": name, "entity_id": extra.pop("entity_id", None)} if name else None
    return {"doc_id": doc, "kind": kind, "spans": [{"start": span[0], "end": span[1]}], "speaker": speaker,
            "text": TEXT[span[0]:span[1]], **extra}


GOLD = [gold(WIN, "direct", **JANE), gold(FAIL, "indirect", speaker="Analysts", speaker_kind="group",
                                           match=["analyst"]),
        gold(TAXES, "indirect", chain=["reporters"], **JANE)]


def run(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures of ``preds`` against ``golds`` on TEXT."""
    return score(golds, {"a": TEXT}, preds).figures


# --- matching -----------------------------------------------------------------------------------------------


def test_spans_match_at_half_of_the_shorter_span() -> None:
    assert spans_match([(0, 10)], [(5, 40)])  # 5 shared = half of 10
    assert not spans_match([(0, 10)], [(6, 40)])  # 4 shared < 5
    assert spans_match([(0, 4), (10, 14)], [(2, 12)])  # split spans add up: 2 + 2 >= 4
    assert not spans_match([(0, 10)], [])


def test_pair_up_takes_largest_overlaps_first_and_uses_each_record_once() -> None:
    golds = [[(0, 10)], [(8, 30)]]
    preds = [[(0, 30)], [(0, 9)]]
    assert pair_up(golds, preds) == {1: 0, 0: 1}
    assert pair_up(golds, [[(0, 30)]]) == {1: 0}


# --- figures ------------------------------------------------------------------------------------------------


def test_perfect_predictions_score_one_everywhere() -> None:
    preds = [pred(at(WIN), "direct", "Jane Smith"), pred(at(FAIL), "indirect", "Analysts"),
             pred(at(TAXES), "indirect", "Smith", listener={"text": "reporters"})]
    fig = run(GOLD, preds)
    assert fig["quotes"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert fig["quote_speaker"]["f"] == fig["content_exact"]["f"] == 1.0
    assert fig["speaker_accuracy"] == fig["kind_accuracy"] == fig["chain_recall"] == 1.0
    assert fig["recall_by_kind"] == {"direct": 1.0, "indirect": 1.0}
    assert fig["counts"] == {"gold": 3, "found": 3, "false": 0, "speaker_right": 3}


def test_miss_false_record_and_wrong_speaker_lower_the_right_figures() -> None:
    preds = [pred(at(WIN), "mixed", "Jane Smith"), pred(at(FAIL), "indirect", "Bob Jones"),
             pred(at("Jane Smith said"), "indirect", "Jane Smith")]
    fig = run(GOLD, preds)
    assert fig["counts"] == {"gold": 3, "found": 2, "false": 1, "speaker_right": 1}
    assert fig["quotes"]["p"] == pytest.approx(2 / 3) and fig["quotes"]["r"] == pytest.approx(2 / 3)
    assert fig["recall_by_kind"] == {"direct": 1.0, "indirect": 0.5}
    assert fig["speaker_accuracy"] == 0.5 and fig["kind_accuracy"] == 0.5
    # end to end a wrong speaker is a miss plus a false record: 1 right of 3 gold, 2 false
    assert fig["quote_speaker"]["p"] == pytest.approx(1 / 3) and fig["quote_speaker"]["r"] == pytest.approx(1 / 3)


def test_verbose_lines_name_misses_wrong_speakers_and_false_records() -> None:
    preds = [pred(at(FAIL), "indirect", "Bob Jones"), pred(at("Jane Smith said"), "indirect", "Jane Smith")]
    lines = detail_lines(score(GOLD, {"a": TEXT}, preds))
    assert [line.split()[0] for line in lines] == ["MISS", "MISS", "WHO?", "FALSE"]
    assert "gold='Analysts'" in lines[2] and "'Bob Jones'" in lines[2]


def test_optional_gold_is_neither_rewarded_nor_punished() -> None:
    golds = [GOLD[0], gold(FAIL, "indirect", required=False, speaker="Analysts", speaker_kind="group")]
    with_it = run(golds, [pred(at(WIN), "direct", "Smith"), pred(at(FAIL), "indirect", "Analysts")])
    without = run(golds, [pred(at(WIN), "direct", "Smith")])
    assert with_it == without
    assert with_it["counts"] == {"gold": 1, "found": 1, "false": 0, "speaker_right": 1}


def test_term_records_are_ignored_and_unknown_documents_count_as_false() -> None:
    preds = [pred(at(WIN), "term"), pred(at(WIN), "direct", "Smith", doc="other")]
    fig = run(GOLD, preds)
    assert fig["counts"]["found"] == 0
    assert fig["counts"]["false"] == 1


def test_exact_content_ignores_marks_and_edge_punctuation_only() -> None:
    quoted = (TEXT.index(WIN) - 1, TEXT.index(WIN) + len(WIN) + 1)  # with both quote marks
    assert TEXT[quoted[0]] == TEXT[quoted[1] - 1] == '"'
    assert run(GOLD[:1], [pred(quoted, "direct", "Smith")])["content_exact"]["f"] == 1.0
    shorter = (quoted[0], quoted[1] - len(' tomorrow."'))
    fig = run(GOLD[:1], [pred(shorter, "direct", "Smith")])
    assert fig["quotes"]["f"] == 1.0 and fig["content_exact"]["f"] == 0.0


@pytest.mark.parametrize(("who", "right"),
                         [("Smith", True), ("Ms. Jane Smith", True), ("Jane Doe", False), (None, False)])
def test_person_speaker_is_right_by_surname_of_name_or_alias(who: str | None, right: bool) -> None:
    assert run(GOLD[:1], [pred(at(WIN), "direct", who)])["speaker_accuracy"] == float(right)


def test_unnamed_speaker_is_right_when_a_match_word_is_in_name_or_mention() -> None:
    assert run(GOLD[1:2], [pred(at(FAIL), "indirect", "two analysts")])["speaker_accuracy"] == 1.0
    assert run(GOLD[1:2], [pred(at(FAIL), "indirect", "officials")])["speaker_accuracy"] == 0.0


def test_span_gold_speaker_must_point_at_the_annotated_source() -> None:
    g = {"doc": "a.txt", "kind": "indirect", "required": True, "spans": [list(at(FAIL))], "source": "Analysts",
         "source_spans": [list(at("Analysts"))], "speaker_kind": "mention"}
    mention = {"mention": "they", "start": at("Analysts")[0], "end": at("Analysts")[1]}
    elsewhere = {"mention": "he", "start": at("He")[0], "end": at("He")[1]}
    assert run([g], [{**pred(at(FAIL), "indirect"), "speaker": mention}])["speaker_accuracy"] == 1.0
    assert run([g], [{**pred(at(FAIL), "indirect"), "speaker": elsewhere}])["speaker_accuracy"] == 0.0
    unsourced = {**g, "source_spans": [], "source": None}
    assert run([unsourced], [pred(at(FAIL), "indirect")])["speaker_accuracy"] == 1.0
    fig = run([g], [{**pred(at(FAIL), "indirect"), "speaker": mention}])
    assert fig["source_exact_f1"] == 1.0
    assert run(GOLD, [])["source_exact_f1"] is None


def test_chain_recall_reads_hops_and_listener() -> None:
    g = gold(TAXES, "indirect", chain=["reporters", "Axios"], **JANE)
    hop = {"relation": "according_to", "target": "Axios"}
    assert run([g], [pred(at(TAXES), "indirect", "Smith", listener={"text": "reporters"}, chain=[hop])])[
        "chain_recall"] == 1.0
    assert run([g], [pred(at(TAXES), "indirect", "Smith", listener={"text": "reporters"})])["chain_recall"] == 0.0


def test_one_person_with_two_entity_ids_is_inconsistent() -> None:
    preds = [pred(at(WIN), "direct", "Jane Smith", entity_id="jane-smith"),
             pred(at(TAXES), "indirect", "Smith", entity_id="smith")]
    evaluation = score(GOLD, {"a": TEXT}, preds)
    assert evaluation.figures["entities_consistent"] == "0/1"
    assert "SPLIT  Jane Smith: ['jane-smith', 'smith']" in detail_lines(evaluation)
    same = [pred(at(WIN), "direct", "Jane Smith", entity_id="jane-smith"),
            pred(at(TAXES), "indirect", "Smith", entity_id="jane-smith")]
    assert run(GOLD, same)["entities_consistent"] == "1/1"


def test_gold_quote_missing_from_the_text_is_an_error() -> None:
    with pytest.raises(GoldError, match=r"not found in a\.txt"):
        run([gold("words nobody wrote", "direct", **JANE)], [])


def test_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a.txt"}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:3: not JSON"):
        load_jsonl(path)


def test_table_shows_every_figure() -> None:
    table = format_table(score(GOLD, {"a": TEXT}, [pred(at(WIN), "direct", "Smith"), pred(at(TAXES), "indirect")]))
    for label in ("quotes", "recall by kind", "speaker accuracy", "entities consistent", "kind accuracy",
                  "chain recall", "content exact F1", "quote+speaker F1", "counts"):
        assert any(line.startswith(label) for line in table.splitlines()), label
    assert "P 1.000  R 0.667  F1 0.800" in table
    assert "chain recall         0.000" in table  # TAXES found without its chain
    assert "chain recall         -" in format_table(score(GOLD, {"a": TEXT}, []))  # no chain to look for


# --- the installed CLI and the shared scorer ----------------------------------------------------------------


def quotes_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed ``quotes`` entry point."""
    return subprocess.run([str(QUOTES_CLI), *map(str, args)], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extractor's JSONL on the seed articles, written by ``quotes extract``."""
    out = tmp_path_factory.mktemp("pred") / "seeds.jsonl"
    done = quotes_cli("extract", SEED_TEXTS, "--format", "jsonl", "-o", out)
    assert done.returncode == 0, done.stderr
    return out


def span_gold(path: Path) -> Path:
    """The seed gold rewritten in the span-annotated (PolNeAR) form: spans, source_spans, source."""
    rows = []
    for g in load_jsonl(SEED_GOLD):
        text = (SEED_TEXTS / g["doc"]).read_text(encoding="utf-8")
        parts = g["quote"] if isinstance(g["quote"], list) else [g["quote"]]
        spans = [[text.index(p), text.index(p) + len(p)] for p in parts]
        mention = g.get("mention") or ""
        source = [[text.index(mention), text.index(mention) + len(mention)]] if mention in text and mention else []
        rows.append({"doc": g["doc"], "kind": g["kind"], "spans": spans, "source": mention or None,
                     "source_spans": source, "speaker_kind": "mention", "required": g["required"]})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason=f"shared scorer not here: {SHARED_SCORER}")
@pytest.mark.parametrize("form", ["quote strings", "spans"])
def test_figures_equal_the_shared_scorer_on_the_seed_gold(seed_predictions: Path, tmp_path: Path, form: str) -> None:
    gold_path = SEED_GOLD if form == "quote strings" else span_gold(tmp_path / "span_gold.jsonl")
    ours = quotes_cli("evaluate", gold_path, SEED_TEXTS, "--pred", seed_predictions, "--json")
    shared = subprocess.run([sys.executable, str(SHARED_SCORER), str(gold_path), str(SEED_TEXTS),
                             str(seed_predictions), "--json"], capture_output=True, text=True, timeout=120)
    assert ours.returncode == 0 and shared.returncode == 0, ours.stderr + shared.stderr
    assert json.loads(ours.stdout) == json.loads(shared.stdout)


def test_cli_without_pred_runs_the_extractor(seed_predictions: Path) -> None:
    given = quotes_cli("evaluate", SEED_GOLD, SEED_TEXTS, "--pred", seed_predictions, "--json")
    own = quotes_cli("evaluate", SEED_GOLD, SEED_TEXTS, "--json")
    assert own.returncode == 0, own.stderr
    assert json.loads(own.stdout) == json.loads(given.stdout)
    assert json.loads(own.stdout)["counts"]["found"] > 0


def test_cli_verbose_table_lists_details_before_the_figures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred(at(FAIL), "indirect", "Bob")) + "\n", encoding="utf-8")
    done = quotes_cli("evaluate", tmp_path / "gold.jsonl", tmp_path, "--pred", tmp_path / "pred.jsonl", "--verbose")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines[:4]] == ["MISS", "MISS", "WHO?", "quotes"]
    verbose_json = quotes_cli("evaluate", tmp_path / "gold.jsonl", tmp_path, "--pred", tmp_path / "pred.jsonl",
                              "--json", "--verbose")
    assert json.loads(verbose_json.stdout)["details"][2].startswith("WHO?")


def test_cli_errors_go_to_stderr_with_exit_codes(tmp_path: Path) -> None:
    missing = quotes_cli("evaluate", tmp_path / "nope.jsonl", tmp_path)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("error:") and "nope.jsonl" in missing.stderr
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold(WIN, "direct", **JANE)) + "\n", encoding="utf-8")
    no_text = quotes_cli("evaluate", tmp_path / "gold.jsonl", tmp_path, "--pred", tmp_path / "gold.jsonl")
    assert no_text.returncode == 1 and "a.txt" in no_text.stderr
    usage = quotes_cli("evaluate", tmp_path / "gold.jsonl")
    assert usage.returncode == 2 and usage.stdout == ""


def test_leading_that_is_cut_as_the_shared_scorer_cuts_it(tmp_path: Path) -> None:
    """Hand-made PolNeAR-style gold: 'that ' before a content is not content on either side; 'that,' stays.

    Expected figures worked out by hand, and equal to what ../shared/eval/score_quotes.py printed on the same files.
    """
    text = ("Jane Smith said that the plan could fail badly. Bob Lee said that, “For now, we wait.” "
            "Ann Roe said that taxes would rise.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")

    def span(part: str) -> list[int]:
        start = text.index(part)
        return [start, start + len(part)]

    golds = [{"doc": "a.txt", "kind": kind, "spans": [span(part)], "source_spans": [span(who)], "source": who,
              "required": True, "speaker_kind": "mention"}
             for kind, part, who in (("indirect", "that the plan could fail badly", "Jane Smith"),
                                     ("mixed", "that, “For now, we wait.”", "Bob Lee"),
                                     ("indirect", "taxes would rise", "Ann Roe"))]
    preds = [{"doc_id": "a", "kind": "indirect", "spans": [dict(zip(("start", "end"), span(part), strict=True))],
              "speaker": {"mention": who, "name": who, "entity_id": None, "start": span(who)[0], "end": span(who)[1]},
              "listener": None, "chain": []}
             for part, who in (("the plan could fail badly", "Jane Smith"), ("For now, we wait.", "Bob Lee"),
                               ("that taxes would rise", "Ann Roe"))]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    done = quotes_cli("evaluate", tmp_path / "gold.jsonl", tmp_path, "--pred", tmp_path / "pred.jsonl", "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["content_exact"] == pytest.approx({"p": 2 / 3, "r": 2 / 3, "f": 2 / 3})
    assert figures["quotes"] == pytest.approx({"p": 1.0, "r": 1.0, "f": 1.0})
