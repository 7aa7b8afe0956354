"""Words of message text: doubled by a slip (``the the``) or by grammar, and the words
an untranslated copy of an English source leaves in English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transkit.glossary.match import word_split, normalize, word_pattern
from transkit.text.spans import mask, plain_text


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
    "nb": frozenset({"på"}), "nn": frozenset({"på"}), "no": frozenset({"på"}),
    "sv": frozenset({"på"}), "da": frozenset({"på"}),
    # Albanian's linking article before a noun that has its own: "të të dhënave".
    "sq": frozenset({"të"}),
    # "if" and a reflexive pronoun: Galician and Portuguese "indica se se mostra".
    "gl": frozenset({"se"}), "pt": frozenset({"se"}),
    "nds": frozenset({"de"}),
}


def repeated_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Words written twice in a row with one space between them (``the the``).

    Placeholders, numbers and one-letter words are left out; comparison ignores case, but
    not an all-capital word before the same word (``VALUE     Value``: a column of a help
    text, not a slip); wider gaps are alignment.
    """
    return list(_repeated_words(text, allowed))


@lru_cache(maxsize=16384)  # a source is asked about once per language
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


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*$")


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
        for match in word_pattern().finditer(plain):
            word = match.group()
            if word[:1].isupper() and not _SENTENCE_START.search(plain[: match.start()]):
                names.add(word)
    return frozenset(names)


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
            w for w in parts
            if w not in nouns and not any(c.isdigit() for c in w) and not (len(w) > 1 and not w.islower() and not w.istitle())
        ]
        if kept:
            untranslated.append(token.strip(".,;:!?()[]\"'«»“”"))
    return untranslated
