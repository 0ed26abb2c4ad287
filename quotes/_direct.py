"""Direct quotes: attribute each quoted stretch to the cue beside it (rule-based).

Patterns: “…,” X said / “…,” said X (inversion); X said: “…” (colon or comma
introduction); ‘A,’ X said, ‘B’ (one record, two spans). Quotes with no cue of
their own are left for the continuation pass.
"""

from __future__ import annotations

import regex
from spacy.tokens import Doc, Span, Token

from quotes._chains import add_listener_and_channels
from quotes._content import bare_cue, complement
from quotes._draft import Draft
from quotes._lexicon import Lexicon
from quotes._marks import ALL_MARKS, QuoteMark
from quotes._syntax import (
    CLOSING_BRACKETS,
    DASHES,
    FINITE_TAGS,
    NOT_SPEAKERS,
    OPENING_BRACKETS,
    SUBJECT_DEPS,
    DocIndex,
    can_speak,
    cue_lemma,
    first,
    is_cue_verb,
    speaker_of,
    speaker_phrase,
    trim_span,
)

__all__ = ["direct_quotes", "quote_span", "starts_sentence"]

_END_OF_QUOTE = ",?!—–-…"
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_MARK_CHARS = "".join(sorted(ALL_MARKS))
_END_MARKS = frozenset(".!?")
_DASH_SIGNATURE = regex.compile(r"[ \t]*([―—–]|--?)[ \t]*(?=\p{Lu})")


def quote_span(text: str, m: QuoteMark) -> tuple[int, int]:
    """The words inside the marks without surrounding white space."""
    start, end = m.start, m.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _prev_index(text: str, i: int, skip: str = " \t") -> int:
    """Index of the character before ``i``, white space in ``skip`` passed over (-1 at the start)."""
    i -= 1
    while i >= 0 and text[i] in skip:
        i -= 1
    return i


def _prev_char(text: str, i: int, skip: str = " \t") -> str:
    """The character before ``i``, white space in ``skip`` passed over; a line break at the start."""
    j = _prev_index(text, i, skip)
    return text[j] if j >= 0 else "\n"


def starts_sentence(text: str, m: QuoteMark) -> bool:
    """The quote opens a sentence: after a sentence end, a line break, or a quote that ended one (it.” “Next)."""
    j = _prev_index(text, m.open)
    if j < 0 or text[j] in ".!?…\n":
        return True
    return text[j] in ALL_MARKS and _prev_char(text, j) in ".!?,"


def _quote_ends_clause(text: str, m: QuoteMark) -> bool:
    """The quote ends in , ? ! or a dash inside the marks, or a comma follows the mark."""
    s, e = quote_span(text, m)
    while e > s and text[e - 1] in ALL_MARKS:
        e -= 1  # a nested quote closes first: …,'"
    if e > s and text[e - 1] in _END_OF_QUOTE:
        return True
    after = (m.close if m.close is not None else m.end) + 1
    return text[after : after + 1] == ","


def _speech_like(doc: Doc, qx: DocIndex, qi: int, start: int, end: int, lex: Lexicon) -> bool:
    """Not a title: on CBS's “Face the Nation,” Ryan said … — short, after a possessive or preposition."""
    opener = qx.char_token(qx.marks[qi].open)
    before = doc[opener - 1] if opener > 0 else None
    if before is not None and (before.dep_ in ("poss", "case", "det") or before.pos_ == "ADP"):
        return False
    return len(qx.text[start:end].split()) >= lex.windows.min_words_midsentence


