"""Reported speech and mixed quotes end to end (issue 3), including what is not speech."""

from __future__ import annotations

import pytest

from quotes import extract
from tests.conftest import only, span_texts, speech

VERBS = ["said", "suggested", "emphasized", "insisted", "claimed", "acknowledged", "argued", "cautioned",
         "indicated", "confirmed", "alleged", "warned", "noted", "explained", "predicted", "conceded",
         # verbs of the medium (VerbNet instr_communication-37.4) and of repeating or throwing in a remark
         "emailed", "faxed", "echoed", "interjected"]


@pytest.mark.parametrize("verb", VERBS)
def test_speech_verb_with_that_clause(verb: str) -> None:
    text = f"The mayor {verb} that the new bridge would open in the spring."
    quote = only(text)
    assert quote.kind == "indirect"
    assert quote.text == "the new bridge would open in the spring"
    assert quote.speaker is not None and quote.speaker.mention == "The mayor"
    assert quote.cue is not None and quote.cue.text == verb


# (text, content, speaker mention)
CLAUSES = [
    ("Smith said the bridge would open in the spring.", "the bridge would open in the spring", "Smith"),
    ("A person familiar with the encounter indicated the president was amenable to the idea.",
     "the president was amenable to the idea", "A person familiar with the encounter"),
    ("The Ukrainian leader told Axios that the weapons could send a message.",
     "the weapons could send a message", "The Ukrainian leader"),
    ("Putin warned Trump during the call that the missiles would damage relations.",
     "the missiles would damage relations", "Putin"),
    ("Analysts caution that any decision would hinge on risk.", "any decision would hinge on risk", "Analysts"),
    ("Russia says that supplying the missiles would rupture ties.", "supplying the missiles would rupture ties",
     "Russia"),
    ("Arriving in Paris (his third visit this year), Smith said the talks had stalled.", "the talks had stalled",
     "Smith"),
    ("The report, which was compiled by auditors, alleges that the funds were misused.",
     "the funds were misused", "The report"),
    ("He returned the donations, which he said were accompanied by leverage and favors.",
     "were accompanied by leverage and favors", "he"),
    # a condition opening the reported clause is part of it, and so is the 'if' or 'whether' of a reported
    # question: the whole complement, or the question would read as a claim
    ("He warned that if the bloc fails to ensure security, it could rapidly fall apart.",
     "if the bloc fails to ensure security, it could rapidly fall apart", "He"),
    ("She asked if the plan would work.", "if the plan would work", "She"),
    ("The senator asked whether the program was legal.", "whether the program was legal", "The senator"),
    # a verb of asking with a subject to share asks its own question (only 'Asked whether …' is the reporter's)
    ("Sen. Ron Johnson kept asking her why the department had tied the violence to the protests.",
     "why the department had tied the violence to the protests", "Sen. Ron Johnson"),
    # a verb of asking's 'if' clause after its object, which the parser reads as a condition
    ("A reporter asked the candidate if he had been preparing himself for the possibility of becoming president.",
     "if he had been preparing himself for the possibility of becoming president", "A reporter"),
    # a support verb with a word that makes it a speech verb, and its 'that' clause on the verb or on the word
    ("Trump made it clear that he would not back down.", "he would not back down", "Trump"),
    ("The senator made clear on Monday that she opposes the bill.", "she opposes the bill", "The senator"),
    ("Gorka made the point that the plan would fail.", "the plan would fail", "Gorka"),
    ("Obama repeatedly made the case that the deal would work.", "the deal would work", "Obama"),
    # a source who requested anonymity asked for nothing the article reports: the infinitive says why
    ("A White House official, who requested anonymity to discuss a private talk, said the president had called.",
     "the president had called", "A White House official"),
    # and so did one who asked not to be named: a passive of identifying is the terms, not a request
    ("One backbencher, who asked not to be named, said the party was furious.",
     "the party was furious", "One backbencher"),
    ("A source, who declined to be identified, said the deal was close.", "the deal was close", "A source"),
    # a description the parser hung on the name of a fronted phrase is the subject it lacks
    ("Speaking to Le Monde, a senior French diplomat said Paris had consulted its partners.",
     "Paris had consulted its partners", "a senior French diplomat"),
    # a semicolon ends the reported clause: what follows is the writer's
    ("They said the timing was not intentional; they only learned of the deal on Friday.",
     "the timing was not intentional", "They"),
    # a 'that' clause the parser hung on a noun two prepositions down, reading 'that action' as a determiner
    ("The TUC said in its submission before the Budget that action is needed because of 105,000 jobs lost.",
     "action is needed because of 105,000 jobs lost", "The TUC"),
    # the subject before a parenthetical between dashes that the parser tangled
    ("A day earlier, Mr Yushchenko - keen to reassure potential investors - had said only 30 to 40 top firms "
     "would be targeted.", "only 30 to 40 top firms would be targeted", "Mr Yushchenko"),
    ("Trump said on Friday he would not accept the endorsement.",
     "he would not accept the endorsement", "Trump"),
    # a time the parser hung on the subject belongs to the clause, not to the name
    ("Trump on Sunday said the plan was dead.", "the plan was dead", "Trump"),
    # so is a channel ('in a statement', 'in an interview with …')
    ("Trump in a statement said the plan was dead.", "the plan was dead", "Trump"),
    ("The senator in an interview with CNN said the plan was dead.", "the plan was dead", "The senator"),
    # a how/why/when clause of a speech verb reports what was said ('what he calls …' is a free relative)
    ("The general explained why he backs the governor.", "why he backs the governor", "The general"),
    ("The senators did not say when they would vote.", "when they would vote", "The senators"),
    ("The pollster told reporters how surprised he is by the race.", "how surprised he is by the race",
     "The pollster"),
    # a wh-word that opens the reported clause's subject, not a free relative: the clause is what was said
    ("She said that what he is doing is wrong.", "what he is doing is wrong", "She"),
    # an adverb before 'that' qualifies the saying; without 'that' it is the clause's own ('said only 30 firms …')
    ("The governor said only that the plan was dead.", "the plan was dead", "The governor"),
    ("The spokesman added simply that the talks had ended.", "the talks had ended", "The spokesman"),
    # a weak verb with a particle that makes it a verb of saying takes a bare clause
    ("The engineer pointed out there are a lot of issues to iron out.", "there are a lot of issues to iron out",
     "The engineer"),
    # a gerund subject the parser made the cue's object, with its clause hung under it
    ("Since last spring, the minister and other officials have said cutting that debt must be a priority for the "
     "government.", "cutting that debt must be a priority for the government", "the minister and other officials"),
]


