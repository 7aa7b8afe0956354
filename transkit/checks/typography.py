"""Typography of a translation against its source (family ``S``): whitespace, line breaks,
brackets and quotes, doubled spaces and words, final punctuation, untranslated copies,
lengths far off.

Every rule here knows that languages write differently: Arabic ends a question with
``؟``, Chinese with ``？``, Thai often with nothing; French puts a no-break space before
``?``; Germans open quotes with ``„``; Chinese needs about a third of the English
characters.  Layout problems are warnings, style hints are information; what the source
itself does (a double space, an odd bracket) is never held against the translation.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from transkit.checks.content import form_pairs, per_form
from transkit.engine import CatalogContext
from transkit.glossary.match import NO_SPACE_SCRIPTS, word_pattern, normalize, strip_bidi
from transkit.glossary.model import TermKind
from transkit.languages import Language
from transkit.model import Entry
from transkit.registry import Applies, Problem, Scope, register
from transkit.report import Severity
from transkit.textvalues import MASK, mask


def _quote(text: str) -> str:
    return f"\u201c{text}\u201d"


def _base(language: Language | None) -> str:
    return language.tag.split("-")[0].lower() if language else ""


# ---------------------------------------------------------------------------------------
# Whitespace and line breaks
# ---------------------------------------------------------------------------------------

_FULL_WIDTH_END = "，。：；！？、）」』】》"


def _edges(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace, each space-like character written as a space."""
    plain = strip_bidi(text)
    lead = plain[: len(plain) - len(plain.lstrip())]
    trail = plain[len(plain.rstrip()) :]

    def shape(ws: str) -> str:
        return "".join(c if c in "\n\t\r" else " " for c in ws)

    return shape(lead), shape(trail)


