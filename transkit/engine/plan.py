"""The check plan: which entry checks can fire on a message, told by one cheap look at it.

Most messages give most checks nothing to report: a message without ``<`` has no tag to
lose, one without a digit no number or phone number, one whose source holds nothing of
the termbase no critical term. Calling every check on every message (some twenty-five
calls each) was most of a run. So the engine reads a message's :class:`Fact` flags once,
with a few compiled patterns over its source and its translation, and calls a check only
when one of the facts it declares (``needs=`` in its decorator) holds; a check that
declares none (a plugin's, a rule that reads every message) is always called.

A declared fact is a promise made by reading the check's code: when none of them holds,
the check provably reports nothing. A fact may hold where the check then finds nothing
(it is an over-approximation, not the check itself); it may never be missing where the
check would report. ``Options(plan=False)`` runs every check on every message, which is
how the tests show that the report is the same either way
(``tests/engine/test_plan.py``).

The facts of a source (``msgid`` and ``msgid_plural``) are the same in every language and
are worked out once per run; only the translation's are read for each catalog.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping

from transkit.model.catalog import Entry, MessageKey
from transkit.terms.match import BIDI_CONTROLS, may_normalize_alike
from transkit.terms.model import Termbase, TermKind
from transkit.terms.values import may_hold_phone
from transkit.terms.verify import source_term_kinds
from transkit.text.lengths import MIN_SOURCE
from transkit.text.punctuation import CLOSERS, QUOTE_CHARACTERS, may_end_with_mark


class Fact(enum.IntFlag):
    """What a message may hold, as far as a check's precondition goes.

    "The texts" are the source (``msgid``, ``msgid_plural``) and every translation form;
    "the source" and "the translation" one side of them.
    """

    SOURCE_DIGIT = enum.auto()
    """A decimal digit of any script (``\\d``: ``7``, ``٧``, ``۷``, ``७``) in the source."""
    TRANSLATION_DIGIT = enum.auto()
    """A decimal digit of any script in the translation."""
    PHONE_TERM = enum.auto()
    """The source has the number of a phone term of the termbase."""
    PHONE_ADDED = enum.auto()
    """The termbase is not empty and a translation form has digits enough for a phone
    number (one the source may not have)."""
    NUMBER_TERM = enum.auto()
    """The source has the digits of a number term of the termbase (112)."""
    URL_TERM = enum.auto()
    """The source names the domain of a url term of the termbase."""
    NAME_TERM = enum.auto()
    """The source holds a name of the termbase."""
    PHRASE_TERM = enum.auto()
    """The source holds a phrase of the termbase."""
    WORD_TERM = enum.auto()
    """The source holds a vocabulary term of the termbase (approved and forbidden forms)."""
    LINK = enum.auto()
    """The source may hold a website or an e-mail address: ``@``, ``://``, ``www.``, or a
    letter or digit, a dot and two letters (``example.org``)."""
    MARKUP = enum.auto()
    """``<`` in the texts: every tag starts with it."""
    ENTITY = enum.auto()
    """``&`` in the texts: every character reference starts with it."""
    EDGE_SPACE = enum.auto()
    """A text starts or ends with whitespace or a bidirectional control."""
    LINE_BREAK = enum.auto()
    """A line feed in the texts."""
    CONTROL = enum.auto()
    """A control character other than tab, line feed and carriage return in the translation."""
    DOUBLE_SPACE = enum.auto()
    """Two spaces in a row in the translation (any kind of space; bidi controls between them
    do not count)."""
    BRACKET = enum.auto()
    """A bracket (any script's) in the translation."""
    BACKSLASH = enum.auto()
    """A backslash in the translation."""
    FLAGGED = enum.auto()
    """The message has flags, in the catalog or in the template (format flags among them)."""
    PERCENT_OR_BRACE = enum.auto()
    """``%`` or ``{`` in the source: what every placeholder starts with."""
    PLURAL = enum.auto()
    """The message has a ``msgid_plural``."""
    FUZZY = enum.auto()
    """The message is marked fuzzy."""
    PREVIOUS = enum.auto()
    """The message has a previous source (``#| msgid``)."""
    OBSOLETE = enum.auto()
    """The message is obsolete (``#~``)."""
    EMPTY_FORM = enum.auto()
    """A translation form is empty."""
    NOT_IN_TEMPLATE = enum.auto()
    """The template has no message of this key."""
    LONG_SOURCE = enum.auto()
    """The source (``msgid`` or ``msgid_plural``) has thirty characters or more: shorter
    ones have no length to compare a translation with (:data:`~transkit.text.lengths.MIN_SOURCE`)."""
    END_MARK = enum.auto()
    """A text (the source or a translation form) may end with punctuation: its last
    character, trailing whitespace aside, is no letter or digit."""
    QUOTE = enum.auto()
    """A quotation mark or an apostrophe, of any language, in the translation."""
    UNPRINTABLE = enum.auto()
    """A character ``str.isprintable`` refuses in a translation form: a control, a line
    break, a format character (U+FEFF), a noncharacter…"""
    CONFLICT_MARK = enum.auto()
    """``#-#-#-#-#`` in the translation, what msgcat writes around disagreeing texts."""
    COPY = enum.auto()
    """A translation form may be a source text unchanged: their normal forms may be equal
    (:func:`~transkit.terms.match.may_normalize_alike` of some form and ``msgid`` or
    ``msgid_plural``)."""


_TERM_FACTS = {
    TermKind.PHONE: int(Fact.PHONE_TERM),
    TermKind.NUMBER: int(Fact.NUMBER_TERM),
    TermKind.URL: int(Fact.URL_TERM),
    TermKind.NAME: int(Fact.NAME_TERM),
    TermKind.PHRASE: int(Fact.PHRASE_TERM),
    TermKind.TERM: int(Fact.WORD_TERM),
}
SOURCE_TERMS = int(
    Fact.PHONE_TERM | Fact.NUMBER_TERM | Fact.URL_TERM | Fact.NAME_TERM | Fact.PHRASE_TERM | Fact.WORD_TERM
)
"""The facts that say a message's source holds a term of the termbase: one for each kind
:func:`~transkit.terms.verify.source_term_kinds` gives, and none where it gives none."""
ALL_FACTS = int(Fact(sum(Fact)))
"""Every fact at once: what a run without the plan assumes of every message."""

_DIGIT = re.compile(r"\d")
_LINK = re.compile(r"@|://|www\.|[a-z0-9]\.[a-z]{2}", re.IGNORECASE)
_CONTROLS = "".join(map(chr, [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
_SPACE = "[ \u00a0\u202f\u2009\u2007\u3000]"
_DOUBLE_SPACE = re.compile(f"{_SPACE}[{BIDI_CONTROLS}]*{_SPACE}")
_BRACKETS = "".join(sorted(set(CLOSERS) | set(CLOSERS.values())))
_EDGE = frozenset(BIDI_CONTROLS)
SEPARATOR = "\x00"
"""Joins a message's forms to be searched at once: a NUL is refused on reading, and none
of the patterns above finds one, or finds anything across one."""


def _edge(text: str) -> bool:
    first, last = text[:1], text[-1:]
    return first.isspace() or last.isspace() or first in _EDGE or last in _EDGE


# The facts as plain integers: an IntFlag's operators run in Python, an int's in C, and a
# message's facts are worked out for every message of every catalog.
_SOURCE_DIGIT, _TRANSLATION_DIGIT = int(Fact.SOURCE_DIGIT), int(Fact.TRANSLATION_DIGIT)
_LINK_FACT, _MARKUP, _ENTITY, _EDGE_SPACE = int(Fact.LINK), int(Fact.MARKUP), int(Fact.ENTITY), int(Fact.EDGE_SPACE)
_LINE_BREAK, _CONTROL_FACT, _DOUBLE = int(Fact.LINE_BREAK), int(Fact.CONTROL), int(Fact.DOUBLE_SPACE)
_BRACKET_FACT, _BACKSLASH, _FLAGGED = int(Fact.BRACKET), int(Fact.BACKSLASH), int(Fact.FLAGGED)
_PERCENT_OR_BRACE, _PLURAL, _FUZZY = int(Fact.PERCENT_OR_BRACE), int(Fact.PLURAL), int(Fact.FUZZY)
_PREVIOUS, _OBSOLETE, _EMPTY_FORM = int(Fact.PREVIOUS), int(Fact.OBSOLETE), int(Fact.EMPTY_FORM)
_NOT_IN_TEMPLATE, _PHONE_ADDED = int(Fact.NOT_IN_TEMPLATE), int(Fact.PHONE_ADDED)
_LONG_SOURCE, _END_MARK, _QUOTE = int(Fact.LONG_SOURCE), int(Fact.END_MARK), int(Fact.QUOTE)
_UNPRINTABLE, _CONFLICT_MARK, _COPY = int(Fact.UNPRINTABLE), int(Fact.CONFLICT_MARK), int(Fact.COPY)


# The characters that decide a translation's facts, found in one pass of one pattern (C):
# each distinct one found is then looked up, and any character the table lacks is a
# decimal digit (``\d``, Unicode's Nd: none of the other characters is one).
_CHARACTER_FACTS = {
    "<": _MARKUP,
    "&": _ENTITY,
    "\n": _LINE_BREAK,
    "\\": _BACKSLASH,
    **dict.fromkeys(_CONTROLS, _CONTROL_FACT),
    **dict.fromkeys(_BRACKETS, _BRACKET_FACT),
    **dict.fromkeys(QUOTE_CHARACTERS, _QUOTE),
}
_TRANSLATION_CHARACTERS = re.compile(r"[\d" + re.escape("".join(_CHARACTER_FACTS)) + "]")


def _form_facts(form: str) -> int:
    """The facts one translation form decides on its own."""
    facts = _EDGE_SPACE if _edge(form) else 0
    if may_end_with_mark(form):
        facts |= _END_MARK
    if not form.isprintable():
        facts |= _UNPRINTABLE
    return facts


def _text_facts(text: str) -> int:
    """The facts that hold of a text on either side (forms joined by :data:`SEPARATOR`)."""
    facts = 0
    if "<" in text:
        facts |= _MARKUP
    if "&" in text:
        facts |= _ENTITY
    if "\n" in text:
        facts |= _LINE_BREAK
    return facts


class Plan:
    """Works out each message's facts for one run (and process): the sources' once, the
    translations' per catalog."""

    def __init__(self, termbase: Termbase, *, remember_sources: bool = True) -> None:
        self.termbase = termbase
        self.remember_sources = remember_sources
        self._sources: dict[tuple[str, str | None], int] = {}

    def source_facts(self, msgid: str, msgid_plural: str | None) -> int:
        """The facts of a message's source (:class:`Fact` values), the same in every language."""
        key = (msgid, msgid_plural)
        found = self._sources.get(key)
        if found is None:
            found = self._work_out_source(msgid, msgid_plural)
            if self.remember_sources:
                if len(self._sources) >= MAX_SOURCES:
                    self._sources.clear()
                self._sources[key] = found
        return found

    def _work_out_source(self, msgid: str, msgid_plural: str | None) -> int:
        texts = (msgid,) if msgid_plural is None else (msgid, msgid_plural)
        text = msgid if msgid_plural is None else msgid + SEPARATOR + msgid_plural
        facts = _text_facts(text)
        if _DIGIT.search(text):
            facts |= _SOURCE_DIGIT
        if _LINK.search(text):
            facts |= _LINK_FACT
        if "%" in text or "{" in text:
            facts |= _PERCENT_OR_BRACE
        if any(map(_edge, texts)):
            facts |= _EDGE_SPACE
        if msgid_plural is not None:
            facts |= _PLURAL
        if max(map(len, texts)) >= MIN_SOURCE:
            facts |= _LONG_SOURCE
        if any(map(may_end_with_mark, texts)):
            facts |= _END_MARK
        if self.termbase:
            for kind in source_term_kinds(msgid, msgid_plural, self.termbase):
                facts |= _TERM_FACTS[kind]
        return facts

    def facts(self, entry: Entry, template_index: Mapping[MessageKey, Entry]) -> int:
        """Every fact that holds of a message of a catalog (:class:`Fact` values)."""
        facts = self.source_facts(entry.msgid, entry.msgid_plural)
        forms = entry.msgstr
        text = forms[0] if len(forms) == 1 else SEPARATOR.join(forms)
        if text:
            found = _TRANSLATION_CHARACTERS.findall(text)
            if found:
                for character in set(found):
                    facts |= _CHARACTER_FACTS.get(character, _TRANSLATION_DIGIT)
                if facts & _TRANSLATION_DIGIT and self.termbase and any(map(may_hold_phone, forms)):
                    facts |= _PHONE_ADDED
            if _DOUBLE_SPACE.search(text):
                facts |= _DOUBLE
            if "#-#-#-#-#" in text:
                facts |= _CONFLICT_MARK
            if len(forms) == 1 and entry.msgid_plural is None:  # most messages: no loop to set up
                facts |= _form_facts(text)
                if may_normalize_alike(entry.msgid, text):
                    facts |= _COPY
            else:
                for form in forms:
                    facts |= _form_facts(form)
                sources = (entry.msgid,) if entry.msgid_plural is None else (entry.msgid, entry.msgid_plural)
                if any(may_normalize_alike(source, form) for source in sources for form in forms):
                    facts |= _COPY
        if not forms or "" in forms:
            facts |= _EMPTY_FORM
        flags = entry.flags
        if flags:
            facts |= _FLAGGED
            if "fuzzy" in flags:
                facts |= _FUZZY
        template = template_index.get((entry.msgctxt, entry.msgid))  # Entry.key, without the property call
        if template is None:
            facts |= _NOT_IN_TEMPLATE
        elif template.flags:
            facts |= _FLAGGED
        if entry.previous_msgid is not None:
            facts |= _PREVIOUS
        if entry.obsolete:
            facts |= _OBSOLETE
        return facts


MAX_SOURCES = 65536
"""Sources whose facts a plan keeps (then it forgets them and starts again): more than the
messages of a large template."""
