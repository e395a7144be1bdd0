"""The Dutch lunr pipeline, identical to lunr-languages 1.22.0's ``lunr.nl``.

lunr.py's own ``languages="nl"`` downloads NLTK data at run time (and fails
offline), and its ``nl`` trimmer mangles ``café`` and ``covid19``. These three
functions reproduce what lunr.js with ``lunr.nl`` does, registered under the
same labels, so that an index built here loads and searches the same in the
browser:

- ``trimmer-nl``: strip leading and trailing characters outside lunr-languages'
  Latin word characters plus ASCII digits (``generateTrimmer`` in 1.22.0);
- ``stopWordFilter-nl``: lunr-languages' Dutch stop words (the list starts
  with an empty word, which drops empty tokens just like lunr.js);
- ``stemmer-nl``: Snowball's ``dutch_porter``, the algorithm in ``lunr.nl``
  (snowballstemmer's ``dutch`` is a different one: gemeenten → "meen").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline

# lunr.nl.wordCharacters, verbatim, plus the digits generateTrimmer adds.
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
    "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e\u2160-\u2188"
    "\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06"
    "\uff21-\uff3a\uff41-\uff5a"
    "0-9"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")

# lunr-languages splits ' aan al …' on spaces, so its list also holds the empty word.
STOP_WORDS = frozenset(
    {
        "",
        *[
            "aan",
            "al",
            "alles",
            "als",
            "altijd",
            "andere",
            "ben",
            "bij",
            "daar",
            "dan",
            "dat",
            "de",
            "der",
            "deze",
            "die",
            "dit",
            "doch",
            "doen",
            "door",
            "dus",
            "een",
            "eens",
            "en",
            "er",
            "ge",
            "geen",
            "geweest",
            "haar",
            "had",
            "heb",
            "hebben",
            "heeft",
            "hem",
            "het",
            "hier",
            "hij",
            "hoe",
            "hun",
            "iemand",
            "iets",
            "ik",
            "in",
            "is",
            "ja",
            "je",
            "kan",
            "kon",
            "kunnen",
            "maar",
            "me",
            "meer",
            "men",
            "met",
            "mij",
            "mijn",
            "moet",
            "na",
            "naar",
            "niet",
            "niets",
            "nog",
            "nu",
            "of",
            "om",
            "omdat",
            "onder",
            "ons",
            "ook",
            "op",
            "over",
            "reeds",
            "te",
            "tegen",
            "toch",
            "toen",
            "tot",
            "u",
            "uit",
            "uw",
            "van",
            "veel",
            "voor",
            "want",
            "waren",
            "was",
            "wat",
            "werd",
            "wezen",
            "wie",
            "wil",
            "worden",
            "wordt",
            "zal",
            "ze",
            "zelf",
            "zich",
            "zij",
            "zijn",
            "zo",
            "zonder",
            "zou",
        ],
    }
)

_STEMMER = snowballstemmer.stemmer("dutch_porter")


def trim(word: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stems are cached: the same words recur across thousands of entries."""
    return str(_STEMMER.stemWord(word))


def trimmer_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda text, metadata=None: trim(text))


def stop_word_filter_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return None if str(token) in STOP_WORDS else token


def stemmer_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda text, metadata=None: stem(text))


Pipeline.register_function(trimmer_nl, "trimmer-nl")
Pipeline.register_function(stop_word_filter_nl, "stopWordFilter-nl")
Pipeline.register_function(stemmer_nl, "stemmer-nl")


def dutch_builder() -> Builder:
    """A lunr builder with lunr.nl's pipelines: index trims, filters and stems; search trims and stems."""
    builder = Builder()
    builder.pipeline.add(trimmer_nl, stop_word_filter_nl, stemmer_nl)
    builder.search_pipeline.add(trimmer_nl, stemmer_nl)
    return builder
