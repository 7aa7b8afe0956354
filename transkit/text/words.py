"""Words of message text: doubled by a slip (``the the``) or by grammar, and the words
an untranslated copy of an English source leaves in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from transkit.terms.match import normalize, word_pattern, word_split
from transkit.text.spans import MASK, mask, plain_text

# Languages that repeat words as grammar (reduplication: Indonesian "anak anak", Tagalog
# "araw araw", Vietnamese "từ từ", Turkish "yavaş yavaş", Persian "کم کم", Hindi "धीरे
# धीरे"), and scripts written without spaces, where "words" are not what spaces delimit.
REDUPLICATING = frozenset(
    "id ms jv su tl fil ceb ilo vi km lo my th zh ja ko hi ur pa bn gu mr ne or as sd si ta te kn ml "
    "fa ps tr az uz kk ky tk ug sw yo ha ig zu xh nso tn st ts ss ve nr so tok".split()
)
# Words some languages legitimately write twice: French reflexives ("vous vous
# inscrivez"), German and Dutch relative pronouns after an article ("das das Kind").
ALLOWED_REPEATS = {
    "fr": frozenset({"vous", "nous"}),
    "de": frozenset({"die", "der", "das", "dem", "den", "sie"}),  # "können Sie sie"
    "nl": frozenset({"die", "dat"}),
    "en": frozenset({"that", "had", "is"}),
    "fy": frozenset({"jo", "mei"}),
    # A particle and a preposition: "slått på på dette systemet".
    "nb": frozenset({"på"}),
    "nn": frozenset({"på"}),
    "no": frozenset({"på"}),
    "sv": frozenset({"på"}),
    "da": frozenset({"på"}),
    # Albanian's linking article before a noun that has its own: "të të dhënave".
    "sq": frozenset({"të"}),
    # "if" and a reflexive pronoun: Galician and Portuguese "indica se se mostra".
    "gl": frozenset({"se"}),
    "pt": frozenset({"se"}),
    "nds": frozenset({"de"}),
}


def repeated_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Words written twice in a row with one space between them (``the the``).

    Placeholders, numbers and one-letter words are left out; comparison ignores case, but
    not an all-capital word before the same word (``VALUE     Value``: a column of a help
    text, not a slip); wider gaps are alignment.
    """
    if not _may_repeat(plain_text(text)):
        return []  # most texts, told without the word split (a costly regular expression)
    return list(_repeated_words(text, allowed))


def _may_repeat(plain: str) -> bool:
    """False when no word of ``plain`` can be written twice in a row: a cheap test first.

    A word written twice ends one whitespace-separated token and begins the next.  Case
    folding works character by character, leaves whitespace as it is and makes no other
    character whitespace, and keeps word characters word characters and the others not
    (the tests go through every code point), so the repeated word shows in the folded
    tokens too: at least two characters that end the first token and begin the second,
    with no letter or digit before them in the first nor after them in the second.
    """
    for first, second in pairwise(plain.casefold().split()):
        # The containment test inline spares most pairs a call.
        if second[:2] in first and _ends_as_begins(first, second):
            return True
    return False


def _ends_as_begins(first: str, second: str) -> bool:
    """Whether ``first`` ends with two or more characters that ``second`` begins with,
    with no letter or digit before them in ``first`` nor after them in ``second``."""
    head = second[:2]
    at = first.find(head) if len(head) == 2 else -1
    while at != -1:
        word = first[at:]
        after = second[len(word) : len(word) + 1]
        if second.startswith(word) and not first[at - 1 : at].isalnum() and not after.isalnum():
            return True
        at = first.find(head, at + 1)
    return False


@lru_cache(maxsize=16384)  # texts that pass the pre-filter: a plural source is asked about per form
def _repeated_words(text: str, allowed: frozenset[str]) -> tuple[str, ...]:
    # One split gives words and what separates them: [before, word, gap, word, …, after].
    parts = word_split().split(plain_text(text))
    words = parts[1::2]
    if len(set(map(str.casefold, words))) == len(words):
        return ()  # no word twice in the whole text, so none twice in a row
    found = []
    for k in range(1, len(parts) - 2, 2):
        first, gap, second = parts[k], parts[k + 1], parts[k + 2]
        if len(gap) != 1 or not gap.isspace() or first.casefold() != second.casefold():
            continue
        if first != second and (first.isupper() or second.isupper()):
            continue
        if parts[k - 1][-1:] in ("_", "&") or parts[k + 3][:1] in ("_", "&"):
            continue  # an accelerator splits a word: "Tod_as as", "de de_recha"
        if len(first) < 2 or any(c.isdigit() for c in first) or first.casefold() in allowed:
            continue
        found.append(second)
    return tuple(found)


_SENTENCE_END = re.compile(r"[.!?:;]\s")


def proper_nouns(texts: list[str]) -> frozenset[str]:
    """Capitalised words that some text uses in mid-sentence: names, not sentence starts.

    The template itself says that "Brussels" is a name ("PAG-ASA in Brussels") and
    "Password" is not, so an identical "Brussels" is not an untranslated message.
    """
    return _proper_nouns(tuple(texts))


@lru_cache(maxsize=8)  # every catalog asks about the same template texts
def _proper_nouns(texts: tuple[str, ...]) -> frozenset[str]:
    names = set()
    for text in texts:
        plain = plain_text(text)
        for match in _capitalised_words(plain):
            word = match.group()
            if word not in names and not _opens_sentence(plain, match.start()):
                names.add(word)
    return frozenset(names)


# With no word character beyond ASCII, words are ASCII letters and digits: a capitalised
# one is found at once, where word_pattern() would stop at every word of the template.
_ASCII_CAPITALISED = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*")


def _capitalised_words(plain: str) -> Iterator[re.Match[str]]:
    """The words of a masked text (:func:`word_pattern`) that begin with a capital letter."""
    if plain.replace(MASK, "").isascii():  # a mask is no word character
        return _ASCII_CAPITALISED.finditer(plain)
    return (match for match in word_pattern().finditer(plain) if match.group()[:1].isupper())


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence: between it and the last letter,
    digit or ``_`` before it, or the start of the text, there is a line break, or a
    ``.!?:;`` and a space, or that is the start of the text.

    Read backwards from the word, which looks at a few characters where a regular
    expression would read the text from its start for every word.
    """
    at = start
    while at and not (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
    gap = text[at:start]
    return at == 0 or "\n" in gap or _SENTENCE_END.search(gap) is not None


def untranslated_words(source: str, nouns: frozenset[str], names: tuple[str, ...]) -> list[str]:
    """The words (space-separated: ``Mi'kmaq`` is one) of a source that an identical
    translation leaves in English.

    Placeholders, URLs, e-mail addresses, markup, numbers, codes (``A5``, ``32k``) and
    acronyms are not words; the termbase's names (``PAG-ASA``) and the template's proper
    nouns are not translated.
    """
    text = normalize(mask(source), fold_case=False)
    for name in names:
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    untranslated = []
    for token in text.split():
        parts = [w for w in word_pattern().findall(token) if any(c.isalpha() for c in w)]
        kept = [
            w
            for w in parts
            if w not in nouns
            and not any(c.isdigit() for c in w)
            and not (len(w) > 1 and not w.islower() and not w.istitle())
        ]
        if kept:
            untranslated.append(token.strip(".,;:!?()[]\"'«»“”"))
    return untranslated
