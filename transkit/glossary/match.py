"""Finding a term's forms in real translations.

Real translations differ from a termbase in ways that do not matter: case, composed or
decomposed diacritics, typographic quotes, no-break and narrow spaces (French « … »),
bidirectional marks in right-to-left text, inflection.  Everything here normalises both
sides the same way, then compares words (by stem where Snowball has a stemmer for the
language) or, for scripts written without spaces, substrings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from transkit.languages import Language

# Bidirectional formatting characters: marks, embeddings, overrides and isolates.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_TABLE = {ord(c): None for c in BIDI_CONTROLS}
_BIDI_ANY = re.compile("[" + re.escape("".join(BIDI_CONTROLS)) + "]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TRANSLATE = {
    **_BIDI_TABLE,
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    0x00AD: None,  # soft hyphen
    0x200C: " ",  # zero-width non-joiner: Persian writes "هیچ‌کس" and "هیچ کس" alike
    0x200D: None,  # zero-width joiner
    0x0130: "i",  # Turkish İ: casefold() would leave a combining dot behind
    0x0131: "i",  # Turkish ı, so that "insan" and "İnsan" and "INSAN" meet
    0xFEFF: None,
}

MAX_STEMMED_LENGTH = 100
"""Longer "words" (no language has them; a run of digits or junk) are compared as they
are: Snowball's pure-Python stemmers take about a second for 100,000 characters."""

# Scripts whose words are not separated by spaces: compare substrings.
NO_SPACE_SCRIPTS = frozenset({"Hans", "Hant", "Hani", "Jpan", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"})

_STEMMERS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "st": "sesotho", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}


def strip_bidi(text: str) -> str:
    """The text without bidirectional formatting characters, which are invisible."""
    # Most texts have none: a regex search is far cheaper than translate() per character.
    return text.translate(_BIDI_TABLE) if _BIDI_ANY.search(text) else text


@lru_cache(maxsize=8192)  # every term's check of a message normalises the same source
def normalize(text: str, *, fold_case: bool = True) -> str:
    """The comparable form of a text: NFC, straight quotes, plain single spaces, no bidi marks."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _SPACES.sub(" ", text).strip()
    return text.casefold() if fold_case else text


def loosen(text: str) -> str:
    """Spelling-blind form for names: no case, no diacritics, no hyphens or spaces."""
    decomposed = unicodedata.normalize("NFD", normalize(text))
    kept = (c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return re.sub(r"[\s\-'.]", "", "".join(kept))


@lru_cache(maxsize=1)
def word_pattern() -> re.Pattern[str]:
    # A word is letters and digits with their combining marks (Arabic harakat, Indic
    # vowel signs): Python's \w leaves marks out and would cut "أحدًا" in two.
    ranges: list[str] = []
    start = previous = None
    for code in range(0x30000):
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append(f"\\U{start:08x}-\\U{previous:08x}")
            start = None
    return re.compile(f"(?:[^\\W_]|[{''.join(ranges)}])+")


@dataclass(frozen=True)
class Prepared:
    """A normalised text with its words, ready to be searched many times."""

    text: str
    words: tuple[tuple[int, int], ...]
    """(start, end) of each word in ``text``."""
    keys: tuple[str, ...]
    """The comparison key of each word: its stem, or the word itself."""


class Matcher:
    """Finds forms in texts of one language."""

    def __init__(self, language: Language | None) -> None:
        self.language = language
        base = language.tag.split("-")[0] if language else "en"
        self.substring = bool(language and language.script in NO_SPACE_SCRIPTS)
        name = _STEMMERS.get(base)
        self._stemmer = snowballstemmer.stemmer(name) if name else None
        self._cache: dict[str, str] = {}

    def _key(self, word: str) -> str:
        if self._stemmer is None or len(word) > MAX_STEMMED_LENGTH:
            return word
        key = self._cache.get(word)
        if key is None:
            key = self._cache[word] = self._stemmer.stemWord(word)
        return key

    def prepare(self, text: str) -> Prepared:
        normal = normalize(text)
        spans = tuple(m.span() for m in word_pattern().finditer(normal))
        return Prepared(normal, spans, tuple(self._key(normal[a:b]) for a, b in spans))

    def find(self, prepared: Prepared, form: str) -> list[tuple[int, int]]:
        """Spans of ``prepared.text`` where ``form`` occurs (as words, or as a substring)."""
        needle = normalize(form)
        if not needle:
            return []
        if self.substring or not word_pattern().search(needle):
            return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), prepared.text)]
        wanted = tuple(self._key(w) for w in word_pattern().findall(needle))
        size = len(wanted)
        keys = prepared.keys
        if size <= 8:  # real forms: a few words
            starts = [i for i in range(len(keys) - size + 1) if keys[i : i + size] == wanted]
        else:
            starts = occurrences(keys, wanted)
        return [(prepared.words[i][0], prepared.words[i + size - 1][1]) for i in starts]


def occurrences(keys: tuple[str, ...], wanted: tuple[str, ...]) -> list[int]:
    """Where ``wanted`` starts in ``keys``, overlaps included, in linear time
    (Knuth-Morris-Pratt): comparing at every position was quadratic, minutes for a
    termbase form of thousands of words in a long translation."""
    failure = [0] * len(wanted)
    k = 0
    for i in range(1, len(wanted)):
        while k and wanted[i] != wanted[k]:
            k = failure[k - 1]
        if wanted[i] == wanted[k]:
            k += 1
        failure[i] = k
    found = []
    k = 0
    for i, key in enumerate(keys):
        while k and key != wanted[k]:
            k = failure[k - 1]
        if key == wanted[k]:
            k += 1
            if k == len(wanted):
                found.append(i - k + 1)
                k = failure[k - 1]
    return found


@lru_cache(maxsize=256)
def matcher_for(language: Language | None) -> Matcher:
    return Matcher(language)


@lru_cache(maxsize=65536)
def source_contains(source: str, form: str) -> bool:
    """Whether an English source holds a form, as whole words, ignoring case.

    Sources are not stemmed: "trafficking" and "traffickers" share an English stem but
    are different terms.
    """
    needle = normalize(form)
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", normalize(source)) is not None