@pytest.mark.parametrize(("text", "content", "mention"), CLAUSES)
def test_reported_clause(text: str, content: str, mention: str) -> None:
    quote = only(text)
    assert (quote.kind, quote.text) == ("indirect", content)
    assert quote.speaker is not None and quote.speaker.mention == mention


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("The senator rejected the bill, arguing that it would raise taxes.", ["it would raise taxes"]),
        ("Smith said the talks went well, adding that a deal was close.",
         ["the talks went well", "a deal was close"]),
        ("Smith claimed he could end the war in days, but has since acknowledged that the conflict is hard.",
         ["he could end the war in days", "the conflict is hard"]),
        ("Moscow renewed its campaign, claiming Kyiv uses the sites for its army.",
         ["Kyiv uses the sites for its army"]),
    ],
)
def test_participles_and_conjuncts_inherit_the_subject(text: str, contents: list[str]) -> None:
    found = speech(text)
    assert [q.text for q in found] == contents
    names = {q.speaker.mention for q in found if q.speaker}
    assert len(names) == 1 and len(found) == len(contents)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("According to Reuters, the plant was closed on Monday.", "the plant was closed on Monday", "Reuters"),
        ("The plant was closed on Monday, according to Reuters.", "The plant was closed on Monday", "Reuters"),
        # between the subject and its verb: both parts of the clause, the phrase left out
        ("The plant, according to local officials, was closed on Monday.", "The plant … was closed on Monday",
         "local officials"),
        # the parser hangs the phrase on the subject: it still modifies the clause
        ("Other major cleavages, according to the poll, include ideology and education.",
         "Other major cleavages … include ideology and education", "the poll"),
        ("One of the decisions they have made, according to a person close to the process, is to turn the attacks "
         "into a counterattack.", "One of the decisions they have made … is to turn the attacks into a counterattack",
         "a person close to the process"),
        # a conjunct with a subject of its own is the clause the phrase modifies
        ("He crossed the border years ago after, according to him, Televisa censured his first report.",
         "Televisa censured his first report", "him"),
        ("Ailes also met with Trump that day, and he will be part of efforts to prepare Trump for the debate, "
         "according to three people briefed on the discussions.",
         "he will be part of efforts to prepare Trump for the debate", "three people briefed on the discussions"),
        # without a comma, a second predicate the parser made of a noun phrase: the whole sentence
        ("Jones is one of at least 300 people killed by police so far this year and the third person shot and killed "
         "by a county deputy, according to a newspaper database tracking such deaths.",
         "Jones is one of at least 300 people killed by police so far this year and the third person shot and killed "
         "by a county deputy", "a newspaper database tracking such deaths"),
        # a relative pronoun is no part of what was reported
        ("Police raided a site that, according to reports, let users share pirated films.",
         "let users share pirated films", "reports"),
        ("According to Yuri Ushakov, Putin's adviser, the call lasted two hours.", "the call lasted two hours",
         "Yuri Ushakov"),
        # a verbless sentence says something too
        ("Pretty much the same, according to MSNBC.", "Pretty much the same", "MSNBC"),
        # a cue in the clause whose words the parse cannot give: the source reports the clause
        ("According to the report, Smith asked the employee to delete emails.",
         "Smith asked the employee to delete emails", "the report"),
        # mid-clause, the side with the clause's verb, however long the writer's remark after it
        ("Some 59 percent of registered voters view her unfavorably, according to a poll last week - virtually the "
         "same as his 60 percent.", "Some 59 percent of registered voters view her unfavorably", "a poll"),
        # a bracket the source opens is the writer's remark on the figure, not part of the source
        ("Sanders won 54 percent of union households on Tuesday, according to exit polls (a sizable margin, but one "
         "that is smaller than his overall support).", "Sanders won 54 percent of union households on Tuesday",
         "exit polls"),
    ],
)
def test_according_to_in_every_position(text: str, content: str, source: str) -> None:
    quote = only(text)
    assert quote.kind == "indirect"
    assert quote.text == content
    assert quote.speaker is not None and source in quote.speaker.mention


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("Trump had appeared open to it, despite warnings from Putin that such a move would damage relations.",
         "such a move would damage relations", "Putin"),
        ("The ministry questioned Trump's statement that Modi had agreed to stop buying oil.",
         "Modi had agreed to stop buying oil", "Trump"),
        # a name modifying the noun says whose words they are
        ("Voters reacted to a CNN report that the mayor had resigned.", "the mayor had resigned", "CNN"),
        # a 'that' clause right after the noun's phrase, which the parser hung on the sentence
        ("The union is unlikely to endorse Clinton after her March comment that, “We're going to put a lot of coal "
         "miners out of business.”", "We're going to put a lot of coal miners out of business.", "her"),
    ],
)
def test_noun_cues(text: str, content: str, mention: str) -> None:
    quote = only(text)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.mention == mention


