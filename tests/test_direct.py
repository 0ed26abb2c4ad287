"""Direct quotes end to end: every quote-mark style and attribution pattern of issue 2, with the real model."""

from __future__ import annotations

import pytest

import quotes
from tests.conftest import only, span_texts, speech

# (text, quoted words, speaker mention, cue)
ATTRIBUTED = [
    ('"We will win," Jane Smith said.', "We will win,", "Jane Smith", "said"),
    ('"We will win," said Jane Smith.', "We will win,", "Jane Smith", "said"),
    ("“The budget is a disgrace,” added the senator.", "The budget is a disgrace,", "the senator", "added"),
    ("“Nobody saw it coming,” said one anonymous source close to the talks.", "Nobody saw it coming,",
     "one anonymous source close to the talks", "said"),
    ("'We have the votes,' Smith said.", "We have the votes,", "Smith", "said"),
    ("‘The deal is done,’ the mayor told reporters.", "The deal is done,", "the mayor", "told"),
    ("«We will not retreat,» the minister said.", "We will not retreat,", "the minister", "said"),
    ("„We will not retreat,“ the minister said.", "We will not retreat,", "the minister", "said"),
    ("''We will not retreat,'' Mr. Clarke said.", "We will not retreat,", "Mr. Clarke", "said"),
    ("''I would use the word 'old-school,''' said Mr. Slayton, a Rubio supporter.",
     "I would use the word 'old-school,'", "Mr. Slayton, a Rubio supporter", "said"),
    ('Jane Smith said: "The plan is dead."', "The plan is dead.", "Jane Smith", "said"),
    ("The governor added: “We need more time to count every ballot.”",
     "We need more time to count every ballot.", "The governor", "added"),
    ("He also previously stated: “Peace requires patience. Europe must change.”",
     "Peace requires patience. Europe must change.", "He", "stated"),
    ("Asked about the vote, the senator replied: “We'll see.”", "We'll see.", "the senator", "replied"),
    ("The coach said, “We played our best game of the season tonight.”",
     "We played our best game of the season tonight.", "The coach", "said"),
    ("“Is this the end?” asked the chairman.", "Is this the end?", "the chairman", "asked"),
    ("“Stop the count!” the crowd chanted.", "Stop the count!", "the crowd", "chanted"),
    ("“I never said that,” Smith insisted on Tuesday.", "I never said that,", "Smith", "insisted"),
    ("“We will rebuild the bridge by spring” ― Maria Lopez", "We will rebuild the bridge by spring",
     "Maria Lopez", "―"),
    ('"People told me, \'never again,\' and I listened," said the pilot.',
     "People told me, 'never again,' and I listened,", "the pilot", "said"),
    # the cue first, then who spoke, then a colon
    ("The tax plan divides the party. Said Ellis: “I don’t get the sense she’s interested in tax reform.”",
     "I don’t get the sense she’s interested in tax reform.", "Ellis", "Said"),
    ("Added the minister: “We will not retreat.”", "We will not retreat.", "the minister", "Added"),
    # a quote of several sentences: the parser hangs the name on the quote's last clause, the cue has no subject
    ("“He is absolutely right. There is a disconnect between this White House and our military,” Flynn, "
     "a top Trump surrogate, said Thursday.",
     "He is absolutely right. There is a disconnect between this White House and our military,",
     "Flynn, a top Trump surrogate", "said"),
    ("The Justice Department is investigating the shooting.\n\n“I will make this promise to you: We will achieve "
     "justice in this case,” Tulsa police Chief Chuck Jordan said Monday.",
     "I will make this promise to you: We will achieve justice in this case,",
     "Tulsa police Chief Chuck Jordan", "said"),
    ("“My reaction, that was outrageous,” Obama’s former campaign strategist said in an interview.",
     "My reaction, that was outrageous,", "Obama’s former campaign strategist", "said"),
    ('"He would be a great senator. Not good, great. One of the brightest members of Congress," '
     "Rep. Elijah E. Cummings (D-Md.) said in a phone interview.",
     "He would be a great senator. Not good, great. One of the brightest members of Congress,",
     "Rep. Elijah E. Cummings (D-Md.)", "said"),
    # a full stop inside the marks, then a sentence that is only a speaker and a cue
    ("“We are done with this.” The senator told reporters.", "We are done with this.", "The senator", "told"),
    ("“I hope they find the missing files.” Smith said on Friday.", "I hope they find the missing files.",
     "Smith", "said"),
    # a quoted nickname inside the name, and a bracket, do not end the attribution
    ("“This is our year!” the mayor's sister, state Del. Anna “Annie” Ruiz (D-Richmond), shouted to the crowd.",
     "This is our year!", "the mayor's sister, state Del. Anna “Annie” Ruiz (D-Richmond)", "shouted"),
    # a short quote inside the speaker's phrase names something in passing and ends no attribution
    ("“We have had better conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat and “Ted "
     "Cruz” campaign pins, said.", "We have had better conventions than this one,", "Texas delegate Bill Eastland",
     "said"),
    # 'put it': to express in words
    ("As the senator put it: “This nominee will not be confirmed.”", "This nominee will not be confirmed.",
     "the senator", "put"),
    ("The coach put it this way: “We lost to a better team.”", "We lost to a better team.", "The coach", "put"),
    # a whole quoted sentence right after its cue, no comma between: imperatives and subjectless sentences too
    ("When the senator walked in, a man yelled “Stay there!”", "Stay there!", "a man", "yelled"),
    ("The singer shared the news online, writing “Feels great to support someone I believe in.”",
     "Feels great to support someone I believe in.", "The singer", "writing"),
    # a document's words: its verb inverted, or read as the last noun of a compound; court papers are documents
    ("“We will appeal the decision,” read the statement.", "We will appeal the decision,", "the statement", "read"),
    ("“We will appeal the decision,” the email read.", "We will appeal the decision,", "the email", "read"),
    ("“The officer acted with malice,” the suit reads.", "The officer acted with malice,", "the suit", "reads"),
    # a quoted clause that ends the sentence, run into it in lower case
    ("On Friday, while discussing the report, Senator Jane Smith (D-NY) said “higher taxes, they’ve got no future "
     "in this country.”", "higher taxes, they’ve got no future in this country.", "Senator Jane Smith (D-NY)",
     "said"),
    # a whole quoted sentence after a colon that ends a clause whose subject can speak, whatever the verb
    ("Governor Kasich resisted: “Ohio governors do not have the power to suspend rights.”",
     "Ohio governors do not have the power to suspend rights.", "Governor Kasich", "resisted"),
    ("She then addressed the supporters again: “Here is what I regret.”", "Here is what I regret.", "She",
     "addressed"),
    # spaces after the colon; a document says what it quotes
    ("The governor resisted:  “Ohio governors do not have that power.”", "Ohio governors do not have that power.",
     "The governor", "resisted"),
    ("Hoff’s letter makes a libertarian-style case: “Followers of radical Islam hate everything we stand for.”",
     "Followers of radical Islam hate everything we stand for.", "Hoff’s letter", "makes"),
    # a sentence that is only a speaker and a cue attributes the quoted sentence right after it
    ("Professor Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”",
     "Mainstream Republicans are running out of time.", "Professor Dianne Bystrom", "agreed"),
    ("Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots to recount.”",
     "There are no paper ballots to recount.", "Sam Lau, the party's spokesman", "said"),
    # so does a sentence whose verb's object names an utterance
    ("On the other side, Sen. Ted Cruz tweeted a warning. “Remember in November the Democrats who filibustered.”",
     "Remember in November the Democrats who filibustered.", "Sen. Ted Cruz", "tweeted"),
    # a comma works as the colon does when the quote ends the sentence
    ("Immediately after the attacks, the senator issued a statement, “Last night, our nation was attacked.”",
     "Last night, our nation was attacked.", "the senator", "issued"),
    # a verb that reports speech only with its particle
    ("“We ought to start it up again,” he went on.", "We ought to start it up again,", "he", "went"),
    ("“That is simply false,” Smith fired back.", "That is simply false,", "Smith", "fired"),
    # a name the tagger did not call a person speaks all the same
    ("Toomey fumed: “If they were serious about this, they would have gone to the others.”",
     "If they were serious about this, they would have gone to the others.", "Toomey", "fumed"),
    # the clause nearest the colon says whose words they are
    ("My mother became so upset that I had to change my answer: “Of course I believe in the devil.”",
     "Of course I believe in the devil.", "I", "change"),
]


