"""Punctuation of a translation against its source (family ``S``): brackets and
quotation marks that pair up, and final punctuation that does what the source's does.

Marks are judged by function, in each language's own characters
(:mod:`transkit.text.punctuation`): Arabic ends a question with ``؟``, Chinese with
``？``, Thai often with nothing; Germans open quotes with ``„``; right-to-left text typed
in visual order shows its brackets reversed.  What the source itself leaves open is never
held against the translation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, entry_check
from transkit.i18n import L_, Message
from transkit.model.forms import per_form, quote
from transkit.po.plural_forms import form_pairs
from transkit.text.punctuation import (
    CANONICAL,
    CLOSERS,
    Mark,
    abbreviation,
    accepted_marks,
    bracket_problems,
    bracket_scan,
    final_marks,
    last_mark,
    quote_marks,
    quotes_balanced,
)


@entry_check("S111", "bracket-unbalanced", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.BRACKET, local=True)
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
        scan = bracket_scan(translation)
        if not scan:
            continue  # nothing of the translation's can be extra, whatever the source allows
        extra = Counter((CANONICAL.get(c, c), k) for c, k, _ in scan) - bracket_problems(source)
        if not extra:
            continue
        # Canonical bracket → (as written, position) of its first problem of each kind.
        stray = {CANONICAL.get(c, c): (c, p) for c, k, p in reversed(scan) if k == "stray"}
        unclosed = {CANONICAL.get(c, c): (c, p) for c, k, p in reversed(scan) if k == "unclosed"}
        for (char, kind), _count in sorted(extra.items()):
            opener = CLOSERS.get(char, char)
            if kind == "stray" and opener in unclosed and stray[char][1] < unclosed[opener][1]:
                close, open_ = quote(stray[char][0]), quote(unclosed[opener][0])
                if rtl:
                    found.append(
                        (
                            index,
                            L_(
                                "brackets typed in visual order: {close} before {open}; in right-to-left text "
                                "type {open} first (it is displayed on the right)",
                                close=close,
                                open=open_,
                            ),
                        )
                    )
                else:
                    found.append((index, L_("brackets reversed: {close} before {open}", close=close, open=open_)))
            elif kind == "unclosed" and any(
                CLOSERS.get(c, c) == char and where[1] < unclosed[char][1] for c, where in stray.items()
            ):
                continue  # reported with its closer above
            elif kind == "stray":
                found.append((index, L_("{bracket} closes no bracket", bracket=quote(stray[char][0]))))
            else:
                found.append((index, L_("{bracket} is not closed", bracket=quote(unclosed[char][0]))))
    yield from per_form(entry, found)


@entry_check("S112", "quote-unbalanced", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.QUOTE, local=True)
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
        found.append((index, L_("quotation marks do not pair up: {marks}", marks=marks)))
    yield from per_form(entry, found)


_ESCAPED_QUOTE = re.compile(r"\\[\"']")


@entry_check("S113", "escaped-quote", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.BACKSLASH, local=True)
def escaped_quote(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a backslash before a quotation mark that its source has not.

    ``\\"`` or ``\\'`` after the PO string's own escapes are undone.

    A PO string escapes its quotes once (``msgstr "say \\"hi\\""`` is ``say "hi"``); a
    backslash that survives that is text: the reader sees ``\\"``, and inside markup it
    ends an attribute (``href=\\"/help\\"`` links nowhere). Usually a translation
    tool escaped the quotes twice.

    Bad: ``msgstr "Dites \\\\\"bonjour\\\\\""`` (shown as ``Dites \\"bonjour\\"``).
    Good: ``msgstr "Dites \\"bonjour\\""``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if "\\" in translation and _ESCAPED_QUOTE.search(translation) and not _ESCAPED_QUOTE.search(source):
            shown = " ".join(dict.fromkeys(_ESCAPED_QUOTE.findall(translation)))
            found.append((index, L_("a backslash before a quotation mark ({escapes}) is shown as text", escapes=shown)))
    yield from per_form(entry, found)


_MARK_NAMES: dict[Mark, Message] = {
    Mark.STOP: L_("full stop"),
    Mark.QUESTION: L_("question mark"),
    Mark.EXCLAMATION: L_("exclamation mark"),
    Mark.COLON: L_("colon"),
    Mark.SEMICOLON: L_("semicolon"),
    Mark.COMMA: L_("comma"),
    Mark.ELLIPSIS: L_("ellipsis"),
    Mark.NONE: L_("no punctuation"),
}
"""What each mark does, said in the user's language (the enum's values are English)."""


@entry_check(
    "S131", "final-punctuation-differs", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.END_MARK, local=True
)
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
    source_language = context.source_language  # the source's marks read by its own rules
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want = final_marks(source, source_language)
        have = final_marks(translation, language)
        if not have.isdisjoint(want):
            continue  # the same mark, which every language accepts (most messages)
        accepted = frozenset().union(*(accepted_marks(mark, language) for mark in want))
        if have & accepted or abbreviation(source, translation, want, have):
            continue
        source_mark = next(iter(want))
        shown_source = (
            _MARK_NAMES[Mark.NONE]
            if source_mark is Mark.NONE
            else L_("{mark} ({name})", mark=quote(last_mark(source)), name=_MARK_NAMES[source_mark])
        )
        shown = quote(last_mark(translation)) if Mark.NONE not in have else _MARK_NAMES[Mark.NONE]
        found.append(
            (
                index,
                L_(
                    "the source ends with {source}, the translation with {translation}",
                    source=shown_source,
                    translation=shown,
                ),
            )
        )
    yield from per_form(entry, found)