@pytest.mark.parametrize(
    ("text", "marked", "kind"),
    [
        ('Trump said the country had to be careful not to "deplete" its own supplies.',
         'the country had to be careful not to "deplete" its own supplies', "mixed"),
        ("He told those around him that it was due to the “realities of the conflict,” aides said.",
         "it was due to the “realities of the conflict,”", "mixed"),
        ("Trump said “great progress” had been made during the call.",
         "“great progress” had been made during the call", "mixed"),
        ("Zelensky cast the meeting as a “pointed conversation” in a post to social media.",
         "a “pointed conversation”", "mixed"),
        ("Trump said that “we need them too, so I don't know what we can do.”",
         "we need them too, so I don't know what we can do.", "direct"),
        ("A source described the letter as ‘a gesture of goodwill.’", "a gesture of goodwill.", "direct"),
        # the preposition a quoted argument hangs on is the cue's
        ('The mayor warned of "dire consequences" if the vote failed.', "dire consequences", "direct"),
        ('Ministers have been accused of "breathtaking complacency" over the state of the prisons.',
         "breathtaking complacency", "direct"),
        # a 'that' clause the parser hung on the channel noun ('said in a statement that …') is the cue's
        ("The company’s chief executive, Jane Smith, said in a statement that “the results speak for themselves”.",
         "the results speak for themselves", "direct"),
        # a clause right after a verb of telling and its listener, which the parser hung elsewhere
        ("The endorsement comes just three days after Trump told The Washington Post he was “not quite there yet” on "
         "supporting Ryan, who will face a challenger.",
         "he was “not quite there yet” on supporting Ryan, who will face a challenger", "mixed"),
        # the cue the parser read as a participle of the first of two subjects
        ("Multiple outlets reported on Wednesday the Secret Service had “more than one conversation” with Trump.",
         "the Secret Service had “more than one conversation” with Trump", "mixed"),
        ("The attack sparked a debate, with Senator John McCain telling reporters on Thursday he viewed Obama as "
         "“directly responsible” for the attack.", "he viewed Obama as “directly responsible” for the attack", "mixed"),
    ],
)
def test_mixed_and_direct_after_a_cue(text: str, marked: str, kind: str) -> None:
    quote = speech(text)[0]
    assert quote.kind == kind
    assert span_texts(text, quote) == [marked]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Climate change, Mr. Obama often says, is the greatest threat we face.",
         ["Climate change", "is the greatest threat we face"]),
        ("The plan will fail within a year, experts say.", ["The plan will fail within a year"]),
        # the cue's own adverbial is no content, but a word of the clause the parser gave the cue is no adverbial
        ("People should show evidence and stop waving around words like “maybe” and “perhaps”, he told reporters.",
         ["People should show evidence and stop waving around words like “maybe” and “perhaps”"]),
        # a cue with its listener set off before its host, which the parser made an unmarked adverbial clause
        ("And yet every Friday, from 8 a.m. to noon, the former HP executive told The Washington Post, Fiorina "
         "would lead a committee meeting.", ["And yet every Friday, from 8 a.m. to noon",
                                           "Fiorina would lead a committee meeting"]),
        # an inverted cue whose words before the comma the parser read as a second subject ('signals' a noun)
        ("The rejection of the treaty signals “the beginning of the end” for the EU, said Geert Wilders, founder "
         "of the Dutch Party for Freedom.",
         ["The rejection of the treaty signals “the beginning of the end” for the EU"]),
    ],
)
def test_parenthetical_and_preposed_cues(text: str, parts: list[str]) -> None:
    quote = only(text)
    assert span_texts(text, quote) == parts


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union called for an end to the strike.", "an end to the strike"),
        # object control: the one asked does what is asked, and is part of it (PolNeAR's 'urged him to resign')
        ("The senator urged the governor to sign the bill.", "the governor to sign the bill"),
        ("The mayor called on Congress to act.", "Congress to act"),
        ("The coach told his players to stay calm.", "his players to stay calm"),
        ("The mayor vowed to rebuild the bridge.", "to rebuild the bridge"),
        ("The company acknowledged a serious breach of its systems.", "a serious breach of its systems"),
        ("The senator denied taking money from the lobbyists.", "taking money from the lobbyists"),
        ("The secretary stressed bipartisan support for continued engagement.",
         "bipartisan support for continued engagement"),
        ("The panel recommended raising the retirement age.", "raising the retirement age"),
        ("She complained about the noise from the plant.", "the noise from the plant"),
        ("The general warned against cuts to the missile defense budget.", "cuts to the missile defense budget"),
        # a conjunct shares its head's subject: not the reporter's subjectless 'Asked whether …'
        ("The senator smiled and asked the crowd to welcome the governor.", "the crowd to welcome the governor"),
        # a pro-form standing for what was said before
        ("The campaign manager said as much.", "as much"),
        ("Most voters said the same of the governor.", "the same of the governor"),
        # a noun cue with no clause of its own is what was noted
        ("The committee noted the senator's comments on its website.", "the senator's comments on its website"),
        ("The mayor said so in a statement.", "so"),
        ("Asked whether he would resign, the minister said no.", "no"),
        # 'so' modifying another adverb is no pro-form: the clause is what was said
        ("The coach said so far the team had played well.", "so far the team had played well"),
        # a promise's infinitive the parser made adverbial after a time it took for the object, or a listener
        ("Sanders promised Sunday at a rally in Las Vegas to end the deportation program.",
         "to end the deportation program"),
        # subject control: the one who promises acts, the one promised is no part of the promise
        ("He promised voters on Monday to cut taxes.", "to cut taxes"),
        # 'call on' with the people asked as its object
        ("The mayor plans to call on young people to volunteer at the shelter.",
         "young people to volunteer at the shelter"),
        # 'for' opening a clause with a subject of its own
        ("The senator called for her to quit the race.", "her to quit the race"),
    ],
)
def test_requests_promises_and_nominal_contents(text: str, content: str) -> None:
    quote = only(text)
    assert quote.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Cruz exhorted delegates to "vote your conscience" in November.', 'delegates to "vote your conscience"'),
        ('The fund referenced "political tensions" in rich economies.', '"political tensions" in rich economies'),
    ],
)
def test_exhortations_and_references_are_found_by_the_rules(text: str, content: str) -> None:
    quote = only(text)
    assert quote.text == content and quote.method != "model"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("As the mayor said last week, the bridge will open in May.", "the bridge will open in May", "the mayor"),
        ("The bridge will open in May, as the mayor said last week.", "The bridge will open in May", "the mayor"),
        ("As many tax experts have pointed out, the candidate is free to disclose his returns.",
         "the candidate is free to disclose his returns", "many tax experts"),
        ("Wages fell, as the report showed.", "Wages fell", "the report"),
        ("As the mayor put it in an interview, the bridge will open in May.", "the bridge will open in May",
         "the mayor"),
        # 'on Tuesday' after 'reported' says when, not what it reported on
        ("Ailes met the candidate that day, as The New York Times reported on Tuesday.",
         "Ailes met the candidate that day", "The New York Times"),
    ],
)
def test_a_comment_clause_says_the_clause_it_comments_on(text: str, content: str, mention: str) -> None:
    quote = only(text)
    assert (quote.text, quote.speaker.mention) == (content, mention)