@pytest.mark.parametrize(("text", "words", "mention", "cue"), ATTRIBUTED)
def test_attributed_direct_quote(text: str, words: str, mention: str, cue: str) -> None:
    quote = only(text)
    assert quote.kind == "direct"
    assert span_texts(text, quote) == [words]
    assert quote.speaker is not None and quote.speaker.mention == mention
    assert quote.cue is not None and quote.cue.text == cue


def test_a_quoted_clause_after_a_conjunct_cue_goes_on_with_the_report() -> None:
    text = "The mayor said Friday that she thinks the report should be released but said “the question is the timing.”"
    assert [q.kind for q in speech(text)] == ["mixed"]


def test_a_participle_with_a_clause_after_a_quote_says_something_new() -> None:
    import quotes

    text = ('In a statement, the company said: "The unit was highly successful when it was spun off," adding that '
            "its market value quadrupled in a year.")
    found = [(q.kind, q.text, q.speaker.mention if q.speaker else None) for q in quotes.extract(text)]
    assert found == [("direct", "The unit was highly successful when it was spun off,", "the company"),
                     ("indirect", "its market value quadrupled in a year", "the company")]


def test_a_cue_with_words_of_its_own_does_not_attribute_the_closed_quote_before_it() -> None:
    import quotes

    text = "“I hope they find the missing files.” Smith said he was joking."
    records = quotes.extract(text)
    assert not any(q.kind == "direct" for q in records)
    assert [q.text for q in records if q.kind == "indirect"] == ["he was joking"]


