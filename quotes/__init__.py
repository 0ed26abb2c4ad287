"""quotes: who said what in English news articles.

>>> import quotes
>>> [(q.kind, q.speaker.name) for q in quotes.extract('"We will win," Jane Smith said.')]
[('direct', 'Jane Smith')]
"""

from quotes._api import extract, extract_many
from quotes._attributions import group_attributions
from quotes._component import QuotesComponent, install_extensions
from quotes._corpus import CorpusRow, read_corpus
from quotes._entities import EntityRegistry, load_aliases
from quotes._errors import AliasTableError, InputError, LexiconError, ModelLoadError, QuotesError
from quotes._loading import load_pipeline
from quotes._models import ChainHop, Cue, Listener, Quote, SentenceSpan, Span, Speaker

__version__ = "0.1.0"

__all__ = [
    "AliasTableError",
    "ChainHop",
    "CorpusRow",
    "Cue",
    "EntityRegistry",
    "InputError",
    "LexiconError",
    "Listener",
    "ModelLoadError",
    "Quote",
    "QuotesComponent",
    "QuotesError",
    "SentenceSpan",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "extract_many",
    "group_attributions",
    "install_extensions",
    "load_aliases",
    "load_pipeline",
    "read_corpus",
]
