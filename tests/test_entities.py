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
        ["Kharkiv", "Harkiv"],
        ["Yevgeny", "Evgeny", "Yevgeniy"],
        ["Tymoshenko", "Timoshenko"],
        ["Podolyak", "Podoliak"],
        ["Yuriy", "Yuri", "Yurii", "Iurii"],
    ],
)
def test_transliteration_variants_share_a_key(variants: list[str]) -> None:
    assert len({name_key(v) for v in variants}) == 1


@pytest.mark.parametrize(("a", "b"), [("Zelensky", "Zelenska"), ("Trump", "Truman"), ("Peskov", "Pesko")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("text", "given", "surname"),
    [
        ("President Donald Trump’s", ("Donald",), "Trump"),
        ("Ukrainian President Volodymyr Zelenskyy", ("Volodymyr",), "Zelenskyy"),
        ("Kremlin spokesman Dmitry Peskov", ("Dmitry",), "Peskov"),
        ("Mr. Clarke", (), "Clarke"),
    ],
)
def test_titles_stay_apart_from_the_name(text: str, given: tuple[str, ...], surname: str) -> None:
    assert NAMES.parse(text) == NAMES.person(given, surname)


def test_same_surname_different_first_names_are_two_people() -> None:
    donald, melania = NAMES.person(("Donald",), "Trump"), NAMES.person(("Melania",), "Trump")
    assert not donald.compatible(melania)
    registry = EntityRegistry()
    assert registry.resolve(donald)[1] != registry.resolve(melania)[1]


def test_registry_folds_spellings_and_surnames_into_one_entity() -> None:
    registry = EntityRegistry()
    full = registry.resolve(NAMES.person(("Volodymyr",), "Zelensky"))
    assert registry.resolve(NAMES.person((), "Zelenskyy")) == full
    assert registry.resolve(NAMES.person(("Volodymyr",), "Zelenskiy")) == full
    assert full == ("Volodymyr Zelensky", "volodymyr-zelensky")


def test_bare_surname_first_then_full_name_keeps_one_id() -> None:
    registry = EntityRegistry()
    _, first_id = registry.resolve(NAMES.person((), "Peskov"))
    name, later_id = registry.resolve(NAMES.person(("Dmitry",), "Peskov"))
    assert later_id == first_id and name == "Dmitry Peskov"


def test_alias_table_overrides_the_rules(tmp_path: Path) -> None:
    table = tmp_path / "aliases.json"
    table.write_text(json.dumps({"Volodymyr Zelensky": ["Ze", "Wolodymyr Selenskyj"]}), encoding="utf-8")
    registry = EntityRegistry(aliases=load_aliases(table))
    assert registry.resolve(NAMES.person(("Wolodymyr",), "Selenskyj")) == ("Volodymyr Zelensky", "volodymyr-zelensky")


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


def test_slug() -> None:
    assert slug("Volodymyr Zelens’kyy") == "volodymyr-zelens-kyy"
    assert slug("Élysée") == "elysee"


def test_belief_verbs_never_enter_the_cue_lists() -> None:
    lex = default_lexicon()
    assert lex.belief_verbs and not lex.belief_verbs & lex.cue_verbs