def test_glued_marks_still_give_exact_spans() -> None:
    text = ("He said it was due to the“realities of the war,” and left."
            "“We must stock up,” Trump said.“We'd rather stay.”")
    quotes = speech(text)
    assert [q.kind for q in quotes] == ["mixed", "direct", "direct"]
    assert span_texts(text, quotes[0]) == ["it was due to the“realities of the war,”"]
    assert span_texts(text, quotes[1]) == ["We must stock up,"]
    assert span_texts(text, quotes[2]) == ["We'd rather stay."]
    assert quotes[2].speaker == quotes[1].speaker


@pytest.mark.parametrize("text", [
    "‘If it’s possible to stop this war,’ Zelensky reportedly said, ‘then certainly it can be stopped.’",
    # copy that lost the comma after the cue: the quote right after it still continues the sentence
    "‘If it’s possible to stop this war,’ Zelensky reportedly said ‘then certainly it can be stopped.’",
])
def test_split_quote_is_one_record_with_two_spans(text: str) -> None:
    quote = only(text)
    assert span_texts(text, quote) == ["If it’s possible to stop this war,", "then certainly it can be stopped."]
    assert quote.text == "If it’s possible to stop this war, … then certainly it can be stopped."
    assert quote.speaker is not None and quote.speaker.mention == "Zelensky"


@pytest.mark.parametrize(("text", "cues"), [
    ("“We cannot afford this anymore,” Trump said, adding later, “NATO is costing us a fortune.”",
     ["said", "adding"]),
    ("“We will win,” Smith said, noting, “The polls are wrong.”", ["said", "noting"]),
])
def test_a_second_cue_between_two_quotes_makes_two_records(text: str, cues: list[str]) -> None:
    found = speech(text)
    assert [(len(q.spans), q.cue.text) for q in found] == [(1, c) for c in cues]
    assert found[0].speaker.mention == found[1].speaker.mention


def test_a_cue_with_a_subject_of_its_own_does_not_split_the_quote() -> None:
    text = "“We will win,” Smith told reporters who asked, “The polls are wrong.”"
    quote = only(text)
    assert span_texts(text, quote) == ["We will win,", "The polls are wrong."]


@pytest.mark.parametrize(
    "text",
    [
        '"We will win," Smith said. "The votes are there."',
        "“We will win,” Smith said.“The votes are there.”",
        '"We will win," Smith said.\n\n"The votes are there."',
        "“Tomahawks are a new step,” added Smith. “Do they want them? I don't think so.”",
        # a reporter's question in the cue's own clause is no new attribution
        "“I am not going anywhere,” Smith insisted when asked whether she would resign. “I have a job to do.”",
        "“I am not going anywhere,” Smith said after she was asked about the vote. “I have a job to do.”",
        # a sentence between with a quoted word nobody says is no new attribution
        '"We will win," Smith said. Her main worry is "turnout". "The votes are there."',
    ],
)
def test_following_quote_inherits_the_speaker(text: str) -> None:
    first, second = speech(text)
    assert second.kind == "direct" and second.cue is None
    assert second.speaker == first.speaker
    assert second.spans[0].start > first.spans[0].end