@pytest.mark.parametrize(
    "text",
    [
        "Smith believes the plan will fail.",
        "Officials fear the bridge will collapse.",
        "She hopes the talks will resume next week.",
        "He waved as he said goodbye.",
        "Take, say, a dozen eggs and beat them.",
        "The so-called reform stalled in the senate.",
        "Said document was filed on Tuesday.",
        "Neither the White House nor the Kremlin confirmed any contact between them.",
        "Asked whether he would run again, the senator smiled.",
        "He lamented what he calls the failures of the war.",
        "The exchange revealed a complex interplay of interests.",
        # 'according to' in the sense 'in conformity with'
        "Warez groups operate according to a strict code of honour.",
        "The launch went ahead according to plan on Tuesday.",
        "Pupils are grouped according to their ability.",
        # 'as' clauses that tell when, not what: an intransitive talk verb, a cue with an object of its own
        "As the mayor spoke, protesters gathered outside.",
        "As he said goodbye, she wept.",
        "He commented on Sunday.",
        # the terms on which someone spoke are not what they spoke about
        "The official spoke on condition of anonymity.",
        "He spoke against the bronze backdrop of the museum.",
        "She commented on the record.",
        "The senator is not saying much.",
        "He did not deny taking the money.",
        # a quoted pro-form is no answer of its own: 'say “no” to' is a fragment of the sentence around it
        "Voters will say “no” to the plan.",
        # the cue's own adverbial before it is not what was said
        "In a statement on Monday, the mayor said.",
        "Last week, the senator told reporters.",
        "But when Congress cut funding for the program two years later, Mexico said enough.",
        # a negated cue set before its host is no parenthetical: nothing was said
        "I never thanked him for that, so I’ll do that now.",
        # an infinitive after an object says why ('called a meeting to …'), as does one after 'anonymity'
        "The mayor called a meeting to discuss the budget.",
        # a verb of asking with its head's subject asks only a question of its own
        "The committee can act by asking prosecutors to charge someone with contempt.",
        "Republicans have been trying to question several of those witnesses.",
        "She was never sworn in to tell the truth.",
        # an invitation is no request the article reports
        "Sanders has invited the scholar to testify.",
        # a support verb reports only with its 'that' clause
        "She made it clear.",
        "He made the case for lower taxes.",
        # 'put it' with a particle or a place is not 'to express in words'
        "“Is this the one?” He put it on the table.",
        "“Can it wait?” She put it off until Monday.",
        # verbs of speaking in another sense report only with a 'that' clause or a quote
        "The ruling echoes a 2015 decision of the court.",
        "The senator phoned the governor on Sunday.",
        # an emphatic pronoun after a naming verb's object is no name for it
        "Chairman Reince Priebus is even calling major fundraisers himself, asking them to host events.",
    ],
)
def test_not_speech(text: str) -> None:
    assert speech(text) == []


