"""Structural rules on hand-built parses (words, heads, labels), so they do not move when the model does."""

from __future__ import annotations

import pytest

from quotes._chains import source_hops
from quotes._content import complement, verb_content
from quotes._lexicon import default_lexicon
from quotes._marks import scan_quotes
from quotes._syntax import DocIndex, noun_phrase, relative_antecedent, speaker_of, subject_of
from tests.conftest import Row, hand_parse

LEX = default_lexicon()


# "The senator rejected the bill , arguing that it would fail ."
ARGUING: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
    ("rejected", 2, "ROOT", "VERB", "VBD", "reject"), ("the", 4, "det", "DET", "DT", "the"),
    ("bill", 2, "dobj", "NOUN", "NN", "bill"), (",", 2, "punct", "PUNCT", ",", ","),
    ("arguing", 2, "advcl", "VERB", "VBG", "argue"), ("that", 10, "mark", "SCONJ", "IN", "that"),
    ("it", 10, "nsubj", "PRON", "PRP", "it"), ("would", 10, "aux", "AUX", "MD", "would"),
    ("fail", 6, "ccomp", "VERB", "VB", "fail"), (".", 2, "punct", "PUNCT", ".", "."),
]


def test_participle_inherits_the_main_clause_subject() -> None:
    doc = hand_parse(ARGUING)
    assert subject_of(doc[6], LEX).text == "senator"
    assert speaker_of(doc[6], LEX).text == "The senator"


def test_content_of_a_that_clause_drops_the_complementizer() -> None:
    doc = hand_parse(ARGUING)
    (content,) = verb_content(doc[6], DocIndex(doc, []), LEX)
    assert content.text == "it would fail"


# "( this is his visit ) , Smith said that talks stalled ."
BRACKETED: list[Row] = [
    ("(", 2, "punct", "PUNCT", "-LRB-", "("), ("this", 2, "nsubj", "PRON", "DT", "this"),
    ("is", 8, "ccomp", "AUX", "VBZ", "be"), ("his", 4, "poss", "PRON", "PRP$", "his"),
    ("visit", 2, "attr", "NOUN", "NN", "visit"), (")", 2, "punct", "PUNCT", "-RRB-", ")"),
    (",", 8, "punct", "PUNCT", ",", ","), ("Smith", 8, "nsubj", "PROPN", "NNP", "Smith"),
    ("said", 8, "ROOT", "VERB", "VBD", "say"), ("that", 11, "mark", "SCONJ", "IN", "that"),
    ("talks", 11, "nsubj", "NOUN", "NNS", "talk"), ("stalled", 8, "ccomp", "VERB", "VBD", "stall"),
    (".", 8, "punct", "PUNCT", ".", "."),
]


def test_nearest_complement_after_the_verb_wins_over_a_parenthesis() -> None:
    doc = hand_parse(BRACKETED)
    assert complement(doc[8], LEX).text == "stalled"


# "Climate change , Obama says , is the threat ."
PARENTHETICAL: list[Row] = [
    ("Climate", 1, "compound", "NOUN", "NN", "climate"), ("change", 6, "nsubj", "NOUN", "NN", "change"),
    (",", 4, "punct", "PUNCT", ",", ","), ("Obama", 4, "nsubj", "PROPN", "NNP", "Obama"),
    ("says", 6, "parataxis", "VERB", "VBZ", "say"), (",", 4, "punct", "PUNCT", ",", ","),
    ("is", 6, "ROOT", "AUX", "VBZ", "be"), ("the", 8, "det", "DET", "DT", "the"),
    ("threat", 6, "attr", "NOUN", "NN", "threat"), (".", 6, "punct", "PUNCT", ".", "."),
]


def test_parenthetical_cue_reports_its_host_clause_in_two_parts() -> None:
    doc = hand_parse(PARENTHETICAL)
    assert [p.text for p in verb_content(doc[4], DocIndex(doc, []), LEX)] == ["Climate change", "is the threat"]


