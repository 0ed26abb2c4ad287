"""Rule tests for each attribution-chain construction of SPEC 'Attribution chain' (issue 17).

Small sentences through the real extractor, and hand-built parses for the constructions whose parse
the statistical model does not give reliably.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotes._chains import add_listener_and_channels
from quotes._draft import Draft
from quotes._lexicon import default_lexicon
from quotes._syntax import noun_phrase, speaker_of
from tests.conftest import only, speech

LEX = default_lexicon()
VOCAB = spacy.blank("en").vocab


def reading(text: str) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    """(speaker mention, listener, hops) of the one speech record of ``text``."""
    q = only(text)
    return (q.speaker.mention if q.speaker else None, q.listener.text if q.listener else None,
            [(h.relation, h.target) for h in q.chain])


@pytest.mark.parametrize(
    ("text", "speaker", "listener"),
    [
        ("The coach told the crowd that the team would win.", "The coach", "the crowd"),
        ("The senator left early, telling reporters that the vote was rigged.", "The senator", "reporters"),
        ("Telling reporters the vote was rigged, the senator left the room.", "the senator", "reporters"),
        ("Speaking to MPs, the minister said the scheme would close.", "the minister", "MPs"),
        ("The minister, speaking to MPs, said the scheme would close.", "The minister", "MPs"),
        ("Talking to the BBC, the singer said she was retiring.", "the singer", "the BBC"),
        ("In an interview with the Guardian, the actor said he was retiring.", "the actor", "the Guardian"),
        ("“The plan is sound,” the economist told me this week.", "the economist", "me"),
        ("Trump picked up on the criticism, telling ABC's This Week that there is a weird deal going on.", "Trump",
         "ABC's This Week"),
        ("The actor said in an interview with the Guardian that he was retiring.", "The actor", "the Guardian"),
    ],
)
def test_told_speaking_to_and_interview_with_give_a_hop_and_the_listener(text: str, speaker: str,
                                                                        listener: str) -> None:
    assert reading(text) == (speaker, listener, [("told", listener)])


@pytest.mark.parametrize(
    ("text", "speaker", "medium"),
    [
        ("The senator said on CNN that the bill was dead.", "The senator", "CNN"),
        ("The senator said in an interview on CNN that the bill was dead.", "The senator", "CNN"),
        ("The senator wrote on Twitter that the bill was dead.", "The senator", "Twitter"),
        ("Writing in the Daily Telegraph, the MP said the tax was unfair.", "the MP", "the Daily Telegraph"),
        ("The MP, writing in the Daily Telegraph, said the tax was unfair.", "The MP", "the Daily Telegraph"),
        ("He insisted on BBC Radio 4's Today programme that the law was fair.", "He",
         "BBC Radio 4's Today programme"),
        ("Home Secretary Charles Clarke, speaking on BBC One's Breakfast with Frost, said the law was fair.",
         "Home Secretary Charles Clarke", "BBC One's Breakfast with Frost"),
        ("The mayor appeared on BBC Radio 4's Today programme and said the plan was sound.", "The mayor",
         "BBC Radio 4's Today programme"),
        ("The union said in a statement that the strike would go ahead.", "The union", "a statement"),
        ("The company said in its report that profits had fallen.", "The company", "its report"),
        ('"She is unstable," Trump said in a national security speech earlier in the day.', "Trump",
         "a national security speech"),
    ],
)
def test_said_on_and_writing_in_a_medium_give_via(text: str, speaker: str, medium: str) -> None:
    assert reading(text) == (speaker, None, [("via", medium)])


def test_a_letters_addressee_is_the_listener() -> None:
    text = "In a letter to parishioners, the bishop said the church would close."
    assert reading(text) == ("the bishop", "parishioners", [("via", "a letter")])


@pytest.mark.parametrize(
    "text",
    [
        "The union said in a statement to the BBC that the strike would go ahead.",
        "The union released a statement to the BBC saying the strike would go ahead.",
    ],
)
def test_a_statement_to_x_is_statement_to(text: str) -> None:
    assert reading(text) == ("The union", None, [("statement_to", "the BBC")])


@pytest.mark.parametrize(
    ("text", "speaker", "listener", "medium"),
    [
        ("The White House issued a statement saying the talks had failed.", "The White House", None, "a statement"),
        ("The company wrote a letter to the mayor, calling the plan ''misleading.''", "The company", "the mayor",
         "a letter"),
    ],
)
def test_the_object_of_a_medium_verb_is_the_medium(text: str, speaker: str, listener: str | None,
                                                   medium: str) -> None:
    assert reading(text) == (speaker, listener, [("via", medium)])


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman said on Monday that the plan was sound.",
        "A spokesman said in London that the plan was sound.",
        "He said at a rally in Ohio that the plan was sound.",
        "He said at a press conference that the plan was sound.",
        "He said during a conference in Phoenix that the plan was sound.",
        "The aide called on Trump to apologize.",
        "During his time in office, the governor said the plan was sound.",
    ],
)
def test_times_places_settings_and_addressees_are_no_medium(text: str) -> None:
    assert reading(text)[2] == []


@pytest.mark.parametrize(
    ("text", "speaker", "relayer"),
    [
        ('"It is over," the AP quoted the coach as saying.', "the coach", "the AP"),
        ("Reuters quoted a central bank official as saying the rate would rise.", "a central bank official",
         "Reuters"),
        ("The coach was quoted by the AP as saying the season was over.", "The coach", "the AP"),
        ("The coach was quoted in The Times as saying the season was over.", "The coach", "The Times"),
        ("The coach said the season was over, the Associated Press reported.", "The coach",
         "the Associated Press"),
        ('"The rate will rise," said a central bank official, Reuters news agency reported.',
         "a central bank official", "Reuters news agency"),
    ],
)
def test_relayed_words_belong_to_the_one_quoted(text: str, speaker: str, relayer: str) -> None:
    assert reading(text) == (speaker, None, [("reported_by", relayer)])


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        ("According to the BBC, the coach said the season was over.", "the coach", [("according_to", "the BBC")]),
        ("The season is over, according to the coach.", "the coach", []),
        ("The season is over, according to the report.", "the report", []),
    ],
)
def test_according_to_relays_or_is_the_source(text: str, speaker: str, chain: list[tuple[str, str]]) -> None:
    assert reading(text) == (speaker, None, chain)


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        ("A letter from the American Legion obtained by The Associated Press warns that “any further "
         "communication will be through our attorney.”",
         "the American Legion", [("via", "A letter"), ("obtained_by", "The Associated Press")]),
        ("The endorsement will wait, according to an email from the president of the federation obtained by "
         "The Huffington Post.",
         "the president of the federation", [("according_to", "an email"), ("obtained_by", "The Huffington Post")]),
        ("The plan is dead, according to a report by CNN.", "CNN", [("according_to", "a report")]),
    ],
)
def test_a_document_from_someone_gives_the_floor_to_its_author(text: str, speaker: str,
                                                               chain: list[tuple[str, str]]) -> None:
    assert reading(text) == (speaker, None, chain)


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        ("Members of the family soured on him, the Post reported, citing another anonymous source.",
         "another anonymous source", [("citing", "the Post")]),
        ("“It is a reflection of anger,” McCain said, citing low economic growth.", "McCain", []),
        # the parser hangs the participle on the reported clause, not on the cue
        ("The Post reported that the talks had failed, citing two officials.", "two officials",
         [("citing", "The Post")]),
    ],
)
def test_reported_citing_hands_the_words_to_the_cited_source(text: str, speaker: str,
                                                             chain: list[tuple[str, str]]) -> None:
    assert reading(text) == (speaker, None, chain)


def test_what_the_speakers_cite_is_not_what_they_said() -> None:
    text = ("Foreign policy analysts said geopolitical factors have contributed to the country's appeal, "
            "citing the strategic importance of the country.")
    assert [q.text for q in speech(text)] == ["geopolitical factors have contributed to the country's appeal"]


def test_a_participle_with_words_of_its_own_keeps_its_medium() -> None:
    text = "Trump touted a cautious stance, stating on Fox News that the economy was in a precarious situation."
    records = {q.text: [(h.relation, h.target) for h in q.chain] for q in speech(text)}
    assert records == {"a cautious stance": [],
                       "the economy was in a precarious situation": [("via", "Fox News")]}


def _clarke_doc(label: str = "appos") -> Doc:
    """'Mr Clarke, writing in The Times, said it failed.' with the participle hung on the subject under ``label``."""
    words = ["Mr", "Clarke", ",", "writing", "in", "The", "Times", ",", "said", "it", "failed", "."]
    return Doc(VOCAB, words=words, heads=[1, 8, 1, 1, 3, 6, 4, 1, 8, 10, 8, 8],
               deps=["compound", "nsubj", "punct", label, "prep", "det", "pobj", "punct", "ROOT", "nsubj",
                     "ccomp", "punct"],
               pos=["PROPN", "PROPN", "PUNCT", "VERB", "ADP", "DET", "PROPN", "PUNCT", "VERB", "PRON", "VERB",
                    "PUNCT"],
               tags=["NNP", "NNP", ",", "VBG", "IN", "DT", "NNPS", ",", "VBD", "PRP", "VBD", "."],
               lemmas=["Mr", "Clarke", ",", "write", "in", "the", "Times", ",", "say", "it", "fail", "."])


#: The labels the parser gives a participle set off on a noun: apposition, clause, adverbial clause, none.
PARTICIPLE_LABELS = ["appos", "acl", "advcl", "dep"]


@pytest.mark.parametrize("label", PARTICIPLE_LABELS)
def test_an_appositive_participle_is_a_hop_not_part_of_the_name(label: str) -> None:
    doc = _clarke_doc(label)
    speaker = speaker_of(doc[8], LEX)
    assert speaker is not None and speaker.text == "Mr Clarke"
    draft = Draft("indirect", [(doc[9].idx, doc[10].idx + len(doc[10]))], cue=doc[8:9], speaker=speaker)
    add_listener_and_channels(draft, doc[8], LEX)
    assert [(h.relation, h.target.text) for h in draft.chain] == [("via", "The Times")]


@pytest.mark.parametrize("label", PARTICIPLE_LABELS)
def test_noun_phrase_stops_before_an_appositive_participle(label: str) -> None:
    assert noun_phrase(_clarke_doc(label)[1]).text == "Mr Clarke"


def _quoted_doc() -> Doc:
    """'The paper quoted Mr Chernin as saying it failed.'"""
    words = ["The", "paper", "quoted", "Mr", "Chernin", "as", "saying", "it", "failed", "."]
    return Doc(VOCAB, words=words, heads=[1, 2, 2, 4, 2, 2, 5, 8, 6, 2],
               deps=["det", "nsubj", "ROOT", "compound", "dobj", "prep", "pcomp", "nsubj", "ccomp", "punct"],
               pos=["DET", "NOUN", "VERB", "PROPN", "PROPN", "ADP", "VERB", "PRON", "VERB", "PUNCT"],
               tags=["DT", "NN", "VBD", "NNP", "NNP", "IN", "VBG", "PRP", "VBD", "."],
               lemmas=["the", "paper", "quote", "Mr", "Chernin", "as", "say", "it", "fail", "."])


def test_quoted_as_saying_makes_the_quoted_the_speaker() -> None:
    doc = _quoted_doc()
    draft = Draft("indirect", [(doc[7].idx, doc[8].idx + len(doc[8]))], cue=doc[6:7], speaker=speaker_of(doc[6], LEX))
    add_listener_and_channels(draft, doc[6], LEX)
    assert draft.speaker is not None and draft.speaker.text == "Mr Chernin"
    assert [(h.relation, h.target.text) for h in draft.chain] == [("reported_by", "The paper")]


def test_follow_on_quotes_inherit_the_told_hop() -> None:
    text = '"We will fight," he told the Reuters news agency. "We will not give up."'
    first, second = speech(text)
    assert [(h.relation, h.target) for h in second.chain] == [("told", "the Reuters news agency")]
    assert second.listener is not None and second.listener.text == "the Reuters news agency"
    assert first.chain == second.chain