def test_content_excludes_that_cue_and_trailing_attribution() -> None:
    text = "Zelensky has argued that strikes would compel Putin to negotiate, AP reported."
    quote = only(text)
    assert quote.text == "strikes would compel Putin to negotiate"
    assert [(h.relation, h.target) for h in quote.chain] == [("reported_by", "AP")]


def test_a_later_attribution_of_its_own_does_not_make_the_first_cue_its_relay() -> None:
    text = ("She said fathers would not be eligible for the leave, and when pressed on why, the mother of three "
            'replied, "It is meant to benefit the mother."')
    found = speech(text)
    assert [(q.kind, q.text, q.speaker.mention) for q in found] == [
        ("indirect", "fathers would not be eligible for the leave", "She"),
        ("direct", "It is meant to benefit the mother.", "the mother of three")]
    assert found[1].chain == []


@pytest.mark.parametrize("text", [
    "The talks had stalled, said the official, who spoke on condition of anonymity.",
    "The talks had stalled, according to a senior official who spoke on the condition of anonymity.",
])
def test_an_anonymous_source_says_one_thing(text: str) -> None:
    quote = only(text)
    assert quote.text == "The talks had stalled"


def test_a_participle_after_a_negated_inner_cue_speaks_for_the_outer_speaker() -> None:
    text = ("The campaign manager said that the candidate was not contradicting his stance by accepting their help, "
            "noting that most of the money came from small donors.")
    quotes = speech(text)
    assert [q.speaker.mention for q in quotes if q.speaker] == ["The campaign manager", "The campaign manager"]