# "The plan will fail , experts say ."
PREPOSED: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("plan", 3, "nsubj", "NOUN", "NN", "plan"),
    ("will", 3, "aux", "AUX", "MD", "will"), ("fail", 6, "dep", "VERB", "VB", "fail"),
    (",", 6, "punct", "PUNCT", ",", ","), ("experts", 6, "nsubj", "NOUN", "NNS", "expert"),
    ("say", 6, "ROOT", "VERB", "VBP", "say"), (".", 6, "punct", "PUNCT", ".", "."),
]


def test_clause_before_a_sentence_final_cue_is_its_content() -> None:
    doc = hand_parse(PREPOSED)
    assert [p.text for p in verb_content(doc[6], DocIndex(doc, []), LEX)] == ["The plan will fail"]


# "a report by CNN citing sources"
CITING: list[Row] = [
    ("a", 1, "det", "DET", "DT", "a"), ("report", 1, "ROOT", "NOUN", "NN", "report"),
    ("by", 1, "prep", "ADP", "IN", "by"), ("CNN", 4, "nsubj", "PROPN", "NNP", "CNN"),
    ("citing", 5, "compound", "VERB", "VBG", "cite"), ("sources", 2, "pobj", "NOUN", "NNS", "source"),
]


def test_source_hops_read_off_the_words_whatever_the_attachment() -> None:
    doc = hand_parse(CITING)
    source, hops = source_hops(doc[1], LEX)
    assert source.text == "a report by CNN"
    assert [(r, s.text) for r, s in hops] == [("citing", "sources")]


# "Later Smith 's aide said ..."
NOUN_PHRASE: list[Row] = [
    ("Later", 3, "advmod", "ADV", "RB", "later"), ("Smith", 3, "poss", "PROPN", "NNP", "Smith"),
    ("'s", 1, "case", "PART", "POS", "'s"), ("aide", 4, "nsubj", "NOUN", "NN", "aide"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
]


def test_noun_phrases_lose_leading_adverbs_and_possessive_markers() -> None:
    doc = hand_parse(NOUN_PHRASE)
    assert noun_phrase(doc[3]).text == "Smith's aide"
    assert noun_phrase(doc[1]).text == "Smith"


def test_quote_index_marks_tokens_inside_quotes() -> None:
    rows: list[Row] = [
        ("“", 1, "punct", "PUNCT", "``", "“"), ("Go", 5, "ccomp", "VERB", "VB", "go"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("”", 1, "punct", "PUNCT", "''", "”"), ("she", 5, "nsubj", "PRON", "PRP", "she"),
        ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ]
    doc = hand_parse(rows)
    qx = DocIndex(doc, scan_quotes(doc.text))
    assert [qx.inside(t) for t in doc] == [True, True, True, True, False, False]


# "The plan includes troops , Carter told a panel ." with the cue parsed as a conjunct of its content
TOLD_PANEL: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("plan", 2, "nsubj", "NOUN", "NN", "plan"),
    ("includes", 2, "ROOT", "VERB", "VBZ", "include"), ("troops", 2, "dobj", "NOUN", "NNS", "troop"),
    (",", 2, "punct", "PUNCT", ",", ","), ("Carter", 6, "nsubj", "PROPN", "NNP", "Carter"),
    ("told", 2, "conj", "VERB", "VBD", "tell"), ("a", 8, "det", "DET", "DT", "a"),
    ("panel", 6, "dobj", "NOUN", "NN", "panel"), (".", 6, "punct", "PUNCT", ".", "."),
]


def test_preposed_content_before_a_verb_of_telling_and_its_listener() -> None:
    doc = hand_parse(TOLD_PANEL)
    assert [p.text for p in verb_content(doc[6], DocIndex(doc, []), LEX)] == ["The plan includes troops"]


# "The difference , he told me , is size ." with the cue hung on the host clause's subject
ON_SUBJECT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("difference", 7, "nsubj", "NOUN", "NN", "difference"),
    (",", 4, "punct", "PUNCT", ",", ","), ("he", 4, "nsubj", "PRON", "PRP", "he"),
    ("told", 1, "parataxis", "VERB", "VBD", "tell"), ("me", 4, "dobj", "PRON", "PRP", "I"),
    (",", 4, "punct", "PUNCT", ",", ","), ("is", 7, "ROOT", "AUX", "VBZ", "be"),
    ("size", 7, "attr", "NOUN", "NN", "size"), (".", 7, "punct", "PUNCT", ".", "."),
]