def _show_ws(ws: str) -> str:
    return _quote(ws.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")) if ws else "no whitespace"


@register("S101", "leading-whitespace-differs", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def leading_whitespace_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation starts with other whitespace than its source.

    Leading spaces and line breaks are layout: they indent or separate pieces that the
    program puts together.  Every kind of space counts as a space; line breaks and tabs
    must match.

    Bad: ``msgid " (optional)"`` → ``msgstr "(facultatif)"``.
    Good: ``msgstr " (facultatif)"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want, have = _edges(source)[0], _edges(translation)[0]
        if want != have:
            found.append((index, f"the source starts with {_show_ws(want)}, the translation with {_show_ws(have)}"))
    yield from per_form(entry, found)


@register("S102", "trailing-whitespace-differs", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def trailing_whitespace_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation ends with other whitespace than its source.

    A trailing space often separates the message from what the program appends.  Chinese
    and Japanese may drop a trailing space after full-width punctuation (``：``), which
    carries its own spacing; Tibetan and Dzongkha may follow a final shad with a space.

    Bad: ``msgid "Name: "`` → ``msgstr "Nom :"``.
    Good: ``msgstr "Nom\u00a0: "``.
    """
    language = context.catalog.language
    cjk = language is not None and language.script in {"Hans", "Hant", "Jpan", "Hani"}
    tibetan = _base(language) in ("bo", "dz")
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want, have = _edges(source)[1], _edges(translation)[1]
        if want == have:
            continue
        last = strip_bidi(translation).rstrip()[-1:]
        if want.strip(" ") == have.strip(" ") and ((cjk and last in _FULL_WIDTH_END) or (tibetan and last in "།༌་")):
            continue
        found.append((index, f"the source ends with {_show_ws(want)}, the translation with {_show_ws(have)}"))
    yield from per_form(entry, found)


def inner_line_breaks(text: str) -> int:
    """Line breaks inside the text; those at its edges are the whitespace checks' business."""
    return strip_bidi(text).strip().count("\n")


@register("S103", "line-break-count-differs", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def line_break_count_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has more or fewer line breaks (``\\n``) inside it than its source.

    Line breaks shape e-mails, SMS texts and preformatted blocks; a lost one runs two
    lines together.  Breaks at the start or end are reported by ``S101``/``S102``.

    Bad: ``msgid "Helpline:\\n078 055 800"`` → ``msgstr "Ligne d’assistance : 078 055 800"``.
    Good: ``msgstr "Ligne d’assistance :\\n078 055 800"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want, have = inner_line_breaks(source), inner_line_breaks(translation)
        if want != have:
            found.append((index, f"the source has {want} line break(s) inside it, the translation {have}"))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Brackets and quotation marks
# ---------------------------------------------------------------------------------------

_BRACKETS = {
    "(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "｛": "｝", "【": "】", "〔": "〕",
    "〖": "〗", "〘": "〙", "〚": "〛", "〈": "〉", "《": "》", "⟨": "⟩", "⦅": "⦆", "｟": "｠",
    "\ufd3f": "\ufd3e", "\ufd3e": "\ufd3f",  # Arabic ornate parentheses, used either way round
}
_CLOSERS = {close: open_ for open_, close in _BRACKETS.items()}
_CANONICAL = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}", "\ufd3f": "(", "\ufd3e": ")"}


def bracket_problems(text: str) -> Counter:
    """Unclosed openers and stray closers, counted by ``(bracket, "unclosed"|"stray")``
    with full-width brackets written as ASCII ones; placeholders, markup and URLs are
    masked first."""
    return Counter((_CANONICAL.get(char, char), kind) for char, kind, _ in _bracket_scan(text))


# A list or example label at the start of a line: "1)", "a)", Korean "예)".
_LABEL = re.compile(r"[ \t]*[^\W_]{1,3}")


def _bracket_scan(text: str) -> list[tuple[str, str, int]]:
    plain = mask(strip_bidi(text))
    stack: list[tuple[str, int]] = []
    problems = []
    for position, char in enumerate(plain):
        if stack and _BRACKETS.get(stack[-1][0]) == char:
            stack.pop()
        elif char in _BRACKETS:
            stack.append((char, position))
        elif char in ")）" and _LABEL.fullmatch(plain[plain.rfind("\n", 0, position) + 1 : position]):
            continue
        elif char in _CLOSERS:
            problems.append((char, "stray", position))
    problems.extend((char, "unclosed", position) for char, position in stack)
    return problems


@register("S111", "bracket-unbalanced", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def bracket_unbalanced(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A bracket of the translation is not closed, or closes nothing.

    Full-width ``（）``, corner and lenticular brackets and the Arabic ornate ``﴿﴾`` count
    as brackets.  Text is checked in the order it is typed: in right-to-left languages the
    opening ``(`` comes first and is displayed on the right, so ``)نص(`` is typed in visual
    order and shows reversed.  A label opening a line (``1)``, ``a)``, Korean ``예)``) is
    not a bracket, and what the source itself leaves open is accepted.

    Bad: ``msgstr "PAG-ASA (Bruxelles"`` or, in Arabic, ``")بروكسل( PAG-ASA"``.
    Good: ``msgstr "PAG-ASA (Bruxelles)"``, ``"PAG-ASA (بروكسل)"``.
    """
    rtl = bool(context.catalog.language and context.catalog.language.rtl)
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        allowed = bracket_problems(source)
        scan = _bracket_scan(translation)
        extra = bracket_problems(translation) - allowed
        if not extra:
            continue
        # Canonical bracket → (as written, position) of its first problem of each kind.
        stray = {_CANONICAL.get(c, c): (c, p) for c, k, p in reversed(scan) if k == "stray"}
        unclosed = {_CANONICAL.get(c, c): (c, p) for c, k, p in reversed(scan) if k == "unclosed"}
        for (char, kind), _count in sorted(extra.items()):
            opener = _CLOSERS.get(char, char)
            if kind == "stray" and opener in unclosed and stray[char][1] < unclosed[opener][1]:
                close, open_ = _quote(stray[char][0]), _quote(unclosed[opener][0])
                if rtl:
                    found.append((index, f"brackets typed in visual order: {close} before {open_}; in "
                                         f"right-to-left text type {open_} first (it is displayed on the right)"))
                else:
                    found.append((index, f"brackets reversed: {close} before {open_}"))
            elif kind == "unclosed" and any(
                _CLOSERS.get(c, c) == char and where[1] < unclosed[char][1] for c, where in stray.items()
            ):
                continue  # reported with its closer above
            elif kind == "stray":
                found.append((index, f"{_quote(stray[char][0])} closes no bracket"))
            else:
                found.append((index, f"{_quote(unclosed[char][0])} is not closed"))
    yield from per_form(entry, found)


_DOUBLE_QUOTE_PAIRS = {
    ("«", "»"), ("»", "»"), ("‹", "›"), ("›", "›"), ("“", "”"), ("„", "“"), ("„", "”"), ("”", "”"),
    ('"', '"'), ("＂", "＂"), ("‘", "’"), ("‚", "‘"), ("‚", "’"), ("’", "’"), ("'", "'"),
    ("「", "」"), ("『", "』"), ("｢", "｣"), ("〝", "〞"), ("〝", "〟"),
}
# German and Danish »…« is right to left's visual-order mistake; Arabic's ”…“ (CLDR's own
# quotation marks for Arabic) is left to right's.
_LTR_PAIRS = frozenset(_DOUBLE_QUOTE_PAIRS | {("»", "«"), ("›", "‹")})
_RTL_PAIRS = frozenset(_DOUBLE_QUOTE_PAIRS | {("”", "“"), ("’", "‘")})
_QUOTES = frozenset(c for pair in _LTR_PAIRS | _RTL_PAIRS for c in pair)
_APOSTROPHES = frozenset("’'ʼ")
_MAX_QUOTES = 16


def _in_word(char: str) -> bool:
    """A letter or a combining mark: Sinhala "එන්‘කෝ" has a virama before its apostrophe."""
    return unicodedata.category(char)[0] in "LM"


def quote_marks(text: str) -> list[str]:
    """The quotation marks of a text in order, leaving out apostrophes inside words
    (``d’aide``, ``o‘zbek``) and everything inside placeholders, markup and URLs."""
    plain = mask(strip_bidi(text))
    marks = []
    for position, char in enumerate(plain):
        if char not in _QUOTES:
            continue
        before = plain[position - 1] if position else " "
        after = plain[position + 1] if position + 1 < len(plain) else " "
        if char in "’'‘ʼ" and _in_word(before) and _in_word(after):
            continue
        if before in _QUOTES and after in _QUOTES:
            continue  # a quotation mark quoted: '"'
        marks.append(char)
    return marks


def quotes_balanced(text: str, rtl: bool = False) -> bool:
    """Whether the quotation marks of a text pair up in some language's way.

    A mark may open or close depending on the language (``“`` opens in English and
    closes in German), so every reading is tried; ``’`` and ``'`` may also be
    apostrophes.  Texts with more than sixteen marks are not judged.
    """
    marks = tuple(quote_marks(text))
    if len(marks) > _MAX_QUOTES:
        return True
    pairs = _RTL_PAIRS if rtl else _LTR_PAIRS
    openers = frozenset(open_ for open_, _ in pairs)

    @lru_cache(maxsize=None)
    def parse(position: int, stack: tuple[str, ...]) -> bool:
        if position == len(marks):
            return not stack
        char = marks[position]
        if stack and (stack[-1], char) in pairs and parse(position + 1, stack[:-1]):
            return True
        if char in openers and len(stack) < 8 and parse(position + 1, stack + (char,)):
            return True
        return char in _APOSTROPHES and parse(position + 1, stack)

    return parse(0, ())


@register("S112", "quote-unbalanced", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def quote_unbalanced(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The quotation marks of the translation do not pair up.

    Every language's marks are understood: « … », „ … “, „ … ”, ” … ”, » … «, 「 … 」,
    ‹ … ›.  In right-to-left text » … « is the visual-order mistake (the marks are mirrored
    on display) and ” … “ is accepted.  Apostrophes are not quotation marks.

    Bad: ``msgstr "appuyez sur « Sortie rapide."``.
    Good: ``msgstr "appuyez sur « Sortie rapide »."``.
    """
    rtl = bool(context.catalog.language and context.catalog.language.rtl)
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if quotes_balanced(translation, rtl) or not quotes_balanced(source):
            continue
        marks = " ".join(quote_marks(translation)[:10])
        found.append((index, f"quotation marks do not pair up: {marks}"))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Double spaces and repeated words
# ---------------------------------------------------------------------------------------

_SPACE_RUN = re.compile(r"[ \u00a0\u202f\u2009\u2007\u3000]{2,}")


def double_spaces(text: str) -> list[int]:
    """Positions of runs of two or more spaces inside the text (not indentation after a
    line break, not at the edges); placeholders are masked, not spaces."""
    inner = mask(strip_bidi(text)).strip()
    return [m.start() for m in _SPACE_RUN.finditer(inner) if m.start() == 0 or inner[m.start() - 1] != "\n"]


@register("S121", "double-space", Scope.ENTRY, Severity.INFO, applies=Applies.TRANSLATED)
def double_space(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has two spaces in a row where its source has none.

    Information only: HTML shows one space for several, but e-mails, SMS and plain text
    show the gap, and it often marks a word left out.  No script writes double spaces as
    a rule, so every language is checked; a source with double spaces is taken as
    intentional (Weblate's rule).

    Bad: ``msgstr "Appelez le  078 055 800"``.
    Good: ``msgstr "Appelez le 078 055 800"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if double_spaces(source):
            continue
        inner = strip_bidi(translation).strip()
        for position in double_spaces(translation):
            before = inner[:position].split()[-1:] or [""]
            where = f"after {_quote(before[0][-20:])}" if before[0] else "at the start"
            found.append((index, f"double space {where}"))
    yield from per_form(entry, found)


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
    plain = mask(strip_bidi(text))
    words = [(m.group(), m.start(), m.end()) for m in word_pattern().finditer(plain)]
    found = []
    for (first, first_start, end), (second, start, second_end) in zip(words, words[1:]):
        gap = plain[end:start]
        if len(gap) != 1 or not gap.isspace() or first.casefold() != second.casefold():
            continue
        if first != second and (first.isupper() or second.isupper()):
            continue
        if plain[first_start - 1 : first_start] in ("_", "&") or plain[second_end : second_end + 1] in ("_", "&"):
            continue  # an accelerator splits a word: "Tod_as as", "de de_recha"
        if len(first) < 2 or any(c.isdigit() for c in first) or first.casefold() in allowed:
            continue
        found.append(second)
    return found


@register("S122", "repeated-word", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def repeated_word(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation writes the same word twice in a row (``the the``).

    Usually a slip of editing that readers notice.  Not checked for languages where
    reduplication is grammar (Indonesian, Tagalog, Vietnamese, Turkish, Persian, Hindi…)
    or for scripts without spaces (Chinese, Japanese, Thai); a few repeats that are
    correct (French « vous vous », German „das das“) are accepted, and so is a source that
    repeats words itself.

    Bad: ``msgstr "Appelez la la ligne d’assistance"``.
    Good: ``msgstr "Appelez la ligne d’assistance"``.
    """
    language = context.catalog.language
    base = _base(language)
    if base in REDUPLICATING or (language is not None and language.script in NO_SPACE_SCRIPTS):
        return
    allowed = ALLOWED_REPEATS.get(base, frozenset())
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if repeated_words(source, ALLOWED_REPEATS["en"]):
            continue
        for word in repeated_words(translation, allowed):
            found.append((index, f"{_quote(word)} is written twice in a row"))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Final punctuation
# ---------------------------------------------------------------------------------------


class Mark(enum.Enum):
    """What a final punctuation mark does, whatever the script writes it as."""

    STOP = "full stop"
    QUESTION = "question mark"
    EXCLAMATION = "exclamation mark"
    COLON = "colon"
    SEMICOLON = "semicolon"
    COMMA = "comma"
    ELLIPSIS = "ellipsis"
    NONE = "no punctuation"


_MARKS: dict[str, Mark] = {}
for _chars, _mark in (
    (".。．｡։።।॥۔။។།܂᙮", Mark.STOP),
    ("?？؟፧՞⸮", Mark.QUESTION),
    ("!！՜߹", Mark.EXCLAMATION),
    (":：፦፥︓", Mark.COLON),
    (";；؛፤⁏", Mark.SEMICOLON),
    (",，、،፣၊߸､", Mark.COMMA),
    ("…⋯‥", Mark.ELLIPSIS),
):
    _MARKS.update(dict.fromkeys(_chars, _mark))

# Where a language reads a mark otherwise: the Greek question mark is ";" and its
# semicolon the raised dot; Armenian text often types its full stop "։" as ":".
_LANGUAGE_MARKS: dict[str, dict[str, frozenset[Mark]]] = {
    "el": {";": frozenset({Mark.QUESTION}), "\u037e": frozenset({Mark.QUESTION}),
           "\u0387": frozenset({Mark.SEMICOLON}), "·": frozenset({Mark.SEMICOLON})},
    "hy": {":": frozenset({Mark.STOP, Mark.COLON})},
}
# Closing quotation marks are looked through ("exit".  «sortie».); brackets are not: the
# full stop of "(eldri stafs.)" is an abbreviation's, not the sentence's.
_CLOSING = "」』»«›‹”“’‘\"'"


_ACCELERATOR_SUFFIX = re.compile(r"\s*[(（][_&][^\W_][)）]\s*$")


def final_marks(text: str, language: Language | None = None) -> frozenset[Mark]:
    """What the final punctuation of a text can be read as.

    Trailing whitespace, bidirectional controls, tags, closing quotation marks and an
    appended access key (``デバイス:(_D)``, the GNOME and KDE way for scripts without
    Latin letters) are looked through: ``« Sortie rapide ».`` and ``"Quick exit."`` end
    with a full stop, ``(optional)`` with no punctuation.
    """
    plain = _ACCELERATOR_SUFFIX.sub("", mask(strip_bidi(text), {"tag"}))
    while True:
        stripped = plain.rstrip().rstrip(MASK).rstrip()
        if stripped[-1:] and stripped[-1] in _CLOSING:
            stripped = stripped[:-1]
        if stripped == plain:
            break
        plain = stripped
    if plain.endswith("...") or plain.endswith("。。。"):
        return frozenset({Mark.ELLIPSIS})
    last = plain[-1:]
    special = _LANGUAGE_MARKS.get(_base(language), {})
    if last in special:
        return special[last]
    return frozenset({_MARKS.get(last, Mark.NONE)}) if last else frozenset({Mark.NONE})


def accepted_marks(source: Mark, language: Language | None) -> frozenset[Mark]:
    """The final marks a translation may end with for a source ending with ``source``.

    Any language may soften ``!`` to a full stop.  Thai and Lao end sentences without a
    mark; Japanese may end a question with ``か。``; Armenian puts its question and
    exclamation marks on a vowel of the word (``՞``, ``՜``) and ends with ``։``; Tibetan
    and Dzongkha close phrases and names with the shad ``།``.
    """
    marks = {source}
    base = _base(language)
    if source is Mark.EXCLAMATION:
        marks.add(Mark.STOP)
    if base in ("th", "lo") and source is not Mark.NONE:
        marks.add(Mark.NONE)
    if base == "ja" and source is Mark.QUESTION:
        marks.add(Mark.STOP)
    if base == "hy" and source in (Mark.QUESTION, Mark.EXCLAMATION):
        marks.add(Mark.STOP)
    if base in ("bo", "dz") and source in (Mark.NONE, Mark.STOP):
        marks |= {Mark.NONE, Mark.STOP}  # the shad "།" closes names and phrases too
    return frozenset(marks)


def _abbreviation(source: str, translation: str, want: frozenset[Mark], have: frozenset[Mark]) -> bool:
    """A one-word source ("Nov", "Tue") translated by an abbreviation ("nov.", "อ.")."""
    plain = strip_bidi(translation).strip()
    return (
        Mark.NONE in want and Mark.STOP in have and len(source.split()) == 1
        and len(plain.split()) == 1 and len(plain) <= 8 and plain.endswith(".")
    )


def _last_mark(text: str) -> str:
    plain = mask(strip_bidi(text), {"tag"}).rstrip().rstrip(MASK).rstrip().rstrip(_CLOSING).rstrip()
    return plain[-1] if plain and (plain[-1] in _MARKS or plain[-1] in ";·\u037e\u0387") else ""


@register("S131", "final-punctuation-differs", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def final_punctuation_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation does not end with the punctuation that corresponds to its source's.

    Marks are compared by what they do, in each language's own characters: ``?`` is
    ``؟`` in Arabic, Persian and Pashto, ``？`` in Chinese and Japanese, ``;`` in Greek;
    ``.`` is ``。``, ``።`` (Tigrinya, Amharic), ``।`` (Hindi) or ``։`` (Armenian).  French
    spacing before ``: ? ! ;`` is looked through; Spanish ``¿ ¡`` open the sentence and do
    not matter; Thai may end without a mark; ``!`` may be softened to a full stop.

    Bad: ``msgid "Where did it happen?"`` → ``msgstr "Où cela s’est-il passé."``.
    Good: ``msgstr "Où cela s’est-il passé\u00a0?"``, ``"أين حدث ذلك؟"``, ``"发生在哪里？"``.
    """
    language = context.catalog.language
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want = final_marks(source)
        have = final_marks(translation, language)
        accepted = frozenset().union(*(accepted_marks(mark, language) for mark in want))
        if have & accepted or _abbreviation(source, translation, want, have):
            continue
        source_mark = next(iter(want))
        shown_source = "no punctuation" if source_mark is Mark.NONE else f"{_quote(_last_mark(source))} ({source_mark.value})"
        shown = _quote(_last_mark(translation)) if Mark.NONE not in have else "no punctuation"
        found.append((index, f"the source ends with {shown_source}, the translation with {shown}"))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Untranslated copies
# ---------------------------------------------------------------------------------------

_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*$")


def proper_nouns(texts: list[str]) -> frozenset[str]:
    """Capitalised words that some text uses in mid-sentence: names, not sentence starts.

    The template itself says that "Brussels" is a name ("PAG-ASA in Brussels") and
    "Password" is not, so an identical "Brussels" is not an untranslated message.
    """
    names = set()
    for text in texts:
        plain = mask(strip_bidi(text))
        for match in word_pattern().finditer(plain):
            word = match.group()
            if word[:1].isupper() and not _SENTENCE_START.search(plain[: match.start()]):
                names.add(word)
    return frozenset(names)


def _names(context: CatalogContext) -> tuple[frozenset[str], tuple[str, ...]]:
    cached = context.memo.get("typography-names")
    if cached is None:
        template = context.project.template
        texts = [t for e in template.entries if not e.obsolete for t in (e.msgid, e.msgid_plural) if t]
        forms = set()
        for term in context.termbase.by_kind(TermKind.NAME):
            forms.update(term.source)
            forms.update(f for group in term.approved.values() for form in group for f in form)
        cached = (proper_nouns(texts), tuple(sorted((normalize(f) for f in forms if f.strip()), key=len, reverse=True)))
        context.memo["typography-names"] = cached
    return cached


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


@register("S141", "identical-to-source", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def identical_to_source(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is the English source unchanged.

    Usually text copied into the translation and forgotten: the reader gets English.  Not
    reported when what is left once names (the termbase's, and words the template
    capitalises in mid-sentence), acronyms, placeholders, numbers, URLs and markup are
    taken away is nothing, nor in English catalogs.  A single word left is reported as
    information only: it may be a loanword (``Hotline``).

    Bad: ``msgstr "Send the report"`` in a French catalog.
    Good: ``msgstr "Envoyer le signalement"``; ``"PAG-ASA (Brussels)"`` kept as is.
    """
    if _base(context.catalog.language) == "en":
        return
    nouns, names = _names(context)
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if normalize(source) != normalize(translation):
            continue
        words = untranslated_words(source, nouns, names)
        if len(words) == 1:
            found.append((index, f"the translation is the source unchanged (one word, {_quote(words[0])}: a loanword?)"))
        elif words:
            found.append((index, "the translation is the source unchanged"))
    for problem in per_form(entry, found):
        yield Problem(problem.message, severity=Severity.INFO if "one word" in problem.message else None)


# ---------------------------------------------------------------------------------------
# Length
# ---------------------------------------------------------------------------------------

# Characters of a script per English character, measured on the 23 shipped translations
# (median translation/source length per catalog, sources of 15 characters or more);
# kana, hangul and Khmer from published averages.  Japanese mixes kanji and kana and
# needs about half the English characters: its kanji count as Japanese, not Chinese.
SCRIPT_RATIOS: tuple[tuple[int, int, float, str], ...] = (
    (0x2E80, 0x9FFF, 0.36, "Chinese characters"),
    (0xF900, 0xFAFF, 0.36, "Chinese characters"),
    (0x20000, 0x3FFFF, 0.36, "Chinese characters"),
    (0x3040, 0x30FF, 0.6, "kana"),
    (0xAC00, 0xD7AF, 0.55, "hangul"),
    (0x1100, 0x11FF, 0.55, "hangul"),
    (0x0E00, 0x0EFF, 0.83, "Thai/Lao"),
    (0x1780, 0x17FF, 0.9, "Khmer"),
    (0x1200, 0x139F, 0.67, "Ethiopic"),
    (0x2D80, 0x2DDF, 0.67, "Ethiopic"),
    (0x0600, 0x08FF, 0.93, "Arabic script"),
    (0xFB50, 0xFEFF, 0.93, "Arabic script"),
    (0x0590, 0x05FF, 0.85, "Hebrew"),
)
JAPANESE_RATIO = 0.5
LATIN_RATIO = 1.12
"""Latin, Cyrillic, Greek and the other alphabets: 1.0–1.25 per language."""
MIN_SOURCE = 30
TOO_SHORT, TOO_LONG = 0.3, 3.0


def _ratio(char: str, japanese: bool = False) -> float:
    code = ord(char)
    for start, end, ratio, _ in SCRIPT_RATIOS:
        if start <= code <= end:
            if japanese and (0x2E80 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF):
                return JAPANESE_RATIO
            return ratio
    return LATIN_RATIO


def _counted(text: str) -> list[str]:
    """Visible characters that carry text: letters, digits, punctuation, symbols and
    spacing vowel signs (Tamil, Devanagari); not the marks written above or below a letter
    (Thai vowels, Arabic vowel signs), spaces, or masked values."""
    return [
        c for c in mask(strip_bidi(text))
        if c != MASK and (unicodedata.category(c)[0] in "LNPS" or unicodedata.category(c) == "Mc")
    ]


def length_ratio(source: str, translation: str, language: Language | None = None) -> tuple[int, float, float] | None:
    """``(source length, translation length in English characters, ratio)``, or None for
    sources under thirty characters, whose lengths say little ("Fang (Equatorial
    Guinea)" may rightly become "Fang").

    Each translation character is weighted by its script's expected ratio, so a Chinese
    translation with a Latin name in it is measured fairly.
    """
    length = len(_counted(source))
    if length < MIN_SOURCE:
        return None
    japanese = _base(language) == "ja"
    english = sum(1 / _ratio(c, japanese) for c in _counted(translation))
    return length, english, english / length


def _expected(translation: str, length: int, language: Language | None) -> str:
    """The expected length for the script most of the translation is written in."""
    japanese = _base(language) == "ja"
    ratios = Counter(_ratio(c, japanese) for c in _counted(translation))
    ratio = ratios.most_common(1)[0][0] if ratios else LATIN_RATIO
    return f"about {round(length * ratio)} expected"


@register("S151", "translation-too-short", Scope.ENTRY, Severity.WARNING, applies=Applies.TRANSLATED)
def translation_too_short(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is far shorter than its source, for its script: text may be missing.

    Expected lengths are per script (Chinese about 0.36 of the English characters,
    Japanese 0.5, Thai 0.83, Latin 1.1), character by character, so that a name in Latin
    letters inside Chinese text counts as Latin; only translations under 30 % of the
    expected length of a source of thirty characters or more are reported.

    Bad: ``msgid "The helpline is confidential. You do not have to give your name."`` → ``msgstr "Confidentiel."``.
    Good: ``msgstr "La ligne d’assistance est confidentielle. Vous n’avez pas à donner votre nom."``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        measured = length_ratio(source, translation, context.catalog.language)
        if measured and measured[2] < TOO_SHORT and measured[0] - measured[1] >= 20:
            have = len(_counted(translation))
            found.append((index, f"{have} characters for a source of {measured[0]} "
                                 f"({_expected(translation, measured[0], context.catalog.language)})"))
    yield from per_form(entry, found)


@register("S152", "translation-too-long", Scope.ENTRY, Severity.INFO, applies=Applies.TRANSLATED)
def translation_too_long(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is far longer than its source, for its script.

    Information: it may explain more, or hold a second message pasted in, or overflow a
    button.  Reported above three times the expected length of a source of thirty
    characters or more.

    Bad: ``msgid "Choose your language and then continue"`` → a paragraph.
    Good: ``msgstr "Choisissez votre langue, puis continuez"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        measured = length_ratio(source, translation, context.catalog.language)
        if measured and measured[2] > TOO_LONG and measured[1] - measured[0] >= 30:
            have = len(_counted(translation))
            found.append((index, f"{have} characters for a source of {measured[0]} "
                                 f"({_expected(translation, measured[0], context.catalog.language)})"))
    yield from per_form(entry, found)