def test_a_question_someone_else_asks_stops_inheritance() -> None:
    last = speech("“I am not going anywhere,” Smith said after the reporter asked about the vote. “We lost.”")[-1]
    assert last.text == "We lost." and (last.speaker is None or last.speaker.mention != "Smith")


@pytest.mark.parametrize("between", [
    "On the Sunday shows, Senator Jones identified voter fatigue as the main problem.",
    "On “Face the Nation,” Senator Jones identified voter fatigue as the main problem.",
])
def test_a_named_subject_between_stops_inheritance(between: str) -> None:
    last = quotes.extract(f'"We will win," Smith said.\n\n{between} "Young people are sick of it."')[-1]
    assert last.text == "Young people are sick of it."
    assert last.speaker is None or last.speaker.mention != "Smith"


def test_new_cue_stops_inheritance() -> None:
    text = '"We will win," Smith said. Jones disagreed and said the race was over. "We lost."'
    last = speech(text)[-1]
    assert last.text == "We lost."
    assert last.speaker is None or last.speaker.mention != "Smith"


def test_quote_running_across_paragraphs_is_one_record_per_paragraph() -> None:
    text = 'Smith said: "The first point is cost.\n\n"The second point is time."'
    found = speech(text)
    assert [q.text for q in found] == ["The first point is cost.", "The second point is time."]
    assert [q.speaker.mention if q.speaker else None for q in found] == ["Smith", "Smith"]


def test_a_clause_before_a_comma_does_not_take_a_quote_that_a_cue_after_it_attributes() -> None:
    found = speech("When the crowd went quiet, “We love you!” someone shouted.")
    assert all(q.speaker is None or q.speaker.mention != "the crowd" for q in found)


@pytest.mark.parametrize(("text", "mention"), [
    ("The newspaper obtained a memo on Friday. “We will close the plant by March.”", "The newspaper"),
    ("She received a letter on Monday. “I will never forgive you.”", "She"),
    ("Reporters got a statement from the campaign. “We will appeal the ruling.”", "Reporters"),
])
def test_a_document_someone_obtained_or_was_given_does_not_speak_for_them(text: str, mention: str) -> None:
    found = speech(text)
    assert all(q.speaker is None or q.speaker.mention != mention for q in found)


def test_colon_introduction_in_the_paragraph_before() -> None:
    text = 'He said:\n\n"We have a situation in our cities that nobody talks about."'
    quote = only(text)
    assert quote.speaker is not None and quote.speaker.mention == "He"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('The provider supplies the information "as is" without warranty of any kind.', "as is"),
        ("US Rejects Missile Request After 'Tense And Frank' Talks", "Tense And Frank"),
        ('In an interview on CBS\'s "Face the Nation," the speaker said the bill would pass.', "Face the Nation,"),
        ("The so-called “peace plan” was never published.", "peace plan"),
        # a verb of naming before a capitalised quote names a thing
        ("The governor called the bill “Totally Unfair.”", "Totally Unfair."),
        # a label that does not open its line is a name and nothing else ('Once in January' is a time)
        ("He said it twice. Once in January: “We will win.”", "We will win."),
        ("The rules are clear - Article 5: “An attack on one is an attack on all.”",
         "An attack on one is an attack on all."),
        # after a colon, a clause whose subject cannot speak, or whose words come from someone else
        ("The question for the party is simple: “Who pays for the wall?”", "Who pays for the wall?"),
        ("Clinton faced a question from a voter: “Why did you vote for the war?”",
         "Why did you vote for the war?"),
    ],
)
def test_scare_quotes_and_titles_are_not_speech(text: str, term: str) -> None:
    import quotes

    records = quotes.extract(text)
    assert not any(q.kind == "direct" and q.text == term for q in records)
    assert any(q.kind == "term" and q.text == term for q in records) or any(
        term in q.text and q.kind == "mixed" for q in records
    )


def test_unbalanced_marks_do_not_lose_the_article() -> None:
    text = 'The mayor was blunt. "This quote never closes, she said.\n\nLater Smith said: "We will win."'
    quotes = speech(text)
    assert any(q.text == "We will win." and q.speaker and q.speaker.mention == "Smith" for q in quotes)
    import quotes as q

    assert any(r.text == "This quote never closes, she said." for r in q.extract(text))