def test_parenthetical_cue_hung_on_the_host_subject_reports_the_host_clause() -> None:
    doc = hand_parse(ON_SUBJECT)
    assert [p.text for p in verb_content(doc[4], DocIndex(doc, []), LEX)] == ["The difference", "is size"]


# "If anything , Ash argued , the rule is wrong ." with the cue made the complement of the clause after it
HUNG_BEFORE: list[Row] = [
    ("If", 1, "mark", "SCONJ", "IN", "if"), ("anything", 4, "advcl", "PRON", "NN", "anything"),
    (",", 4, "punct", "PUNCT", ",", ","), ("Ash", 4, "nsubj", "PROPN", "NNP", "Ash"),
    ("argued", 8, "ccomp", "VERB", "VBD", "argue"), (",", 8, "punct", "PUNCT", ",", ","),
    ("the", 7, "det", "DET", "DT", "the"), ("rule", 8, "nsubj", "NOUN", "NN", "rule"),
    ("is", 8, "ROOT", "AUX", "VBZ", "be"), ("wrong", 8, "acomp", "ADJ", "JJ", "wrong"),
    (".", 8, "punct", "PUNCT", ".", "."),
]


def test_cue_hung_as_complement_of_the_clause_after_it_reports_that_clause_and_its_lead_in() -> None:
    doc = hand_parse(HUNG_BEFORE)
    assert [p.text for p in verb_content(doc[4], DocIndex(doc, []), LEX)] == ["If anything", "the rule is wrong"]


# "The plant is struggling , said the chief ." with the inverted cue parsed as a conjunct of its content
INVERTED_CONJ: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("plant", 3, "nsubj", "NOUN", "NN", "plant"),
    ("is", 3, "aux", "AUX", "VBZ", "be"), ("struggling", 3, "ROOT", "VERB", "VBG", "struggle"),
    (",", 3, "punct", "PUNCT", ",", ","), ("said", 3, "conj", "VERB", "VBD", "say"),
    ("the", 7, "det", "DET", "DT", "the"), ("chief", 5, "nsubj", "NOUN", "NN", "chief"),
    (".", 5, "punct", "PUNCT", ".", "."),
]


def test_preposed_content_before_an_inverted_cue() -> None:
    doc = hand_parse(INVERTED_CONJ)
    assert [p.text for p in verb_content(doc[5], DocIndex(doc, []), LEX)] == ["The plant is struggling"]


# "The web lets people with odd , if bogus , ideas meet , she said ." with a mid-phrase adverbial and a second
# subject of the cue taken from the words before the comma
MID_PHRASE: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("web", 2, "nsubj", "NOUN", "NN", "web"),
    ("lets", 2, "ROOT", "VERB", "VBZ", "let"), ("people", 14, "nsubj", "NOUN", "NNS", "people"),
    ("with", 3, "prep", "ADP", "IN", "with"), ("odd", 4, "pobj", "ADJ", "JJ", "odd"),
    (",", 14, "punct", "PUNCT", ",", ","), ("if", 8, "mark", "SCONJ", "IN", "if"),
    ("bogus", 14, "advcl", "ADJ", "JJ", "bogus"), (",", 8, "punct", "PUNCT", ",", ","),
    ("ideas", 8, "conj", "NOUN", "NNS", "idea"), ("meet", 10, "relcl", "VERB", "VBP", "meet"),
    (",", 14, "punct", "PUNCT", ",", ","), ("she", 14, "nsubj", "PRON", "PRP", "she"),
    ("said", 2, "advcl", "VERB", "VBD", "say"), (".", 2, "punct", "PUNCT", ".", "."),
]


def test_an_adverbial_the_parser_hung_on_a_final_cue_mid_phrase_is_no_lead_in() -> None:
    doc = hand_parse(MID_PHRASE)
    assert [p.text for p in verb_content(doc[14], DocIndex(doc, []), LEX)] == [
        "The web lets people with odd, if bogus, ideas meet"]