@pytest.mark.parametrize("text", ["Nothing the senator said was true.",
                                  "The plan the mayor announced will cost millions."])
def test_the_rules_take_no_main_verb_after_a_zero_relative_cue_for_content(text: str) -> None:
    # the rules only: the tagger may still read the main clause as content
    assert [q for q in extract(text, model_pass=False) if q.kind in ("direct", "mixed", "indirect")] == []


@pytest.mark.parametrize(("text", "content", "mention"), [
    ("The board ruled that the ad was “misleading.”", "the ad was “misleading.”", "The board"),
    ("The mayor referred to the protesters as “troublemakers” in a radio interview.",
     "the protesters as “troublemakers”", "The mayor"),
])
def test_the_rules_read_fragments_of_verbs_of_judgment_and_naming(text: str, content: str, mention: str) -> None:
    found = [q for q in extract(text, model_pass=False) if q.kind == "mixed"]
    assert [(q.text, q.speaker.mention if q.speaker else None) for q in found] == [(content, mention)]


def test_a_naming_verbs_predicate_parsed_as_an_apposition_of_its_object_is_read() -> None:
    """No comma sets 'her hero' off from 'her fallen son': the parser's apposition is the naming verb's predicate."""
    text = "Sanders called her fallen son her hero before explaining why she forgave Roof."
    found = [(q.text, q.speaker.mention if q.speaker else None) for q in extract(text, model_pass=False)]
    assert ("her fallen son her hero", "Sanders") in found


