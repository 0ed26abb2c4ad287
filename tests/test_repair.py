"""Parse repairs: a misattached finite conjunct, a fronted report, a speaker name hung on the noun before it,
a clause after a verb of telling hung elsewhere."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotes._lexicon import default_lexicon
from quotes._repair import repair_parse
from quotes._syntax import subject_of
from tests.conftest import Row, hand_parse, span_texts, speech

VOCAB = spacy.blank("en").vocab
LEX = default_lexicon()

TagRow = tuple[str, int, str, str]  # word, head index, dep, tag


def parse(rows: list[TagRow]) -> Doc:
    """A Doc with the given tokens, heads, labels and Penn tags (a head equal to the token's index is the root)."""
    return Doc(VOCAB, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               tags=[r[3] for r in rows])


# "Smith said he would cut taxes and warned rivals ." with 'warned' parsed as a conjunct of 'cut'
MISATTACHED: list[TagRow] = [
    ("Smith", 1, "nsubj", "NNP"), ("said", 1, "ROOT", "VBD"), ("he", 4, "nsubj", "PRP"),
    ("would", 4, "aux", "MD"), ("cut", 1, "ccomp", "VB"), ("taxes", 4, "dobj", "NNS"),
    ("and", 4, "cc", "CC"), ("warned", 4, "conj", "VBD"), ("rivals", 7, "dobj", "NNS"), (".", 1, "punct", "."),
]


def test_a_finite_conjunct_of_a_non_finite_reported_verb_moves_to_the_reporting_verb() -> None:
    doc = repair_parse(parse(MISATTACHED), LEX)
    assert doc[7].head.text == "said" and doc[7].dep_ == "conj"
    assert doc[6].head.text == "said"  # the coordinator goes with it
    assert [t.text for t in doc[4].subtree] == ["he", "would", "cut", "taxes"]
    assert [s.start for s in doc.sents] == [0]


@pytest.mark.parametrize("changed", [
    [("warned", 4, "conj", "VBZ")],  # 'says … and warns' against 'said': forms differ, nothing to tell
    [("warned", 4, "conj", "VBD"), ("rivals", 7, "nsubj", "NNS")],  # a conjunct with its own subject is a clause
    [("cut", 1, "ccomp", "VBD"), ("would", 4, "dep", "MD")],  # 'said he cut taxes and warned': may be his
    [("cut", 1, "advcl", "VB")],  # not a reported clause
], ids=["other-form", "own-subject", "finite-head", "not-a-complement"])
def test_conjuncts_that_can_share_their_head_stay(changed: list[TagRow]) -> None:
    rows = list(MISATTACHED)
    for row in changed:
        rows[next(i for i, r in enumerate(rows) if r[0] == row[0])] = row
    doc = repair_parse(parse(rows), LEX)
    assert doc[7].head.text == rows[rows[7][1]][0]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("British Prime Minister Theresa May said this week that the country would formally declare its intention to "
     "leave by the end of March and suggested that it would withdraw from the single market.",
     "the country would formally declare its intention to leave by the end of March",
     "it would withdraw from the single market"),
    ("The governor said he had signed the order on Monday and insisted that the state would not back down.",
     "he had signed the order on Monday", "the state would not back down"),
])
def test_two_attributions_of_one_speaker(text: str, first: str, second: str) -> None:
    found = speech(text)
    assert [span_texts(text, q) for q in found] == [[first], [second]]
    assert found[0].speaker.mention == found[1].speaker.mention


# "Smith continues to insist , lately , that taxes rose ." parsed with the 'that' clause as the root
FRONTED: list[TagRow] = [
    ("Smith", 1, "nsubj", "NNP"), ("continues", 9, "ccomp", "VBZ"), ("to", 3, "aux", "TO"),
    ("insist", 1, "xcomp", "VB"), (",", 9, "punct", ","), ("lately", 3, "advmod", "RB"), (",", 9, "punct", ","),
    ("that", 9, "mark", "IN"), ("taxes", 9, "nsubj", "NNS"), ("rose", 9, "ROOT", "VBD"), (".", 9, "punct", "."),
]


def test_a_root_opened_by_a_complementizer_goes_under_the_report_before_it() -> None:
    doc = repair_parse(parse(FRONTED), LEX)
    assert (doc[1].dep_, doc[1].head.i) == ("ROOT", 1)
    assert (doc[9].dep_, doc[9].head.text) == ("ccomp", "insist")
    assert [s.start for s in doc.sents] == [0]


def test_a_root_without_a_complementizer_stays() -> None:
    rows = [r if r[0] != "that" else ("so", 9, "advmod", "RB") for r in FRONTED]
    doc = repair_parse(parse(rows), LEX)
    assert (doc[9].dep_, doc[1].head.text) == ("ROOT", "rose")