# "Sales fell , and when the plant closed , the union said ." : the adverbial clause opens the cue's own clause
OPENS_CONJUNCT: list[Row] = [
    ("Sales", 1, "nsubj", "NOUN", "NNS", "sale"), ("fell", 1, "ROOT", "VERB", "VBD", "fall"),
    (",", 1, "punct", "PUNCT", ",", ","), ("and", 1, "cc", "CCONJ", "CC", "and"),
    ("when", 7, "advmod", "SCONJ", "WRB", "when"), ("the", 6, "det", "DET", "DT", "the"),
    ("plant", 7, "nsubj", "NOUN", "NN", "plant"), ("closed", 11, "advcl", "VERB", "VBD", "close"),
    (",", 11, "punct", "PUNCT", ",", ","), ("the", 10, "det", "DET", "DT", "the"),
    ("union", 11, "nsubj", "NOUN", "NN", "union"), ("said", 1, "conj", "VERB", "VBD", "say"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# "On Friday , the third day of the tour , he said ." : only the cue's own adverbials before it
SCENE_ONLY: list[Row] = [
    ("On", 11, "prep", "ADP", "IN", "on"), ("Friday", 0, "pobj", "PROPN", "NNP", "Friday"),
    (",", 11, "punct", "PUNCT", ",", ","), ("the", 5, "det", "DET", "DT", "the"),
    ("third", 5, "amod", "ADJ", "JJ", "third"), ("day", 11, "npadvmod", "NOUN", "NN", "day"),
    ("of", 5, "prep", "ADP", "IN", "of"), ("the", 8, "det", "DET", "DT", "the"),
    ("tour", 6, "pobj", "NOUN", "NN", "tour"), (",", 11, "punct", "PUNCT", ",", ","),
    ("he", 11, "nsubj", "PRON", "PRP", "he"), ("said", 11, "ROOT", "VERB", "VBD", "say"),
    (".", 11, "punct", "PUNCT", ".", "."),
]

# "Smith said that if voters agree , he should insist ." : a cue inside another cue's content
INSIDE_REPORT: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("that", 9, "mark", "SCONJ", "IN", "that"), ("if", 5, "mark", "SCONJ", "IN", "if"),
    ("voters", 5, "nsubj", "NOUN", "NNS", "voter"), ("agree", 9, "advcl", "VERB", "VBP", "agree"),
    (",", 9, "punct", "PUNCT", ",", ","), ("he", 9, "nsubj", "PRON", "PRP", "he"),
    ("should", 9, "aux", "AUX", "MD", "should"), ("insist", 1, "ccomp", "VERB", "VB", "insist"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("rows", "cue"), [(OPENS_CONJUNCT, 11), (SCENE_ONLY, 11), (INSIDE_REPORT, 9)],
                         ids=["adverbial-opens-the-clause", "only-adverbials", "inside-a-report"])
def test_words_before_a_final_cue_it_does_not_report(rows: list[Row], cue: int) -> None:
    doc = hand_parse(rows)
    assert verb_content(doc[cue], DocIndex(doc, []), LEX) is None


# "an expert on encryption , who said it failed ." with 'who' hung on 'encryption', the preposition's object
EXPERT_WHO: list[Row] = [
    ("an", 1, "det", "DET", "DT", "an"), ("expert", 1, "ROOT", "NOUN", "NN", "expert"),
    ("on", 1, "prep", "ADP", "IN", "on"), ("encryption", 2, "pobj", "NOUN", "NN", "encryption"),
    (",", 3, "punct", "PUNCT", ",", ","), ("who", 6, "nsubj", "PRON", "WP", "who"),
    ("said", 3, "relcl", "VERB", "VBD", "say"), ("it", 8, "nsubj", "PRON", "PRP", "it"),
    ("failed", 6, "ccomp", "VERB", "VBD", "fail"), (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("pronoun", "tag", "antecedent"), [("who", "WP", "expert"), ("which", "WDT", "encryption")])
def test_a_personal_relative_hung_on_a_prepositions_object_that_cannot_speak_stands_for_the_noun_holding_it(
        pronoun: str, tag: str, antecedent: str) -> None:
    rows = list(EXPERT_WHO)
    rows[5] = (pronoun, 6, "nsubj", "PRON", tag, pronoun)
    doc = hand_parse(rows)
    found = relative_antecedent(doc[5], LEX)
    assert found is not None and found.text == antecedent