def _named_in_passing(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> bool:
    """Marcia “Cia” Price, a cowboy hat and “Ted Cruz” campaign pins: a short quote with no closing punctuation,
    with a word right before and after it, names something inside a phrase; it ends no attribution."""
    m = qx.marks[qi]
    if m.close is None:
        return False
    quoted = qx.text[m.start : m.end].strip()
    before, after = qx.char_token(m.open) - 1, qx.char_token(m.close) + 1
    if not quoted or len(quoted.split()) > lex.windows.nickname_words or quoted[-1] in _END_OF_QUOTE + ".":
        return False
    return before >= 0 and after < len(doc) and doc[before].is_alpha and doc[after].is_alpha


def _window_after(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> list[Token]:
    """Tokens after the closing mark up to the sentence end, the next quote (not a name in passing) or the line end, at
    most ``cue_tokens`` of them outside brackets ('Del. Marcia “Cia” Price (D-Newport News), shouted')."""
    m = qx.marks[qi]
    stop = (m.close if m.close is not None else m.end) + 1
    out: list[Token] = []
    first = qx.char_token(stop)
    if first < len(doc) and doc[first].idx < stop:
        first += 1
    depth = counted = 0
    for tok in doc[first:]:
        if qx.inside(tok) and _named_in_passing(doc, qx, qx.token_quote[tok.i], lex):
            continue
        if qx.inside(tok) or "\n" in tok.text or counted >= lex.windows.cue_tokens:
            break
        out.append(tok)
        if tok.text in OPENING_BRACKETS:
            depth += 1
        elif tok.text in CLOSING_BRACKETS and depth:
            depth -= 1
        elif depth == 0:
            counted += 1
        if tok.text in _SENTENCE_END:
            break
    return out


def _window_before(doc: Doc, qx: DocIndex, qi: int) -> list[Token]:
    """Tokens before the opening mark back to the line start or the previous quote, nearest first."""
    m = qx.marks[qi]
    out: list[Token] = []
    i = qx.char_token(m.open) - 1
    while i >= 0 and doc[i].is_space and _prev_char(qx.text, m.open) == "\n":
        i -= 1  # He said: / “…” — the introduction ends the paragraph before the quote
    while i >= 0:
        tok = doc[i]
        if qx.inside(tok) or "\n" in tok.text or tok.text in _SENTENCE_END:
            break
        out.append(tok)
        i -= 1
    return out


def _inverted_subject(cue: Token, window: list[Token]) -> Span | None:
    """“…,” said one anonymous source: the noun phrase right after the cue (``window`` may run either way)."""
    for tok in sorted(window, key=lambda t: t.i):
        if tok.i <= cue.i:
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            head = tok
            while head.dep_ in ("compound", "amod", "det", "poss", "nummod") and head.head.i > head.i:
                head = head.head
            if head.head.pos_ == "ADP" or head.ent_type_ in NOT_SPEAKERS:
                return None  # 'said in a phone interview', 'said Monday': no speaker after the cue
            return speaker_phrase(head)
        if tok.is_punct:
            break
    return None


_APPOSITION_BREAKS = frozenset({",", "—", "–", "--"})


def _fronted_subject(cue: Token, window: list[Token]) -> Span | None:
    """“…,” Flynn, a top surrogate, said: verbless words between the quote and its cue name the speaker.

    The parser often hangs such a name on the quote's last clause and leaves the cue
    without a subject; the quote-mark grammar still says who it is.
    """
    before = [t for t in window if t.i < cue.i]
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in before):
        return None  # mid-sentence, a capitalised word is a name whatever its tag ('Tulsa police Chief …')
    while before and (before[0].is_punct or before[0].is_space):
        before = before[1:]
    words = before[: next((k for k, t in enumerate(before) if t.text in _APPOSITION_BREAKS), len(before))]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words) or any(t.ent_type_ in NOT_SPEAKERS for t in words):
        return None
    span = trim_span(cue.doc[words[0].i : words[-1].i + 1])
    return span if len(span) else None


def _speaker(cue: Token, qx: DocIndex, window: list[Token], lex: Lexicon) -> Span | None:
    speaker = speaker_of(cue, lex)
    if speaker is not None and not qx.inside(speaker.root):
        return speaker
    return _fronted_subject(cue, window) or _inverted_subject(cue, window)


def _draft(doc: Doc, qx: DocIndex, qi: int, cue: Token, window: list[Token], lex: Lexicon) -> Draft:
    m = qx.marks[qi]
    draft = Draft("direct", [quote_span(qx.text, m)], cue=doc[cue.i : cue.i + 1],
                  speaker=_speaker(cue, qx, window, lex), confidence=lex.confidence.direct_cue, method="rule",
                  marks={qi})
    add_listener_and_channels(draft, cue, lex)
    if draft.speaker is None:
        draft.confidence = lex.confidence.direct_no_speaker
    return draft


def _bare_attribution(window: list[Token], cue: Token, lex: Lexicon) -> bool:
    """“….” Trump said.: after a full stop inside the marks, a sentence that is only a speaker and a cue, which can
    only attribute the quote before it."""
    return window[-1].text == "." and cue.dep_ == "ROOT" and bare_cue(cue, lex)