def test_a_report_before_a_long_parenthetical_keeps_its_that_clause() -> None:
    text = ("The nominee continues to insist, most recently in a Labor Day interview with ABC News, that he really "
            "wants to release his taxes.")
    (quote,) = speech(text)
    assert (quote.text, quote.speaker.mention) == ("he really wants to release his taxes", "The nominee")


# "On the trail for his wife , president Bill Clinton said she won ." with the name hung on 'wife'
STRANDED: list[Row] = [
    ("On", 10, "prep", "ADP", "IN", "on"), ("the", 2, "det", "DET", "DT", "the"),
    ("trail", 0, "pobj", "NOUN", "NN", "trail"), ("for", 2, "prep", "ADP", "IN", "for"),
    ("his", 5, "poss", "PRON", "PRP$", "his"), ("wife", 3, "pobj", "NOUN", "NN", "wife"),
    (",", 5, "punct", "PUNCT", ",", ","), ("president", 9, "compound", "NOUN", "NN", "president"),
    ("Bill", 9, "compound", "PROPN", "NNP", "Bill"), ("Clinton", 5, "appos", "PROPN", "NNP", "Clinton"),
    ("said", 10, "ROOT", "VERB", "VBD", "say"), ("she", 12, "nsubj", "PRON", "PRP", "she"),
    ("won", 10, "ccomp", "VERB", "VBD", "win"), (".", 10, "punct", "PUNCT", ".", "."),
]


def test_a_name_set_apart_before_a_cue_with_no_subject_becomes_its_subject() -> None:
    doc = repair_parse(hand_parse(STRANDED), LEX)
    assert doc[9].head.text == "said" and doc[9].dep_ == "nsubj"
    assert [t.text for t in doc[9].subtree] == ["president", "Bill", "Clinton"]


def test_a_name_inside_a_longer_phrase_is_not_moved() -> None:
    rows = [r for r in STRANDED if r[0] != ","]  # 'his wife president Bill Clinton said': one phrase, no break
    rows = [(w, h - 1 if h > 5 else h, d, t, p, lemma) for w, h, d, t, p, lemma in rows]
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[8].text == "Clinton" and doc[8].dep_ == "appos" and doc[8].head.text == "wife"


