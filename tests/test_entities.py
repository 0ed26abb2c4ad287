"""Name keys, name parsing, the run-wide entity registry and alias tables (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes import AliasTableError, EntityRegistry, load_aliases
from quotes._entities import Names, slug
from quotes._lexicon import default_lexicon

NAMES = Names(default_lexicon())
name_key = NAMES.key


@pytest.mark.parametrize(
    "variants",
    [
        ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Zelenskyi"],
        ["Stefanishina", "Stefanishyna"],
        ["Shmyhal", "Shmygal"],
        ["Klitschko", "Klychko", "Klitchko"],
        ["Matviyenko", "Matvienko"],
        ["Hrytsenko", "Gritsenko"],
        ["Zelenska", "Zelenskaya"],
        ["Yevgeny", "Evgeny", "Yevgeniy"],
        ["Tymoshenko", "Timoshenko"],
        ["Podolyak", "Podoliak"],
        ["Yuriy", "Yuri", "Yurii", "Iurii"],
    ],
)
def test_transliteration_variants_share_a_key(variants: list[str]) -> None:
    assert len({name_key(v) for v in variants}) == 1


@pytest.mark.parametrize(("a", "b"), [("Zelensky", "Zelenska"), ("Trump", "Truman"), ("Peskov", "Pesko"),
                                      ("Ivanov", "Ivanova"), ("Kravchuk", "Kravchenko"), ("Kharkiv", "Harkiv")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Sadiq Khan", "Jackie Chan"), ("Mr. Bush", "Mr. Busch"),
                                      ("Mr. Marks", "Mr. Marx"), ("Mr. Ryan", "Mr. Rian"), ("Mr. Hill", "Mr. Gill"),
                                      ("Mr. Smith", "Mr. Smyth")])
def test_romanisation_rules_never_fold_names_that_are_not_east_slavic(a: str, b: str) -> None:
    assert not NAMES.parse(a).compatible(NAMES.parse(b))


@pytest.mark.parametrize(("a", "b"), [("Denys Shmyhal", "Mr. Shmygal"), ("Olha Stefanishyna", "Olga Stefanishina"),
                                      ("Vitali Klitschko", "Vitaliy Klychko"), ("Kim Jong-un", "Kim Jong Un"),
                                      ("Lech Wałęsa", "Lech Walesa"), ("Joe Biden", "Joseph Biden"),
                                      ("Ursula von der Leyen", "Von der Leyen"), ("Bill de Blasio", "De Blasio"),
                                      ("Marine Le Pen", "Le Pen")])
def test_spellings_of_one_name_are_compatible(a: str, b: str) -> None:
    assert NAMES.parse(a).compatible(NAMES.parse(b), strict=True)


@pytest.mark.parametrize(("a", "b"), [("Vitali Klitschko", "Wladimir Klitschko"), ("Mrs. Trump", "Donald Trump"),
                                      ("George H. W. Bush", "George W. Bush"), ("Donald Trump", "Donald Trump Jr."),
                                      ("Mr. Clinton", "Hillary Clinton"), ("Ed Miliband", "David Miliband")])
def test_family_members_stay_apart(a: str, b: str) -> None:
    assert not NAMES.parse(a).compatible(NAMES.parse(b))


@pytest.mark.parametrize(("text", "full"), [("Betty White", "Betty White"), ("Bill Press", "Bill Press"),
                                            ("White House press secretary Karine Jean-Pierre", "Karine Jean-Pierre"),
                                            ("Justice Department spokesman Peter Carr", "Peter Carr"),
                                            ("President Donald J. Trump's", "Donald J. Trump")])
def test_titles_are_stripped_only_as_a_leading_phrase(text: str, full: str) -> None:
    assert NAMES.parse(text).full == full


@pytest.mark.parametrize("text", ["Perm 35 - a", "Apollo 11", "Camp 22"])
def test_a_name_with_a_number_is_no_person(text: str) -> None:
    assert NAMES.parse(text) is None


@pytest.mark.parametrize(
    ("text", "given", "surname"),
    [
        ("President Donald Trump’s", ("Donald",), "Trump"),
        ("Ukrainian President Volodymyr Zelenskyy", ("Volodymyr",), "Zelenskyy"),
        ("Kremlin spokesman Dmitry Peskov", ("Dmitry",), "Peskov"),
        ("Mr. Clarke", (), "Clarke"),
        # a surname's particles are the surname's, not given names or title words
        ("European Commission President Ursula von der Leyen", ("Ursula",), "von der Leyen"),
        ("Mayor Bill de Blasio", ("Bill",), "de Blasio"),
        ("de Blasio", (), "de Blasio"),
        ("Senator Chris Van Hollen", ("Chris",), "Van Hollen"),
        ("Al Sharpton", ("Al",), "Sharpton"),
    ],
)
def test_titles_stay_apart_from_the_name(text: str, given: tuple[str, ...], surname: str) -> None:
    name = NAMES.parse(text)
    assert (name.given, name.surname) == (given, surname)


def test_same_surname_different_first_names_are_two_people() -> None:
    donald, melania = NAMES.parse("Donald Trump"), NAMES.parse("Melania Trump")
    assert not donald.compatible(melania)
    registry = EntityRegistry()
    assert registry.resolve(donald)[1] != registry.resolve(melania)[1]


def test_registry_folds_spellings_and_surnames_into_one_entity() -> None:
    registry = EntityRegistry()
    full = registry.resolve(NAMES.parse("Volodymyr Zelensky"))
    assert registry.resolve(NAMES.parse("Zelenskyy")) == full
    assert registry.resolve(NAMES.parse("Volodymyr Zelenskiy")) == full
    assert full == ("Volodymyr Zelensky", "volodymyr-zelensky")


def test_bare_surname_first_then_full_name_keeps_one_id() -> None:
    registry = EntityRegistry()
    _, first_id = registry.resolve(NAMES.parse("Peskov"))
    name, later_id = registry.resolve(NAMES.parse("Dmitry Peskov"))
    assert later_id == first_id and name == "Dmitry Peskov"


def test_alias_table_overrides_the_rules(tmp_path: Path) -> None:
    table = tmp_path / "aliases.json"
    table.write_text(json.dumps({"Volodymyr Zelensky": ["Ze", "Wolodymyr Selenskyj"]}), encoding="utf-8")
    registry = EntityRegistry(aliases=load_aliases(table))
    assert registry.resolve(NAMES.parse("Wolodymyr Selenskyj")) == ("Volodymyr Zelensky", "volodymyr-zelensky")


def test_yaml_alias_table(tmp_path: Path) -> None:
    table = tmp_path / "aliases.yaml"
    table.write_text("Olga Stefanishyna:\n  - Olha Stefanishyna\n", encoding="utf-8")
    assert load_aliases(table)["olha stefanishyna"] == "Olga Stefanishyna"


@pytest.mark.parametrize(
    ("name", "content"),
    [("bad.json", "{not json"), ("list.json", '["a", "b"]'), ("nested.json", '{"A": {"b": 1}}'),
     ("bad.yaml", "a: [b")],
)
def test_malformed_alias_table_is_one_clear_error(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AliasTableError) as err:
        load_aliases(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [("latin1.json", '{"Zoë Ball": ["Zoe Ball"]}'.encode("latin-1"), "not UTF-8 text"),
     ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
     ("deep.yaml", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
     ("deep_map.yaml", b"{a: " * 5_000 + b"1" + b"}" * 5_000, "nested too deeply")],
    ids=["not-utf8", "deep-json", "deep-yaml-list", "deep-yaml-map"],
)
def test_unreadable_alias_table_bytes_are_one_alias_table_error(tmp_path: Path, name: str, data: bytes,
                                                                  reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(AliasTableError) as err:
        load_aliases(path)
    assert err.value.code == "Q005" and str(path) in str(err.value) and reason in str(err.value)
    assert "\n" not in str(err.value)


def test_slug() -> None:
    assert slug("Volodymyr Zelens’kyy") == "volodymyr-zelens-kyy"
    assert slug("Élysée") == "elysee"


def test_belief_verbs_never_enter_the_cue_lists() -> None:
    lex = default_lexicon()
    assert lex.belief_verbs and not lex.belief_verbs & lex.cue_verbs
