"""The checked lexicon: data files validated, every word a pass tests is in the data, no word lists in Python."""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest
import spacy
from spacy.glossary import GLOSSARY
from spacy.tokens import Doc

from quotes import LexiconError
from quotes._lexicon import default_lexicon, load_lexicon, read_pattern_data
from quotes._syntax import is_cue_verb
from tests.conftest import only

LEX = default_lexicon()
VOCAB = spacy.blank("en").vocab
PACKAGE = Path(__file__).parent.parent / "quotes"

# verb lists a construction reads; each of their verbs must also fire as a cue, or the construction never runs
CONSTRUCTION_VERBS = {
    "listener_verbs": LEX.listener_verbs, "as_verbs": LEX.as_verbs, "naming_verbs": LEX.naming_verbs,
    "question_verbs": LEX.question_verbs, "for_verbs": LEX.for_verbs, "infinitive_verbs": LEX.infinitive_verbs,
    "object_content_verbs": LEX.object_content_verbs, "weak_verbs": LEX.weak_verbs - LEX.document_verbs,
    **{f"topic_content[{p}]": verbs for p, verbs in LEX.topic_content.items()},
    "chains.told_verbs": LEX.chains.told_verbs, "chains.addressee_verbs": LEX.chains.addressee_verbs,
    "chains.reporting_verbs": LEX.chains.reporting_verbs,
}


def _cue_doc(lemma: str) -> Doc:
    """'The mayor <lemma>ed that it was closed.' built by hand with the verb tagged VBD."""
    words = ["The", "mayor", lemma, "that", "it", "closed", "."]
    return Doc(VOCAB, words=words, heads=[1, 2, 2, 5, 5, 2, 2],
               deps=["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
               pos=["DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
               tags=["DT", "NN", "VBD", "IN", "PRP", "VBD", "."],
               lemmas=["the", "mayor", lemma, "that", "it", "close", "."])


@pytest.mark.parametrize(("list_name", "lemma"),
                         sorted((name, lemma) for name, verbs in CONSTRUCTION_VERBS.items() for lemma in verbs))
def test_every_construction_verb_is_a_cue(list_name: str, lemma: str) -> None:
    assert is_cue_verb(_cue_doc(lemma)[2], LEX), f"{lemma} of {list_name} is not in cues.json verbs"


def test_infinitive_classes_and_report_relations_name_real_classes() -> None:
    assert LEX.infinitive_classes <= set(LEX.cue_class.values())
    assert set(LEX.report_relations) <= LEX.cue_verbs


@pytest.mark.parametrize("phrase", [" ".join(p.words) for p in LEX.adverbial_sources])
def test_every_adverbial_source_phrase_gives_its_source(phrase: str) -> None:
    q = only(f"The plan is dead, {phrase} the transport minister.")
    assert q.text == "The plan is dead"
    assert q.speaker is not None and q.speaker.mention == "the transport minister"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The mayor informed reporters that the bridge was closed.", "The mayor", "the bridge was closed"),
        ("Prices will rise, per Reuters.", "Reuters", "Prices will rise"),
        ("In the words of the minister, the plan is dead.", "the minister", "the plan is dead"),
        ("The mayor reminded residents that the water was unsafe.", "The mayor", "the water was unsafe"),
        ("The union refused to accept the offer.", "The union", "to accept the offer"),
    ],
)
def test_cues_once_listed_only_in_python_now_fire(text: str, speaker: str, content: str) -> None:
    q = only(text)
    assert (q.speaker.mention, q.text) == (speaker, content)


def test_per_as_a_rate_is_not_an_attribution() -> None:
    assert only("Shares rose 5 per cent, the company said.").speaker.mention == "the company"


def _data() -> dict:
    return copy.deepcopy(dict(LEX.data))


def test_an_unknown_key_is_an_error() -> None:
    data = _data()
    data["cues"]["listner_verbs"] = {"_source": "typo", "lemmas": ["tell"]}
    with pytest.raises(LexiconError, match=r"cues\.json: listner_verbs"):
        load_lexicon(data)


def test_a_missing_list_is_an_error() -> None:
    data = _data()
    del data["people"]["pronouns"]
    with pytest.raises(LexiconError, match=r"people\.json: pronouns"):
        load_lexicon(data)


def test_a_list_without_its_source_is_an_error() -> None:
    data = _data()
    del data["cues"]["as_verbs"]["_source"]
    with pytest.raises(LexiconError, match="as_verbs"):
        load_lexicon(data)


def test_a_bad_furniture_pattern_is_an_error() -> None:
    data = _data()
    data["furniture"]["whole_lines"]["patterns"] = ["(unclosed"]
    with pytest.raises(LexiconError, match=r"furniture\.json"):
        load_lexicon(data)


def test_an_agency_credit_with_a_sentence_end_is_an_error() -> None:
    data = _data()
    data["furniture"]["captions"]["agencies"] = [*data["furniture"]["captions"]["agencies"], "U.S. Army"]
    with pytest.raises(LexiconError, match="sentence end"):
        load_lexicon(data)


def test_a_missing_file_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError) as err:
        read_pattern_data(tmp_path)
    assert "cues.json" in str(err.value) and "\n" not in str(err.value)


def test_every_data_list_is_lower_case_where_it_is_compared_lower_case() -> None:
    people = LEX.people
    for name in ("honorifics", "person_roles", "anonymous_heads", "group_heads", "organization_heads",
                 "document_heads", "female_roles", "male_roles"):
        words = getattr(people, name)
        assert all(w == w.lower() for w in words), name


def _word_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """English words in set/tuple/list literals: lower-case alphabetic strings that are not spaCy labels."""
    found = []
    exports = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)) and id(node) not in exports:
            for elt in node.elts:
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str) and elt.value.isalpha() \
                        and elt.value.islower() and elt.value not in GLOSSARY and elt.value.upper() not in GLOSSARY:
                    found.append((elt.lineno, elt.value))
    return found


# the passes: they read English through the lexicon only
PASSES = ["_chains", "_content", "_continuation", "_direct", "_fragments", "_reported", "_speakers", "_syntax",
          "_entities", "_component"]
# words that are part of the output format or Python, not English knowledge
NOT_ENGLISH = {"direct", "mixed", "indirect", "term", "person", "organization", "group", "anonymous", "unknown",
               "rule", "model", "told", "citing", "via", "start", "end", "text", "lemma", "kind", "name",
               "tmod"}  # an older dependency label spaCy's glossary lacks


@pytest.mark.parametrize("module", PASSES)
def test_no_word_lists_in_the_passes(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    words = [(line, w) for line, w in _word_literals(tree) if w not in NOT_ENGLISH]
    assert not words, f"{module}.py has English word lists; move them to patterns/: {words}"