@pytest.mark.parametrize(("text", "content"), [
    ("Reid called Trump a con artist on Tuesday.", "Trump a con artist"),
    ("He called the senator's public squabble with the intelligence community unusual.",
     "the senator's public squabble with the intelligence community unusual"),
    ('He called it "shameful" and called on leaders to act.', 'it "shameful"'),
    ('In a tweet, she called the governor the "ultimate hypocrite," linking to a story.',
     'the governor the "ultimate hypocrite,"'),
    ("The candidate calls himself a democratic socialist.", "himself a democratic socialist"),
    ("The senator called herself pro-choice.", "herself pro-choice"),
], ids=["both-labelled-predicates", "adjective-on-the-objects-last-noun", "coordinated-verb-after",
        "participle-after-a-comma", "reflexive-with-a-description", "reflexive-with-an-adjective"])
def test_a_naming_verb_reports_its_object_and_predicate(text: str, content: str) -> None:
    """'called X a Y' says X is Y (PolNeAR's guidelines): the object and the predicate, not what the sentence adds."""
    found = [q.text for q in extract(text, model_pass=False) if q.kind in ("mixed", "indirect")]
    assert found == [content]


@pytest.mark.parametrize(("text", "content", "listener"), [
    ("The senator urged the governor to sign the bill.", "the governor to sign the bill", "the governor"),
    ("She asked the president in a closed-door meeting this week to sell the missiles.", "to sell the missiles",
     "the president"),
    ('The family has called on police to release the videos "as a matter of the greater good" but the police refused.',
     'police to release the videos "as a matter of the greater good"', None),
], ids=["next-to-the-infinitive", "an-adverbial-between", "quoted-request-after-on-parsed-a-particle"])
def test_the_one_asked_is_the_listener_and_opens_the_content_only_next_to_the_request(
        text: str, content: str, listener: str) -> None:
    found = [(q.text, q.listener.text if q.listener else None) for q in extract(text, model_pass=False)]
    assert found == [(content, listener)]


@pytest.mark.parametrize(("text", "contents"), [
    ('He told ABC\'s "Good Morning America" that he agrees Trump is a "total opportunist" and said "the record is '
     'clear."', ['he agrees Trump is a "total opportunist"', "the record is clear."]),
    ('She escalated her criticism on Tuesday, telling CNN that Trump is a "faker" and questioning how he got rich.',
     ['Trump is a "faker"', "how he got rich"]),
], ids=["finite", "participle"])
def test_a_cue_in_the_reporting_verbs_form_coordinates_with_the_reporting_verb(text: str, contents: list[str]) -> None:
    """The parser hung the second cue on the reported verb, whose form it does not share: it is a second report."""
    assert [q.text for q in speech(text)] == contents


