"""What the ``quotes`` component needs from a Doc, checked before its passes run."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["require_parse"]


def require_parse(doc: Doc) -> None:
    """The passes read dependency arcs; a Doc with words but none means the component runs before the parser."""
    if not doc.has_annotation("DEP") and any(not token.is_space for token in doc):
        raise ValueError("the quotes component got a Doc without a dependency parse: it belongs after the parser, "
                         "e.g. nlp.add_pipe('quotes') last in a pipeline with a parser and an entity recognizer")
