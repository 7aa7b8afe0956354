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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

import snowballstemmer

from transkit.model.languages import Language, language_table

try:  # a compiled Aho-Corasick automaton; the same answers without it, term by term
    import ahocorasick
except ImportError:  # pragma: no cover - pyahocorasick is a dependency; the fallback is tested
    ahocorasick = None

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
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(code)) for code in _TRANSLATE) + "]")
"""Any character that _TRANSLATE changes."""
_REPLACEMENTS = {chr(code): "" if by is None else by for code, by in _TRANSLATE.items()}
"""_TRANSLATE as ``str.replace`` arguments: no replacement holds a character it replaces."""

MAX_STEMMED_LENGTH = 100
"""Longer "words" (no language has them; a run of digits or junk) are compared as they
are: Snowball's pure-Python stemmers take about a second for 100,000 characters."""

# Scripts whose words are not separated by spaces: compare substrings.
NO_SPACE_SCRIPTS = frozenset({"Hans", "Hant", "Hani", "Jpan", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"})

_STEMMERS = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


def strip_bidi(text: str) -> str:
    """The text without bidirectional formatting characters, which are invisible."""
    # Most texts have none: a regex search is far cheaper than translate() per character,
    # and an ASCII text (every English source) needs no search at all.
    if text.isascii():
        return text
    return text.translate(_BIDI_TABLE) if _BIDI_ANY.search(text) else text


# Every term's check of a message normalises the same source, S141 and term matching the
# same translation: large enough to keep a big catalog's sources between languages.
@lru_cache(maxsize=65536)
def normalize(text: str, *, fold_case: bool = True) -> str:
    """The comparable form of a text: NFC, straight quotes, plain single spaces, no bidi marks."""
    text = unicodedata.normalize("NFC", text)
    # translate() looks every character up: a text has few of the characters it changes,
    # and replacing each of them (in C) gives the same, several times faster.
    if not text.isascii() and _TRANSLATED.search(text):
        for char in set(_TRANSLATED.findall(text)):
            text = text.replace(char, _REPLACEMENTS[char])
    # _SPACES is every character str.isspace() accepts and U+200B: its runs made single
    # spaces and the ends stripped are the words split() finds joined by spaces, found
    # without a regex match per space.
    text = " ".join(text.replace("\u200b", " ").split())
    return text.casefold() if fold_case else text


# Printable ASCII but the space: what normalize() leaves as it is but for case.
_ASCII_RUN = re.compile(r"[!-~]*")


def may_normalize_alike(source: str, translation: str) -> bool:
    """False when ``normalize()`` cannot make the two texts equal: most translations,
    told without normalising either.

    A text's leading run of printable ASCII (up to a space or any other character)
    begins its normal form, lowercased, but for its last character, which a combining
    mark after it may compose with.  Two normal forms differ when neither of these
    beginnings begins the other.
    """
    # The pattern matches any text (a run of none at least).
    first = _ASCII_RUN.match(source).group()[:-1].lower()  # type: ignore[union-attr]
    second = _ASCII_RUN.match(translation).group()[:-1].lower()  # type: ignore[union-attr]
    if not (first.startswith(second) or second.startswith(first)):
        return False
    # An ASCII text's normal form is ASCII; the other's is not when it has a word
    # character that stays beyond ASCII: « Паспорт » or « Envoyé » is no copy of "Send".
    if source.isascii() != translation.isascii():
        return not _KEPT_BEYOND_ASCII.search(translation if source.isascii() else source)
    return True


_KEPT_BEYOND_ASCII = re.compile(r"[^\W\x00-\x7f\u00df\u0130\u0131\u017f\u02bc\u1e9e\u212a\ufb00-\ufb06]")
"""A word character (``\\w``) that :func:`normalize`, folding case or not, leaves beyond
ASCII wherever it stands: all but the fourteen it makes ASCII (``ß`` → ``ss``, ``ı`` →
``i``, ``K`` the Kelvin sign → ``k``, the ``ﬁ`` ligatures…; the tests go through every
code point). Composing with marks around it gives another character beyond ASCII."""


def loosen(text: str) -> str:
    """Spelling-blind form for names: no case, no diacritics, no hyphens or spaces."""
    decomposed = unicodedata.normalize("NFD", normalize(text))
    kept = (c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return re.sub(r"[\s\-'.]", "", "".join(kept))


@lru_cache(maxsize=1)
def word_pattern() -> re.Pattern[str]:
    # A word is letters and digits with their combining marks (Arabic harakat, Indic
    # vowel signs): Python's \w leaves marks out and would cut "أحدًا" in two.
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    previous = 0
    for code in range(0x30000):
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append((start, previous))
            start = None

    def char_class(within: list[tuple[int, int]]) -> str:
        return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in within) + "]"

    # The same characters, sought faster: no mark is ASCII, so spaces and ASCII punctuation
    # (most of what separates words) skip the mark classes; the ranges beyond U+FFFF, which
    # the regex engine tests one by one, are tried for such characters only.
    assert ranges[0][0] > 0x7F and not any(a <= 0xFFFF < b for a, b in ranges)
    bmp = char_class([r for r in ranges if r[1] <= 0xFFFF])
    astral = char_class([r for r in ranges if r[0] > 0xFFFF])
    return re.compile(f"(?:[^\\W_]|(?=[^\\x00-\\x7f])(?:{bmp}|(?=[\\U00010000-\\U0010ffff]){astral}))+")


@lru_cache(maxsize=1)
def word_split() -> re.Pattern[str]:
    """:func:`word_pattern` as a capturing group, for ``split``."""
    return re.compile(f"({word_pattern().pattern})")


_LETTERS_AND_DIGITS = re.compile(r"([^\W_]+)")
""":func:`word_split` without the combining marks it also takes in words (never ASCII)."""


def split_words(text: str) -> list[str]:
    """``word_split().split(text)``: [before, word, gap, word, …, after].

    Split on letters and digits alone first, several times faster: where every gap is
    ASCII, no gap holds a combining mark, so the words are the same.
    """
    parts = _LETTERS_AND_DIGITS.split(text)
    return parts if "".join(parts[0::2]).isascii() else word_split().split(text)


@dataclass(frozen=True)
class Prepared:
    """A normalised text with its words, ready to be searched many times."""

    text: str
    words: tuple[tuple[int, int], ...]
    """(start, end) of each word in ``text``."""
    keys: tuple[str, ...]
    """The comparison key of each word: its stem, or the word itself."""
    _found: dict[tuple[Matcher, str], tuple[tuple[int, int], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Matcher.find's answers for this text: a term's forms are sought again where other
    terms' forbidden words are excused."""
    _key_set: frozenset[str] = field(default=frozenset(), init=False, compare=False, repr=False)
    """The keys as a set: most forms sought are not in a text, which this tells at once."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_key_set", frozenset(self.keys))

    def positions(self, key: str) -> list[int]:
        """Where the word ``key`` is, in order (found by the tuple's own search, in C)."""
        keys = self.keys
        found: list[int] = []
        if key in keys:
            at = keys.index(key)
            while True:
                found.append(at)
                try:
                    at = keys.index(key, at + 1)
                except ValueError:
                    return found
        return found


class _Stems(dict):
    """Word → comparison key, computed on first use (Snowball is pure Python)."""

    def __init__(self, stemmer: Any) -> None:
        super().__init__()
        self._stemmer = stemmer

    def __missing__(self, word: str) -> str:
        if len(word) > MAX_STEMMED_LENGTH:
            return word  # not stemmed, and not remembered
        key = self[word] = self._stemmer.stemWord(word)
        return key


_MAX_FORMS = 65536
"""Forms remembered per matcher (a termbase has a few hundred)."""


class Matcher:
    """Finds forms in texts of one language."""

    def __init__(self, language: Language | None) -> None:
        self.language = language
        base = language.tag.split("-")[0] if language else "en"
        self.substring = bool(language and language.script in NO_SPACE_SCRIPTS)
        name = _STEMMERS.get(base)
        self._stemmer = snowballstemmer.stemmer(name) if name else None
        self._cache: _Stems | None = _Stems(self._stemmer) if self._stemmer is not None else None
        # form -> (needle, compiled substring pattern or None, word keys or None); the same
        # termbase forms are sought in every message.
        self._forms: dict[str, tuple[str, re.Pattern[str] | None, tuple[str, ...] | None]] = {}

    def _key(self, word: str) -> str:
        if self._cache is None:
            return word
        return self._cache[word]

    def prepare(self, text: str) -> Prepared:
        normal = normalize(text)
        # One split gives [before, word, gap, word, …, after]; the words' spans follow from
        # the lengths, without a match object per word.
        parts = split_words(normal)
        ends = list(accumulate(map(len, parts)))
        words = parts[1::2]
        spans = tuple(zip(ends[0:-1:2], ends[1::2]))
        keys = tuple(words) if self._cache is None else tuple(map(self._cache.__getitem__, words))
        return Prepared(normal, spans, keys)

    def _form(self, form: str) -> tuple[str, re.Pattern[str] | None, tuple[str, ...] | None]:
        found = self._forms.get(form)
        if found is None:
            needle = normalize(form)
            if not needle:
                found = (needle, None, None)
            elif self.substring or not word_pattern().search(needle):
                found = (needle, re.compile(re.escape(needle)), None)
            else:
                found = (needle, None, tuple(self._key(w) for w in word_pattern().findall(needle)))
            if len(self._forms) < _MAX_FORMS:
                self._forms[form] = found
        return found

    def find(self, prepared: Prepared, form: str) -> list[tuple[int, int]]:
        """Spans of ``prepared.text`` where ``form`` occurs (as words, or as a substring)."""
        needle, pattern, wanted = self._form(form)
        if wanted is not None and wanted[0] not in prepared._key_set:
            return []  # its first word is nowhere in the text
        key = (self, form)  # by identity: cheap to hash, and the answer is this matcher's
        found = prepared._found.get(key)
        if found is None:
            found = prepared._found[key] = tuple(self._find(prepared, needle, pattern, wanted))
        return list(found)

    def _find(
        self, prepared: Prepared, needle: str, pattern: re.Pattern[str] | None, wanted: tuple[str, ...] | None
    ) -> list[tuple[int, int]]:
        if not needle:
            return []
        if pattern is not None:
            return [(m.start(), m.end()) for m in pattern.finditer(prepared.text)]
        assert wanted is not None
        size = len(wanted)
        keys = prepared.keys
        if size <= 8:  # real forms: a few words; only where the first word is can they start
            starts = [i for i in prepared.positions(wanted[0]) if keys[i : i + size] == wanted]
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


@language_table
@lru_cache(maxsize=256)
def matcher_for(language: Language | None) -> Matcher:
    return Matcher(language)


def source_contains(source: str, form: str) -> bool:
    """Whether an English source holds a form, as whole words, ignoring case.

    Sources are not stemmed: "trafficking" and "traffickers" share an English stem but
    are different terms.
    """
    found = _whole_word(form)
    if found is None:
        return False
    needle, pattern = found
    text = normalize(source)
    # Most sources hold none of a termbase's forms: a substring test rules them out
    # before the regex that checks the word boundaries.
    return needle in text and pattern.search(text) is not None


@lru_cache(maxsize=4096)
def _whole_word(form: str) -> tuple[str, re.Pattern[str]] | None:
    """A source form's normalised text and the pattern finding it as whole words."""
    needle = normalize(form)
    return (needle, re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")) if needle else None


class SourceForms:
    """Every source form of some terms, sought in a message source at once.

    Which terms a source holds (:meth:`~transkit.terms.model.Termbase.in_source`) was one
    search per form of every term; one pass of an Aho-Corasick automaton (pyahocorasick,
    in C) over the normalised source finds every form that occurs in it as a substring,
    and only those are then checked for whole words, as :func:`source_contains` does.
    The answer is the same: a form is held as whole words only where it is a substring.
    Without pyahocorasick (``compiled=False``) each form is tested with ``in``.
    """

    def __init__(self, terms: Iterable[tuple[str, tuple[str, ...]]], *, compiled: bool = True) -> None:
        self._ids: dict[str, list[str]] = {}
        """Normalised form (the needle) → ids of the terms that have it."""
        self._patterns: dict[str, re.Pattern[str]] = {}
        for term_id, forms in terms:
            for form in forms:
                found = _whole_word(form)
                if found is None:
                    continue
                needle, pattern = found
                self._patterns.setdefault(needle, pattern)
                ids = self._ids.setdefault(needle, [])
                if term_id not in ids:
                    ids.append(term_id)
        self._automaton = None
        if compiled and ahocorasick is not None and self._ids:
            automaton = ahocorasick.Automaton()
            for needle in self._ids:
                automaton.add_word(needle, needle)
            automaton.make_automaton()
            self._automaton = automaton

    def ids_in(self, source: str) -> set[str]:
        """Ids of the terms one of whose forms the source holds as whole words, any case."""
        if not self._ids:
            return set()
        text = normalize(source)
        if self._automaton is not None:
            candidates: Iterable[str] = {needle for _, needle in self._automaton.iter(text)}
        else:
            candidates = [needle for needle in self._ids if needle in text]
        found: set[str] = set()
        for needle in candidates:
            if self._patterns[needle].search(text) is not None:
                found.update(self._ids[needle])
        return found