def _attribute_after(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> Draft | None:
    m = qx.marks[qi]
    text = qx.text
    s, e = quote_span(text, m)
    ends_clause = _quote_ends_clause(text, m)
    if not ends_clause and not text[s:e].rstrip(_MARK_CHARS).endswith("."):
        return None  # the cheap test first: most quotes end neither way
    if not starts_sentence(text, m) and not (text[s : s + 1].isupper() and _speech_like(doc, qx, qi, s, e, lex)):
        return None
    window = _window_after(doc, qx, qi, lex)
    cue = next((t for t in window if is_cue_verb(t, lex)), None)
    if cue is None or not (ends_clause or _bare_attribution(window, cue, lex)):
        return None
    if cue.tag_ == "VBG" and not _has_subject(cue) and complement(cue, lex) is not None:
        return None  # 'said: “…,” adding that …': the participle says something new; the quote's cue is before it
    draft = _draft(doc, qx, qi, cue, window, lex)
    _merge_split(doc, qx, qi, window, draft, lex)
    return draft


def _attribute_dash(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> Draft | None:
    """“…” ― Martha Aguilar: a quote signed with a dash and a name at the end of its line."""
    m = qx.marks[qi]
    after = (m.close if m.close is not None else m.end) + 1
    sign = _DASH_SIGNATURE.match(qx.text, after)
    if sign is None:
        return None
    first = qx.char_token(sign.end())
    tokens: list[Token] = []
    for tok in doc[first:]:
        if "\n" in tok.text or tok.text in (",", ";", "(") or qx.inside(tok):
            break
        tokens.append(tok)
    if not tokens or not tokens[0].text[:1].isupper() or len(tokens) > lex.windows.cue_tokens:
        return None
    speaker = doc[tokens[0].i : tokens[-1].i + 1]
    dash = doc[qx.char_token(sign.start() + sign.group(0).index(sign.group(1)))]
    return Draft("direct", [quote_span(qx.text, m)], cue=doc[dash.i : dash.i + 1], speaker=trim_span(speaker),
                 confidence=lex.confidence.direct_signature, method="rule", marks={qi})


def _merge_split(doc: Doc, qx: DocIndex, qi: int, window: list[Token], draft: Draft, lex: Lexicon) -> None:
    """‘A,’ X said, ‘B’: the quote right after the attribution continues the same sentence. Not when a second cue
    stands between them (‘A,’ X said, adding, ‘B’): B is said anew, and the next quote's pass attributes it."""
    if qi + 1 >= len(qx.marks) or not window or window[-1].text in _SENTENCE_END:
        return
    cue = draft.cue.root if draft.cue is not None else None
    if cue is not None and any(t.i != cue.i and is_cue_verb(t, lex) and not _has_subject(t) for t in window):
        return  # 'adding', 'before asking her': the same speaker says more (not 'told reporters who asked')
    nxt = qx.marks[qi + 1]
    between = qx.text[window[-1].idx + len(window[-1]) : nxt.open]
    if between.strip() == "" and (window[-1].text == "," or (cue is not None and window[-1].i == cue.i)):
        draft.spans.append(quote_span(qx.text, nxt))  # '“A,” she said “B”': copy that lost the comma too
        draft.marks.add(qi + 1)


def _has_subject(verb: Token) -> bool:
    """The verb has a subject of its own (a relative clause's 'who asked'), not its head's ('said, adding')."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _attribute_before(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> Draft | None:
    m = qx.marks[qi]
    intro = _prev_char(qx.text, m.open)
    paragraph = intro == "\n"
    if paragraph:
        intro = _prev_char(qx.text, m.open, skip=" \t\n")  # the paragraph before ends with the introduction
    if intro == "." and paragraph:  # a byline opened by a preposition: From the desk of John Doe, VP Analyst.
        line = _line_before(doc, qx, qi)
        return _label_introduction(doc, qx, qi, line, lex) if line and line[-1].pos_ == "ADP" else None
    if intro == ".":
        return _after_bare_cue(doc, qx, qi, lex)
    if intro not in ":,":
        return _sentence_after_cue(doc, qx, qi, lex)
    whole = window = _window_before(doc, qx, qi)
    s, e = quote_span(qx.text, m)
    long_quote = len(qx.text[s:e].split()) >= lex.windows.min_words_midsentence
    if intro == "," and not (qx.text[s : s + 1].isupper() and long_quote):
        window = whole[: lex.windows.comma_reach]  # said, “…” / said Trump, “…”: the cue stands right there
    cue = next((t for t in window if is_cue_verb(t, lex)), None)
    if cue is None and intro == ":":
        return (_noun_introduction(doc, qx, qi, window, lex) or _label_introduction(doc, qx, qi, window, lex)
                or _inverted_introduction(doc, qx, qi, window, lex) or _clause_introduction(doc, qx, qi, window, lex))
    if cue is None:
        return _clause_introduction(doc, qx, qi, whole, lex)
    return _draft(doc, qx, qi, cue, window, lex)


def _after_bare_cue(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> Draft | None:
    """'Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”', 'Lau said in a statement. “…”': a
    sentence that is only a speaker and a cue, or a verb whose object names an utterance ('Cruz tweeted a warning.',
    'Trump issued a statement.'), attributes the quoted sentence right after it; not when a quote stands right
    before it (“….” Trump said. attributes that one, and the next quote goes on from it)."""
    end = qx.char_token(qx.marks[qi].open) - 1
    while end >= 0 and doc[end].is_space:
        end -= 1
    if end < 0 or not _whole_sentence(qx, qi):
        return None
    sent = qx.sentence(doc[end])
    cue = sent.root
    if (sent.start and (qx.inside(doc[sent.start - 1]) or doc[sent.start - 1].text in ALL_MARKS)) \
            or any(qx.inside(t) for t in sent) or not (_names_utterance(cue, lex)
                                                        or (is_cue_verb(cue, lex) and bare_cue(cue, lex))):
        return None
    speaker = speaker_of(cue, lex)
    if speaker is None or not can_speak(speaker.root, lex):
        return None
    return _draft(doc, qx, qi, cue, [], lex)


def _names_utterance(verb: Token, lex: Lexicon) -> bool:
    """The verb's object is a speech noun or a document ('a warning', 'a statement', 'a tweet') and nothing else
    says what it held; not a document someone else wrote ('The Post obtained a memo.', lexicon relay.obtained;
    'received a statement from the campaign')."""
    obj = first(verb.children, ("dobj",))
    lemma = obj.lemma_.lower() if obj is not None else ""
    return (lemma in lex.cue_nouns or lemma in lex.document_subjects) \
        and cue_lemma(verb) not in lex.obtained_verbs and not _words_from_another(verb, lex) \
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _sentence_after_cue(doc: Doc, qx: DocIndex, qi: int, lex: Lexicon) -> Draft | None:
    """a man yelled “Stay there!”, writing “Feels great to support him.”: a whole quoted sentence (capital to end
    mark) right after its cue with no comma; not after a verb of naming ('called it “Totally Unfair.”'). A quoted
    clause that ends the sentence is one too, whatever its first letter, when its speaker is known ('Ryan said
    “anti-Semitic images, they’ve got no place in a campaign.”'): the writer only ran it into the sentence ('said
    that she thinks … but said “the question is the timing.”', a conjunct in a report, goes on with the report)."""
    body = _quote_body(qx, qi)
    if body[-1:] not in _END_MARKS:
        return None  # either way the quote ends its sentence
    whole = body[:1].isupper()
    window = _window_before(doc, qx, qi)
    cue = window[0] if window else None
    if cue is None or not is_cue_verb(cue, lex) or cue_lemma(cue) in lex.naming_verbs \
            or not (whole or _holds_clause(doc, qx, qi)):
        return None
    if window[-1].i and qx.inside(doc[window[-1].i - 1]):
        return None  # '“…,” she said “Ultimately …”' (a comma lost): the cue attributes the quote before it
    draft = _draft(doc, qx, qi, cue, window, lex)
    return draft if whole or draft.speaker is not None else None


def _holds_clause(doc: Doc, qx: DocIndex, qi: int) -> bool:
    """The quote holds a finite verb with its subject: a clause, not a phrase ('denied “any wrongdoing.”') or a
    predicate whose subject stands outside ('which he added “is regrettable.”')."""
    words = doc.char_span(*quote_span(qx.text, qx.marks[qi]), alignment_mode="expand")
    if words is None:
        return False
    verbs = [t.head if t.dep_ in ("aux", "auxpass") else t for t in words if t.tag_ in (*FINITE_TAGS, "MD")]
    return any(c.dep_ in SUBJECT_DEPS and words.start <= c.i < words.end for v in verbs for c in v.children)


def _quote_body(qx: DocIndex, qi: int) -> str:
    """The quote's words without the marks and space at their end."""
    s, e = quote_span(qx.text, qx.marks[qi])
    return qx.text[s:e].rstrip(_MARK_CHARS).rstrip()


def _whole_sentence(qx: DocIndex, qi: int) -> bool:
    """The quote holds a whole sentence: a capital first, an end mark last."""
    body = _quote_body(qx, qi)
    return body[:1].isupper() and body[-1:] in _END_MARKS


def _clause_introduction(doc: Doc, qx: DocIndex, qi: int, window: list[Token], lex: Lexicon) -> Draft | None:
    """'Kasich resisted: “Ohio governors do not …”', 'Trump issued a statement, “Last night …”': a whole quoted
    sentence after a colon (or a comma, when it ends the sentence) that ends a clause whose subject can speak gives
    that subject's words, whatever verb the writer chose; the clause nearest the mark ('She became so upset that I
    had to change my answer: …' is mine); not a thought ('He believed: …') or a negated verb. A document says what
    it quotes too ('Hoff's letter makes the case: …')."""
    words = [t for t in window if not t.is_space]
    if len(words) < 2 or words[0].text not in ":," or not _whole_sentence(qx, qi):
        return None
    if words[0].text == "," and (words[1].lower_ in lex.function_words.complementizers
                                 or any(t.is_alpha for t in _window_after(doc, qx, qi, lex))):
        return None  # 'her comment that, “…”' is the comment's; '…, “We love you!” someone shouted.' the cue's
    verb = next((t for t in (words[1], *words[1].ancestors) if t.pos_ in ("VERB", "AUX")
                 and words[-1].i <= t.i < words[0].i), None)
    if verb is None or cue_lemma(verb) in lex.belief_verbs \
            or any(c.dep_ == "neg" for c in verb.children) or _words_from_another(verb, lex):
        return None
    speaker = speaker_of(verb, lex)
    if speaker is None or not (can_speak(speaker.root, lex) or speaker.root.pos_ == "PROPN"
                               or speaker.root.lemma_.lower() in lex.document_subjects):
        return None  # a name speaks whether or not the tagger called it a person ('Toomey fumed: …')
    return Draft("direct", [quote_span(qx.text, qx.marks[qi])], cue=doc[verb.i : verb.i + 1], speaker=speaker,
                 confidence=lex.confidence.direct_noun_intro, method="rule", marks={qi})


def _words_from_another(verb: Token, lex: Lexicon) -> bool:
    """'faced a question from a voter:': the words that follow are from someone the clause names after the verb."""
    return any(t.dep_ == "prep" and t.lower_ in lex.function_words.author_prepositions
               for c in verb.children if c.i > verb.i for t in c.subtree)


def _name_word(tok: Token) -> bool:
    """A word of a name: a proper noun, or a transcript label in capitals (TAPPER, SANDERS)."""
    return tok.pos_ == "PROPN" or (tok.is_alpha and tok.is_upper and len(tok) > 1)


def _line_before(doc: Doc, qx: DocIndex, qi: int) -> list[Token]:
    """The tokens of the line before the quote's paragraph, nearest first."""
    out: list[Token] = []
    i = qx.char_token(qx.marks[qi].open) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    while i >= 0 and "\n" not in doc[i].text and not qx.inside(doc[i]):
        out.append(doc[i])
        i -= 1
    return out if i < 0 or "\n" in doc[i].text else []


def _opens_line(doc: Doc, tok: Token) -> bool:
    """``tok`` is the first word of its line."""
    return tok.i == 0 or doc[tok.i - 1].is_space or "\n" in doc[tok.i - 1].text


def _opens_sentence(doc: Doc, qx: DocIndex, tok: Token) -> bool:
    """``tok`` follows a sentence end, a closing quote or a dash set off by spaces ('… - Philip Bump: “…”')."""
    before = doc[tok.i - 1]
    return before.text in _SENTENCE_END or before.text in ALL_MARKS or qx.inside(before) or _spaced_dash(doc, before)


def _spaced_dash(doc: Doc, tok: Token) -> bool:
    """A dash with a space on both sides: a break in the sentence, not a hyphen ('D.C.-based')."""
    return tok.text in DASHES and tok.i > 0 and bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)


def _label_introduction(doc: Doc, qx: DocIndex, qi: int, window: list[Token], lex: Lexicon) -> Draft | None:
    """A verbless label before the quote names its speaker: 'Prime Minister Tony Blair: “…”', 'SANDERS: “…”',
    'And from Chairwoman Rosenworcel:' or a byline 'From the desk of John Doe, VP Analyst, WSJ.' above it.
    """
    window = window[: next((k for k, t in enumerate(window) if _spaced_dash(doc, t)), len(window))]
    label = [t for t in reversed(window) if not t.is_punct and not t.is_space]
    if not label or len(label) > lex.windows.cue_tokens or any(t.pos_ in ("VERB", "AUX") for t in label):
        return None
    if not (_opens_line(doc, window[-1]) or (_opens_sentence(doc, qx, window[-1]) and all(
            _name_word(t) and t.ent_type_ not in NOT_SPEAKERS for t in label))):
        return None  # a label opens its line, or is a bare name after a sentence or dash ('… ISIS." Bush: "…"')
    names = [t.i for t in label if _name_word(t)]
    if not names:
        return None
    start = end = names[0]
    while end < len(doc) and _name_word(doc[end]) and not qx.inside(doc[end]):
        end += 1
    return Draft("direct", [quote_span(qx.text, qx.marks[qi])], cue=doc[window[0].i : window[0].i + 1],
                 speaker=doc[start:end], confidence=lex.confidence.direct_signature, method="rule", marks={qi})


def _inverted_introduction(doc: Doc, qx: DocIndex, qi: int, window: list[Token], lex: Lexicon) -> Draft | None:
    """'Said Ellis: “…”', 'Added the minister: “…”': a sentence that opens with a cue verb, then who spoke, then a
    colon (the parser often takes the verb for part of a name)."""
    words = [t for t in reversed(window) if not t.is_space]  # in text order, the colon last
    if len(words) < 3 or words[-1].text != ":" or not words[0].is_sent_start:
        return None
    verb, who = words[0], words[1:-1]
    if not (verb.tag_ in ("VBD", "VBZ") and cue_lemma(verb) in lex.cue_verbs) or len(who) > lex.windows.cue_tokens \
            or any(t.pos_ in ("VERB", "AUX") for t in who) or not any(t.pos_ in ("PROPN", "NOUN") for t in who):
        return None
    return Draft("direct", [quote_span(qx.text, qx.marks[qi])], cue=doc[verb.i : verb.i + 1],
                 speaker=trim_span(doc[who[0].i : who[-1].i + 1]), confidence=lex.confidence.direct_cue,
                 method="rule", marks={qi})


def _noun_introduction(doc: Doc, qx: DocIndex, qi: int, window: list[Token], lex: Lexicon) -> Draft | None:
    """Sanders made the following comment: “…”; a new campaign message: “…” — a speech noun introduces it."""
    noun = next((t for t in window if t.pos_ == "NOUN" and t.lemma_.lower() in lex.cue_nouns), None)
    if noun is None:
        return None
    verb = noun.head if noun.dep_ in ("dobj", "attr", "nsubj") else None
    speaker = speaker_of(verb, lex) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
    if speaker is None:
        return None
    return Draft("direct", [quote_span(qx.text, qx.marks[qi])], cue=doc[noun.i : noun.i + 1],
                 speaker=speaker, confidence=lex.confidence.direct_noun_intro, method="rule", marks={qi})


def direct_quotes(doc: Doc, qx: DocIndex, lex: Lexicon) -> list[Draft]:
    """Records for quotes whose cue stands right beside them."""
    drafts: list[Draft] = []
    taken: set[int] = set()
    for qi in range(len(qx.marks)):
        if qi in taken:
            continue
        draft = (_attribute_after(doc, qx, qi, lex) or _attribute_dash(doc, qx, qi, lex)
                 or _attribute_before(doc, qx, qi, lex))
        if draft is not None:
            drafts.append(draft)
            taken |= draft.marks
    return drafts
