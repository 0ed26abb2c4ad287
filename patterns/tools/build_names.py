"""Build ``patterns/names.json`` (given names by gender) from the U.S. Census Bureau's 1990 name files.

Source: the frequency files ``dist.female.first`` and ``dist.male.first`` of the 1990 U.S. Census
(public domain), as shipped in the PyPI package ``names`` 0.3.0 (MIT licence for its code; its README
states the data files are public domain, derived from 1990 Census data). Run from the repository root with
the project installed (names are folded by ``quotes._entities.plain_letters``, as the lexicon looks them up):

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    pip install --no-deps --target /tmp/faker faker==40.63.0
    .venv/bin/python patterns/tools/build_names.py /tmp/names/names-0.3.0/names /tmp/faker > patterns/names.json

``names_supplement.json`` beside this script adds the given names of public figures in international news
that the 1990 Census lacks (its own ``_source`` says how it was compiled); a name the Census lists for both
sexes is decided by the Census rule alone.

The given names of other countries come from the person providers of the PyPI package ``faker`` 40.63.0
(MIT licence; the package is read at build time only): the male and female first-name lists of the locales
in ``LOCALES`` (British names from the Office for National Statistics, French, German, Spanish, Italian,
Portuguese, Dutch and Nordic names from their providers' national sources). A name the Census or the
supplement already lists keeps their decision; a name that one locale lists as male and another as female
(Andrea) goes to neither; names of more than one word are left out.

A name listed for both sexes goes to the one whose frequency is at least ``RATIO`` times the other's
(Donald: male 0.931%, female 0.002%) and to neither otherwise (Jordan, Kim): gender is used to keep
people apart, so an unsure name must say nothing.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from quotes._entities import plain_letters

RATIO = 10.0
LOCALES = ("en_GB", "en_IE", "en_NZ", "fr_FR", "fr_BE", "de_DE", "de_AT", "es_ES", "it_IT", "pt_PT", "pt_BR",
           "nl_NL", "sv_SE", "da_DK", "no_NO")
SUPPLEMENT = Path(__file__).with_name("names_supplement.json")
LETTERS = str.maketrans(json.loads((Path(__file__).parents[1] / "transliteration.json").read_text(encoding="utf-8"))
                        ["letters"])
SOURCE = ("Given names by gender from the 1990 U.S. Census name frequency files (dist.female.first, "
          "dist.male.first; public domain), as shipped in the PyPI package 'names' 0.3.0, plus the given names of "
          "public figures in international news the Census lacks (patterns/tools/names_supplement.json). Built by "
          "patterns/tools/build_names.py: a name the Census lists for both sexes keeps the gender whose frequency "
          f"is at least {RATIO:g} times the other's, and neither otherwise. Names of other countries the Census "
          "lacks from the first-name lists of the PyPI package 'faker' 40.63.0 (MIT; locales "
          + ", ".join(LOCALES) + "; British names from the Office for National Statistics), a name listed male in "
          "one locale and female in another going to neither. East Slavic and Arabic given names and their "
          "genders are in given_names.json.")


def read(path: Path) -> dict[str, float]:
    """name (lower case) → frequency in percent, from one census file ('MARY 2.629 2.629 1')."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out


def _first_names(names: object) -> set[str]:
    """One-word names of a provider list (a tuple, or a mapping of name to weight), folded as the lexicon looks
    names up ('Adrián' → 'adrian', 'Bjørn' → 'bjorn')."""
    return {plain_letters(n, LETTERS) for n in (names.keys() if isinstance(names, dict) else names) if " " not in n}


def read_faker(folder: Path) -> tuple[set[str], set[str]]:
    """(female, male) first names of the ``LOCALES`` person providers of the faker package installed in ``folder``."""
    sys.path.insert(0, str(folder))
    female: set[str] = set()
    male: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        female |= _first_names(getattr(provider, "first_names_female", ()))
        male |= _first_names(getattr(provider, "first_names_male", ()))
    return female - male, male - female


def build(folder: Path, faker: Path) -> dict[str, object]:
    """The names.json data from the folder holding the two census files and the one holding faker."""
    female, male = read(folder / "dist.female.first"), read(folder / "dist.male.first")
    keep_f = [n for n, f in female.items() if f >= RATIO * male.get(n, 0.0) and (n not in male or f > 0)]
    keep_m = [n for n, m in male.items() if m >= RATIO * female.get(n, 0.0) and (n not in female or m > 0)]
    both = set(keep_f) & set(keep_m)  # equal zero frequencies in both files: say nothing
    supplement = json.loads(SUPPLEMENT.read_text(encoding="utf-8"))
    census = set(female) | set(male)
    extra_f = {n for n in supplement["female"] if n not in census}
    extra_m = {n for n in supplement["male"] if n not in census}
    decided = census | set(supplement["female"]) | set(supplement["male"])
    world_f, world_m = read_faker(faker)
    return {"_source": SOURCE, "female": sorted((set(keep_f) - both) | extra_f | (world_f - decided)),
            "male": sorted((set(keep_m) - both) | extra_m | (world_m - decided))}


if __name__ == "__main__":
    json.dump(build(Path(sys.argv[1]), Path(sys.argv[2])), sys.stdout, indent=1)
    sys.stdout.write("\n")