@pytest.mark.parametrize(("text", "content"), [
    # an attribution of its own ends the content with the word that opens it, never a word of the clause before
    ("He said he would back the plan if the senator announced it.", "he would back the plan"),
    # a passive with no agent names no speaker: it stays in the content
    ("He said he would not accept the endorsement if it were offered.",
     "he would not accept the endorsement if it were offered"),
], ids=["own-attribution", "agentless-passive"])
def test_a_clause_inside_the_content_ends_it_only_when_it_names_a_speaker(text: str, content: str) -> None:
    # the rules only: the tagger may run PolNeAR's content on over the clause
    assert [q.text for q in extract(text, model_pass=False)][:1] == [content]


def test_a_verb_of_going_on_speaking_after_a_reported_clause_continues_its_speaker() -> None:
    found = [(q.text, q.speaker.mention if q.speaker else None)
             for q in speech("Officials said the fire was out and added that the cause was unknown.")]
    assert found == [("the fire was out", "Officials"), ("the cause was unknown", "Officials")]


@pytest.mark.parametrize(("text", "content", "mention"), [
    ("Secret Service protocol called for the nominee to be taken to a trauma center, sources said.",
     "Secret Service protocol called for the nominee to be taken to a trauma center", "sources"),
    ("The law calls for a vote within a month, officials said.", "The law calls for a vote within a month",
     "officials"),
])
def test_what_a_thing_calls_for_is_the_reporting_speakers_report(text: str, content: str, mention: str) -> None:
    quote = only(text)
    assert (quote.text, quote.speaker.mention) == (content, mention)


def test_an_infinitive_after_the_object_of_offer_says_what_the_object_is_for() -> None:
    text = "For Trump, the show proved to be a safe space, and offered Trump platform to offer up whatever he wanted."
    assert not any(q.text.startswith("to offer up") for q in speech(text))


@pytest.mark.parametrize(("text", "records"), [
    # an attribution opening the reported clause is its own record, not part of the clause
    ("Though Republicans claim they vote more, there is no correlation, political scientists say.",
     [("they vote more", "Republicans"), ("there is no correlation", "political scientists")]),
    # an absolute 'with' clause with a speaker of its own reports its own words
    ("The awards announced they would drop the prize, with the committee saying dance is over.",
     [("they would drop the prize", "The awards"), ("dance is over", "the committee")]),
    # a second cue the parser coordinated with the reported clause, whose subject cannot speak, is the speaker's
    ("The DJ has said that dance music is not dead, but has admitted it is going through a fallow patch.",
     [("dance music is not dead", "The DJ"), ("it is going through a fallow patch", "The DJ")]),
    # a second speaker the parser coordinated with the first clause's object (after auxiliaries, or a numeral)
    ("Several senators have said they will not vote for the bill and others have said they are still undecided.",
     [("they will not vote for the bill", "Several senators"), ("they are still undecided", "others")]),
    ("One in five said the mayor does not care much about the city and one in ten said the council was hostile "
     "to business.", [("the mayor does not care much about the city", "One in five"),
                      ("the council was hostile to business", "one in ten")]),
])
def test_an_attribution_inside_a_reported_clause_is_its_own_record(text: str, records: list[tuple[str, str]]) -> None:
    found = [(q.text, q.speaker.mention if q.speaker else None) for q in speech(text)]
    assert found == records


def test_a_reported_clause_ends_before_a_conjunct_that_is_the_subject_of_the_next_verb() -> None:
    text = ("Their talks came a day after the minister said “real progress” had been made during a call with French "
            "President Emmanuel Macron and the pair agreed to hold talks in Rome.")
    assert speech(text)[0].text == \
        "“real progress” had been made during a call with French President Emmanuel Macron"