# "Speaking to Reuters , a diplomat said it failed ." with the description hung on 'Reuters'
STRANDED_DESCRIPTION: list[Row] = [
    ("Speaking", 6, "advcl", "VERB", "VBG", "speak"), ("to", 0, "prep", "ADP", "IN", "to"),
    ("Reuters", 1, "pobj", "PROPN", "NNP", "Reuters"), (",", 2, "punct", "PUNCT", ",", ","),
    ("a", 5, "det", "DET", "DT", "a"), ("diplomat", 2, "appos", "NOUN", "NN", "diplomat"),
    ("said", 6, "ROOT", "VERB", "VBD", "say"), ("it", 8, "nsubj", "PRON", "PRP", "it"),
    ("failed", 6, "ccomp", "VERB", "VBD", "fail"), (".", 6, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("word", "lemma", "moved"), [("diplomat", "diplomat", True), ("plan", "plan", False)])
def test_a_stranded_description_that_can_speak_becomes_the_subject(word: str, lemma: str, moved: bool) -> None:
    rows = [(word, h, d, t, p, lemma) if w == "diplomat" else (w, h, d, t, p, le)
            for w, h, d, t, p, le in STRANDED_DESCRIPTION]
    doc = repair_parse(hand_parse(rows), LEX)
    assert (doc[5].head.text == "said" and doc[5].dep_ == "nsubj") is moved


# "Smith rejected the plan , saying it failed ." with 'saying' hung on 'plan'
SUPPLEMENTIVE: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
    ("the", 3, "det", "DET", "DT", "the"), ("plan", 1, "dobj", "NOUN", "NN", "plan"),
    (",", 3, "punct", "PUNCT", ",", ","), ("saying", 3, "acl", "VERB", "VBG", "say"),
    ("it", 7, "nsubj", "PRON", "PRP", "it"), ("failed", 5, "ccomp", "VERB", "VBD", "fail"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_comma_set_participle_of_speech_on_an_object_supplements_the_clause() -> None:
    doc = repair_parse(hand_parse(SUPPLEMENTIVE), LEX)
    assert doc[5].head.text == "rejected" and doc[5].dep_ == "advcl"


@pytest.mark.parametrize(("index", "row"), [
    (3, ("statement", 1, "dobj", "NOUN", "NN", "statement")),  # 'issued a statement, saying': a medium speaks
    (4, ("and", 3, "cc", "CCONJ", "CC", "and")),  # no comma: 'the plan saying …' may be what the plan says
], ids=["medium", "no-comma"])
def test_participles_that_stay_on_their_noun(index: int, row: Row) -> None:
    rows = list(SUPPLEMENTIVE)
    rows[index] = row
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[5].head.i == 3 and doc[5].dep_ == "acl"


# "The staff , Smith explained , were paid well ." with the cue as root and the host verb as its conjunct
PARENTHETICAL_ROOT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("staff", 4, "npadvmod", "NOUN", "NN", "staff"),
    (",", 4, "punct", "PUNCT", ",", ","), ("Smith", 4, "nsubj", "PROPN", "NNP", "Smith"),
    ("explained", 4, "ROOT", "VERB", "VBD", "explain"), (",", 4, "punct", "PUNCT", ",", ","),
    ("were", 4, "conj", "AUX", "VBD", "be"), ("paid", 6, "acomp", "VERB", "VBN", "pay"),
    ("well", 7, "advmod", "ADV", "RB", "well"), (".", 4, "punct", "PUNCT", ".", "."),
]


def test_a_parenthetical_cue_parsed_as_root_becomes_a_parenthetical_of_its_host() -> None:
    doc = repair_parse(hand_parse(PARENTHETICAL_ROOT), LEX)
    assert doc[6].dep_ == "ROOT" and doc[6].head.i == 6
    assert doc[4].head.text == "were" and doc[4].dep_ == "parataxis"
    assert doc[1].head.text == "were" and doc[1].dep_ == "nsubj"
    assert doc[9].head.text == "were"


def test_a_time_before_a_cue_is_no_subject_of_the_clause_after_it() -> None:
    rows = list(PARENTHETICAL_ROOT)
    rows[1] = ("week", 4, "npadvmod", "NOUN", "NN", "week")
    doc = hand_parse(rows)
    doc.ents = [doc.char_span(0, len("The week"), label="DATE")]
    doc = repair_parse(doc, LEX)
    assert doc[4].dep_ == "ROOT" and doc[6].dep_ == "conj"


# "Nothing the senator said was true ." with the main verb parsed as the zero relative's complement
CONTACT: list[Row] = [
    ("Nothing", 0, "ROOT", "PRON", "NN", "nothing"), ("the", 2, "det", "DET", "DT", "the"),
    ("senator", 3, "nsubj", "NOUN", "NN", "senator"), ("said", 0, "relcl", "VERB", "VBD", "say"),
    ("was", 3, "ccomp", "AUX", "VBD", "be"), ("true", 4, "acomp", "ADJ", "JJ", "true"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_the_main_clause_after_a_zero_relative_cue_is_the_root_again() -> None:
    doc = repair_parse(hand_parse(CONTACT), LEX)
    assert doc[4].dep_ == "ROOT" and doc[0].head.text == "was" and doc[0].dep_ == "nsubj"
    assert doc[3].head.text == "Nothing" and doc[3].dep_ == "relcl"
    assert doc[6].head.text == "was"


# "Smith said it was early but added more ." with 'added' parsed as a conjunct of the reported 'was'
CONTINUED: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("it", 3, "nsubj", "PRON", "PRP", "it"), ("was", 1, "ccomp", "AUX", "VBD", "be"),
    ("early", 3, "acomp", "ADJ", "JJ", "early"), ("but", 3, "cc", "CCONJ", "CC", "but"),
    ("added", 3, "conj", "VERB", "VBD", "add"), ("more", 6, "dobj", "ADJ", "JJR", "more"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_verb_of_going_on_speaking_coordinated_in_the_reported_clause_moves_to_the_reporting_verb() -> None:
    doc = repair_parse(hand_parse(CONTINUED), LEX)
    assert doc[6].head.text == "said" and doc[6].dep_ == "conj" and doc[5].head.text == "said"


def test_a_verb_of_speaking_coordinated_with_another_in_the_reported_clause_stays() -> None:
    rows = list(CONTINUED)
    rows[3] = ("denied", 1, "ccomp", "VERB", "VBD", "deny")  # 'said it denied … but added': either may add
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[6].head.text == "denied"


# "Smith met voters , with Jones telling reporters he backed the plan ." with 'backed' a conjunct of the root
TOLD_UNLINKED: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("met", 1, "ROOT", "VERB", "VBD", "meet"),
    ("voters", 1, "dobj", "NOUN", "NNS", "voter"), (",", 1, "punct", "PUNCT", ",", ","),
    ("with", 1, "prep", "ADP", "IN", "with"), ("Jones", 6, "nsubj", "PROPN", "NNP", "Jones"),
    ("telling", 4, "pcomp", "VERB", "VBG", "tell"), ("reporters", 6, "dobj", "NOUN", "NNS", "reporter"),
    ("he", 9, "nsubj", "PRON", "PRP", "he"), ("backed", 1, "conj", "VERB", "VBD", "back"),
    ("the", 11, "det", "DET", "DT", "the"), ("plan", 9, "dobj", "NOUN", "NN", "plan"),
    (".", 9, "punct", "PUNCT", ".", "."),
]

# "Smith spoke after Jones told reporters he backed the plan ." with the telling clause hung on 'backed'
TOLD_HOST: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
    ("after", 4, "mark", "SCONJ", "IN", "after"), ("Jones", 4, "nsubj", "PROPN", "NNP", "Jones"),
    ("told", 7, "advcl", "VERB", "VBD", "tell"), ("reporters", 4, "dobj", "NOUN", "NNS", "reporter"),
    ("he", 7, "nsubj", "PRON", "PRP", "he"), ("backed", 1, "ccomp", "VERB", "VBD", "back"),
    ("the", 9, "det", "DET", "DT", "the"), ("plan", 7, "dobj", "NOUN", "NN", "plan"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_clause_right_after_a_telling_verb_and_its_listener_is_its_complement() -> None:
    doc = repair_parse(hand_parse(TOLD_UNLINKED), LEX)
    assert doc[9].head.text == "telling" and doc[9].dep_ == "ccomp"


def test_a_telling_clause_the_parser_hung_on_the_clause_after_it_takes_the_clause() -> None:
    doc = repair_parse(hand_parse(TOLD_HOST), LEX)
    assert doc[7].head.text == "told" and doc[7].dep_ == "ccomp"
    assert doc[4].head.text == "spoke" and doc[4].dep_ == "advcl"
    assert [s.start for s in doc.sents] == [0]


# "Smith met voters , with Jones telling reporters because he backed the plan ." : a conjunction opens the clause
TOLD_BECAUSE: list[Row] = [*TOLD_UNLINKED[:8], ("because", 10, "mark", "SCONJ", "IN", "because"),
                           *[(w, h + 1 if h > 8 else h, d, p, t, lemma) for w, h, d, p, t, lemma in TOLD_UNLINKED[8:]]]


# "Jones told reporters | He backed the plan ." : a headline without a full stop, then the next sentence
TOLD_HEADLINE: list[Row] = [
    ("Jones", 1, "nsubj", "PROPN", "NNP", "Jones"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
    ("reporters", 1, "dobj", "NOUN", "NNS", "reporter"), ("He", 4, "nsubj", "PRON", "PRP", "he"),
    ("backed", 4, "ROOT", "VERB", "VBD", "back"), ("the", 6, "det", "DET", "DT", "the"),
    ("plan", 4, "dobj", "NOUN", "NN", "plan"), (".", 4, "punct", "PUNCT", ".", "."),
]


def test_a_clause_in_the_next_sentence_stays_there() -> None:
    doc = repair_parse(hand_parse(TOLD_HEADLINE), LEX)
    assert doc[4].dep_ == "ROOT" and doc[4].head.i == 4 and [s.start for s in doc.sents] == [0, 3]


# "Smith met voters , with Jones telling reporters , he backed the plan ." : the comma ends the telling clause
TOLD_COMMA: list[Row] = [*TOLD_UNLINKED[:8], (",", 6, "punct", "PUNCT", ",", ","),
                         *[(w, h + 1 if h > 8 else h, d, p, t, lemma) for w, h, d, p, t, lemma in TOLD_UNLINKED[8:]]]


@pytest.mark.parametrize(("rows", "backed"), [
    (TOLD_COMMA, 10),
    ([*TOLD_UNLINKED[:6], ("telling", 4, "pcomp", "VERB", "VBG", "meet"), *TOLD_UNLINKED[7:]], 9),  # 'meeting'
    ([*TOLD_UNLINKED[:7], ("about", 6, "prep", "ADP", "IN", "about"), *TOLD_UNLINKED[8:]], 9),  # no listener
    (TOLD_BECAUSE, 10),
], ids=["comma", "not-telling", "no-listener", "conjunction"])
def test_clauses_after_other_verbs_or_with_a_conjunction_stay(rows: list[Row], backed: int) -> None:
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[backed].text == "backed" and doc[backed].head.text == "met" and doc[backed].dep_ == "conj"


# "Smith praised the plan , denounced the cuts and said more ." with 'praised' an adverbial clause of 'denounced'
LISTED: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("praised", 5, "advcl", "VERB", "VBD", "praise"),
    ("the", 3, "det", "DET", "DT", "the"), ("plan", 1, "dobj", "NOUN", "NN", "plan"),
    (",", 5, "punct", "PUNCT", ",", ","), ("denounced", 5, "ROOT", "VERB", "VBD", "denounce"),
    ("the", 7, "det", "DET", "DT", "the"), ("cuts", 5, "dobj", "NOUN", "NNS", "cut"),
    ("and", 5, "cc", "CCONJ", "CC", "and"), ("said", 5, "conj", "VERB", "VBD", "say"),
    ("more", 9, "dobj", "ADJ", "JJR", "more"), (".", 5, "punct", "PUNCT", ".", "."),
]


def test_a_finite_verb_phrase_before_a_subjectless_root_is_the_first_of_a_list() -> None:
    doc = repair_parse(hand_parse(LISTED), LEX)
    assert doc[1].dep_ == "ROOT" and doc[5].head.text == "praised" and doc[5].dep_ == "conj"
    assert subject_of(doc[9], LEX).text == "Smith"
    assert [s.start for s in doc.sents] == [0]


def test_an_adverbial_clause_opened_by_a_subordinator_stays() -> None:
    rows = [("When", 2, "advmod", "SCONJ", "WRB", "when"),
            *[(w, h + 1, d, p, t, lemma) for w, h, d, p, t, lemma in LISTED]]
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[2].dep_ == "advcl" and doc[6].dep_ == "ROOT"


# "Smith said there are two but said more ." with the second 'said' a conjunct of the reported 'are'
THERE_SAID: list[Row] = [
    ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("there", 3, "expl", "PRON", "EX", "there"), ("are", 1, "ccomp", "AUX", "VBP", "be"),
    ("two", 3, "attr", "NUM", "CD", "two"), ("but", 3, "cc", "CCONJ", "CC", "but"),
    ("said", 3, "conj", "VERB", "VBD", "say"), ("more", 6, "dobj", "ADJ", "JJR", "more"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_verb_of_speaking_after_a_dummy_there_clause_continues_the_reporting_verb() -> None:
    doc = repair_parse(hand_parse(THERE_SAID), LEX)
    assert doc[6].head.i == 1 and doc[6].dep_ == "conj"


@pytest.mark.parametrize("tag", ["VBD", "VBN"])  # 'said … would be abolished and argued': the tagger may read VBN
def test_a_verb_of_speaking_after_a_clause_whose_subject_cannot_speak_continues_the_reporting_verb(tag: str) -> None:
    rows = list(THERE_SAID)
    rows[2] = ("music", 3, "nsubj", "NOUN", "NN", "music")  # 'said music is dead but said …': music says nothing
    rows[6] = ("said", 3, "conj", "VERB", tag, "say")
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[6].head.i == 1 and doc[6].dep_ == "conj"


def test_a_verb_of_speaking_after_a_clause_with_a_speaker_stays() -> None:
    rows = list(THERE_SAID)
    rows[2] = ("Jones", 3, "nsubj", "PROPN", "NNP", "Jones")  # 'said Jones was there but said …': Jones may say
    rows[3] = ("was", 1, "ccomp", "AUX", "VBD", "be")
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[6].head.i == 3


def test_a_verb_of_speaking_in_the_reporting_verbs_form_not_the_reported_ones_continues_the_reporting_verb() -> None:
    rows = list(THERE_SAID)
    rows[2] = ("Jones", 3, "nsubj", "PROPN", "NNP", "Jones")  # 'said Jones is there but said …': 'said' is not 'is'
    rows[3] = ("is", 1, "ccomp", "AUX", "VBZ", "be")
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[6].head.i == 1 and doc[6].dep_ == "conj"


# "Friday , Texas , leading states , asked a judge ." with 'Texas' an apposition of 'Friday' and 'asked' subjectless
STRANDED_PARTICIPLE: list[Row] = [
    ("Friday", 7, "npadvmod", "PROPN", "NNP", "Friday"), (",", 0, "punct", "PUNCT", ",", ","),
    ("Texas", 0, "appos", "PROPN", "NNP", "Texas"), (",", 0, "punct", "PUNCT", ",", ","),
    ("leading", 7, "advcl", "VERB", "VBG", "lead"), ("states", 4, "dobj", "NOUN", "NNS", "state"),
    (",", 7, "punct", "PUNCT", ",", ","), ("asked", 7, "ROOT", "VERB", "VBD", "ask"),
    ("a", 9, "det", "DET", "DT", "a"), ("judge", 7, "dobj", "NOUN", "NN", "judge"),
    (".", 7, "punct", "PUNCT", ".", "."),
]


def test_a_stranded_name_before_a_comma_set_participle_clause_is_the_subject() -> None:
    doc = repair_parse(hand_parse(STRANDED_PARTICIPLE), LEX)
    assert doc[2].head.text == "asked" and doc[2].dep_ == "nsubj"
    assert doc[4].head.text == "asked" and doc[4].dep_ == "advcl"


# "Trump went after Clinton for her refusal to use the term and called for more ." with 'called' on 'use'
REFUSAL: list[Row] = [
    ("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"), ("went", 1, "ROOT", "VERB", "VBD", "go"),
    ("after", 1, "prep", "ADP", "IN", "after"), ("Clinton", 2, "pobj", "PROPN", "NNP", "Clinton"),
    ("for", 1, "prep", "ADP", "IN", "for"), ("her", 6, "poss", "PRON", "PRP$", "her"),
    ("refusal", 4, "pobj", "NOUN", "NN", "refusal"), ("to", 8, "aux", "PART", "TO", "to"),
    ("use", 6, "acl", "VERB", "VB", "use"), ("the", 10, "det", "DET", "DT", "the"),
    ("term", 8, "dobj", "NOUN", "NN", "term"), ("and", 8, "cc", "CCONJ", "CC", "and"),
    ("called", 8, "conj", "VERB", "VBD", "call"), ("for", 12, "prep", "ADP", "IN", "for"),
    ("more", 13, "pobj", "ADJ", "JJR", "more"), (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_finite_conjunct_of_an_infinitive_on_a_noun_moves_up_to_the_finite_verb() -> None:
    doc = repair_parse(hand_parse(REFUSAL), LEX)
    assert doc[12].head.text == "went" and doc[12].dep_ == "conj"
    assert subject_of(doc[12], LEX).text == "Trump"


# "Outlets reported on Friday the agency had talks ." with 'reported' a participle of 'Outlets', two subjects of 'had'
TWO_SUBJECTS: list[Row] = [
    ("Outlets", 6, "nsubj", "NOUN", "NNS", "outlet"), ("reported", 0, "acl", "VERB", "VBN", "report"),
    ("on", 1, "prep", "ADP", "IN", "on"), ("Friday", 2, "pobj", "PROPN", "NNP", "Friday"),
    ("the", 5, "det", "DET", "DT", "the"), ("agency", 6, "nsubj", "NOUN", "NN", "agency"),
    ("had", 6, "ROOT", "VERB", "VBD", "have"), ("talks", 6, "dobj", "NOUN", "NNS", "talk"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def test_a_cue_participle_after_the_first_of_two_subjects_is_the_reporting_verb() -> None:
    doc = repair_parse(hand_parse(TWO_SUBJECTS), LEX)
    assert doc[1].dep_ == "ROOT" and doc[0].head.text == "reported" and doc[0].dep_ == "nsubj"
    assert doc[6].head.text == "reported" and doc[6].dep_ == "ccomp"
    assert [s.start for s in doc.sents] == [0]


def test_a_participle_of_a_single_subject_stays() -> None:
    rows = [r if r[0] != "agency" else ("agency", 6, "dobj", "NOUN", "NN", "agency") for r in TWO_SUBJECTS]
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[1].dep_ == "acl" and doc[6].dep_ == "ROOT"


def test_a_verb_phrase_parsed_as_the_complement_of_a_subjectless_root_is_the_first_of_a_list() -> None:
    rows = [r if r[0] != "praised" else ("praised", 5, "ccomp", "VERB", "VBD", "praise") for r in LISTED]
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[1].dep_ == "ROOT" and doc[5].head.text == "praised" and doc[5].dep_ == "conj"


# "Emails were stored in storage , Kennedy , the official , wrote ." with 'Kennedy' hung on 'storage'
STRANDED_APPOSITION: list[Row] = [
    ("Emails", 2, "nsubjpass", "NOUN", "NNS", "email"), ("were", 2, "auxpass", "AUX", "VBD", "be"),
    ("stored", 11, "ccomp", "VERB", "VBN", "store"), ("in", 2, "prep", "ADP", "IN", "in"),
    ("storage", 3, "pobj", "NOUN", "NN", "storage"), (",", 4, "punct", "PUNCT", ",", ","),
    ("Kennedy", 4, "appos", "PROPN", "NNP", "Kennedy"), (",", 6, "punct", "PUNCT", ",", ","),
    ("the", 9, "det", "DET", "DT", "the"), ("official", 6, "appos", "NOUN", "NN", "official"),
    (",", 11, "punct", "PUNCT", ",", ","), ("wrote", 11, "ROOT", "VERB", "VBD", "write"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


def test_a_stranded_name_before_its_own_apposition_is_the_subject() -> None:
    doc = repair_parse(hand_parse(STRANDED_APPOSITION), LEX)
    assert doc[6].head.text == "wrote" and doc[6].dep_ == "nsubj"
    assert doc[9].head.text == "Kennedy" and doc[9].dep_ == "appos"


# "Those who borrow struggle , even with a job | , he said ." with the bare reporting clause cut off at its comma
CUT_OFF: list[Row] = [
    ("Those", 0, "ROOT", "PRON", "DT", "those"), ("who", 2, "nsubj", "PRON", "WP", "who"),
    ("borrow", 0, "relcl", "VERB", "VBP", "borrow"), ("struggle", 2, "dobj", "NOUN", "NN", "struggle"),
    (",", 0, "punct", "PUNCT", ",", ","), ("even", 6, "advmod", "ADV", "RB", "even"),
    ("with", 0, "prep", "ADP", "IN", "with"), ("a", 8, "det", "DET", "DT", "a"),
    ("job", 6, "pobj", "NOUN", "NN", "job"), (",", 11, "punct", "PUNCT", ",", ","),
    ("he", 11, "nsubj", "PRON", "PRP", "he"), ("said", 11, "ROOT", "VERB", "VBD", "say"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


def test_a_bare_reporting_clause_cut_off_at_its_comma_takes_the_sentence_before_as_its_complement() -> None:
    doc = hand_parse(CUT_OFF)
    assert [s.start for s in doc.sents] == [0, 9]
    doc = repair_parse(doc, LEX)
    assert doc[0].head.text == "said" and doc[0].dep_ == "ccomp"
    assert [s.start for s in doc.sents] == [0]


# "The plan “ will fail , ” | Smith said ." : the sentence before ends with a comma inside its quote marks
CUT_AFTER_QUOTE: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"), ("plan", 4, "nsubj", "NOUN", "NN", "plan"),
    ("“", 4, "punct", "PUNCT", "``", "“"), ("will", 4, "aux", "AUX", "MD", "will"),
    ("fail", 4, "ROOT", "VERB", "VB", "fail"), (",", 4, "punct", "PUNCT", ",", ","),
    ("”", 4, "punct", "PUNCT", "''", "”"), ("Smith", 8, "nsubj", "PROPN", "NNP", "Smith"),
    ("said", 8, "ROOT", "VERB", "VBD", "say"), (".", 8, "punct", "PUNCT", ".", "."),
]


def test_a_bare_reporting_clause_cut_off_after_a_comma_and_a_closing_mark_takes_the_sentence_before() -> None:
    doc = hand_parse(CUT_AFTER_QUOTE)
    assert [s.start for s in doc.sents] == [0, 7]
    doc = repair_parse(doc, LEX)
    assert doc[4].head.text == "said" and doc[4].dep_ == "ccomp" and [s.start for s in doc.sents] == [0]


@pytest.mark.parametrize("end", [
    (".", 0, "punct", "PUNCT", ".", "."),  # the sentence before ended
    ("\n\n", 0, "dep", "SPACE", "_SP", "\n\n"),  # a paragraph break
], ids=["full-stop", "paragraph"])
def test_a_reporting_clause_after_a_sentence_end_stays_apart(end: Row) -> None:
    rows = [*CUT_OFF[:9], end, *[(w, h + 1, d, p, t, lemma) for w, h, d, p, t, lemma in CUT_OFF[9:]]]
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[0].dep_ == "ROOT" and doc[12].dep_ == "ROOT"


# "“ We won , ” the email read ." with 'email read' tagged as a compound noun
EMAIL_READ: list[Row] = [
    ("“", 2, "punct", "PUNCT", "``", "“"), ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("won", 7, "ccomp", "VERB", "VBD", "win"), (",", 7, "punct", "PUNCT", ",", ","),
    ("”", 7, "punct", "PUNCT", "''", "”"), ("the", 7, "det", "DET", "DT", "the"),
    ("email", 7, "compound", "NOUN", "NN", "email"), ("read", 7, "ROOT", "NOUN", "NN", "read"),
    (".", 7, "punct", "PUNCT", ".", "."),
]


def test_a_document_verb_tagged_as_the_last_noun_after_a_document_is_a_verb_again() -> None:
    doc = repair_parse(hand_parse(EMAIL_READ), LEX)
    assert (doc[7].tag_, doc[7].pos_) == ("VBD", "VERB")
    assert doc[6].dep_ == "nsubj" and doc[6].head.i == 7 and doc[5].head.text == "email"


def test_a_noun_after_a_word_that_is_no_document_stays_a_noun() -> None:
    rows = list(EMAIL_READ)
    rows[6] = ("good", 7, "amod", "ADJ", "JJ", "good")  # 'a good read'
    doc = repair_parse(hand_parse(rows), LEX)
    assert doc[7].tag_ == "NN" and doc[6].dep_ == "amod"


def _glued(rows: list[Row], glued: set[int]) -> Doc:
    """``hand_parse`` with no space after the tokens at ``glued`` (a word written with a hyphen)."""
    doc = hand_parse(rows)
    spaces = [bool(t.whitespace_) and t.i not in glued for t in doc]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=spaces, heads=[t.head.i for t in doc],
               deps=[t.dep_ for t in doc], pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc],
               lemmas=[t.lemma_ for t in doc])


# "co-host Brzezinski said it failed ." with 'co' and the hyphen hung on 'said' as a second subject
HYPHENATED: list[Row] = [
    ("co", 4, "nsubj", "NOUN", "NN", "co"), ("-", 4, "punct", "PUNCT", "NN", "-"),
    ("host", 3, "compound", "NOUN", "NN", "host"), ("Brzezinski", 4, "nsubj", "PROPN", "NNP", "Brzezinski"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"), ("it", 6, "nsubj", "PRON", "PRP", "it"),
    ("failed", 4, "ccomp", "VERB", "VBD", "fail"), (".", 4, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("glued", "joined"), [({0, 1}, True), (set(), False)], ids=["co-host", "co - host"])
def test_the_first_part_of_a_hyphenated_word_is_a_compound_of_the_last(glued: set[int], joined: bool) -> None:
    doc = repair_parse(_glued(HYPHENATED, glued), LEX)
    assert (doc[0].head.text == "host" and doc[0].dep_ == "compound") is joined
    assert (subject_of(doc[4], LEX).text == "Brzezinski") is joined


# "After winning Ohio , Kasich ( R ) , said it failed ." with the name hung on 'Ohio' and its aside before the comma
ASIDE: list[Row] = [
    ("After", 10, "prep", "ADP", "IN", "after"), ("winning", 0, "pcomp", "VERB", "VBG", "win"),
    ("Ohio", 1, "dobj", "PROPN", "NNP", "Ohio"), (",", 2, "punct", "PUNCT", ",", ","),
    ("Kasich", 2, "conj", "PROPN", "NNP", "Kasich"), ("(", 4, "punct", "PUNCT", "-LRB-", "("),
    ("R", 4, "appos", "PROPN", "NNP", "R"), (")", 4, "punct", "PUNCT", "-RRB-", ")"),
    (",", 10, "punct", "PUNCT", ",", ","), ("then", 10, "advmod", "ADV", "RB", "then"),
    ("said", 10, "ROOT", "VERB", "VBD", "say"), ("it", 12, "nsubj", "PRON", "PRP", "it"),
    ("failed", 10, "ccomp", "VERB", "VBD", "fail"), (".", 10, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("link", "moved"), [(",", True), ("and", False)], ids=["aside", "coordinated"])
def test_a_stranded_name_before_its_bracketed_aside_is_the_subject(link: str, moved: bool) -> None:
    rows = [(link, 2, "cc" if link == "and" else "punct", "CCONJ" if link == "and" else "PUNCT", link, link)
            if i == 3 else r for i, r in enumerate(ASIDE)]
    doc = repair_parse(hand_parse(rows), LEX)
    assert (doc[4].head.text == "said" and doc[4].dep_ == "nsubj") is moved


# "In addition to Regalado , two members , Curbelo , have said it failed ." with the subject hung on the name in
# the fronted phrase as its apposition
FRONTED_APPOSITION: list[Row] = [
    ("In", 11, "prep", "ADP", "IN", "in"), ("addition", 0, "pobj", "NOUN", "NN", "addition"),
    ("to", 1, "prep", "ADP", "IN", "to"), ("Regalado", 2, "pobj", "PROPN", "NNP", "Regalado"),
    (",", 3, "punct", "PUNCT", ",", ","), ("two", 6, "nummod", "NUM", "CD", "two"),
    ("members", 3, "appos", "NOUN", "NNS", "member"), (",", 6, "punct", "PUNCT", ",", ","),
    ("Curbelo", 6, "appos", "PROPN", "NNP", "Curbelo"), (",", 3, "punct", "PUNCT", ",", ","),
    ("have", 11, "aux", "AUX", "VBP", "have"), ("said", 11, "ROOT", "VERB", "VBN", "say"),
    ("it", 13, "nsubj", "PRON", "PRP", "it"), ("failed", 11, "ccomp", "VERB", "VBD", "fail"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(("dep", "moved"), [("pobj", True), ("nsubj", False)], ids=["fronted", "subject"])
def test_an_apposition_of_a_name_in_a_fronted_phrase_is_the_subject(dep: str, moved: bool) -> None:
    rows = [(w, h, dep, p, t, lemma) if w == "Regalado" else (w, h, d, p, t, lemma)
            for w, h, d, p, t, lemma in FRONTED_APPOSITION]
    doc = repair_parse(hand_parse(rows), LEX)
    assert (doc[6].head.text == "said" and doc[6].dep_ == "nsubj") is moved


# "He said Cruz has de-emphasized it ." with the subject and auxiliary on 'de' and 'emphasized' a conjunct of 'said'
HYPHENATED_HEAD: list[Row] = [
    ("He", 1, "nsubj", "PRON", "PRP", "he"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("Cruz", 4, "nsubj", "PROPN", "NNP", "Cruz"), ("has", 4, "aux", "AUX", "VBZ", "have"),
    ("de", 1, "ccomp", "VERB", "VBN", "de"), ("-", 4, "punct", "PUNCT", "HYPH", "-"),
    ("emphasized", 1, "conj", "VERB", "VBN", "emphasize"), ("it", 6, "dobj", "PRON", "PRP", "it"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_first_part_the_parser_made_a_head_hands_its_place_to_the_last_part() -> None:
    doc = repair_parse(_glued(HYPHENATED_HEAD, {4, 5}), LEX)
    assert (doc[6].head.text, doc[6].dep_) == ("said", "ccomp")
    assert (doc[4].head.text, doc[4].dep_) == ("emphasized", "compound")
    assert subject_of(doc[6], LEX).text == "Cruz"
