"""The learned pass's network pieces, registered with spaCy so ``config.cfg`` can name them.

The tagger listens to the pipeline's own ``tok2vec`` (frozen, shared with the
parser) and adds a small trainable encoder on top, so tagging costs a few
layers, not a second embedding of the text.
"""

from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, tok2vec_listener_v1
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, chain, with_array
from thinc.types import Floats2d

__all__ = ["listener_encoder"]


@registry.architectures("quotes.ListenerEncoder.v1")
def listener_encoder(width: int, upstream: str, depth: int, window_size: int) -> Model[list[Doc], list[Floats2d]]:
    """Vectors of an upstream tok2vec (or ``doc.tensor`` at run time) refined by ``depth`` trainable CNN layers."""
    listener = tok2vec_listener_v1(width=width, upstream=upstream)
    encoder = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
    model = chain(listener, with_array(encoder))
    model.set_dim("nO", width)
    return model
