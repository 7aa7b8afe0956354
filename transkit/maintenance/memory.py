"""A translation memory: earlier catalogs, other domains and compendia lending their
translations to the messages a catalog has not translated yet.

The decisions are msgmerge's with ``--compendium``, because maintainers compare with it
and a memory that decided differently would be one more thing to review:

* a message of the memory with the same msgctxt and msgid (obsolete and fuzzy ones
  included) is an exact match; its translation is taken as it is, and stays fuzzy if it
  was fuzzy there (or when the message turned plural or singular);
* otherwise the most similar message is found exactly as ``update`` finds it
  (:class:`~transkit.maintenance.merge.FuzzyFinder`: gettext's similarity above 0.6,
  msgmerge's candidates and tie rules) and its translation is taken as fuzzy, with the
  old source as ``#|`` as msgmerge writes it;
* a message the memory holds untranslated is not guessed from similar ones (msgmerge
  takes the untranslated message as its match);
* nothing is taken across languages: the caller builds one memory per language.

Two things go beyond msgmerge, because a suggestion is not yet a translation: a near
match carries a translator comment with its score, where it came from and what changed
in the source (so the translator reviews the difference, not both sentences); and the
caller runs the checks on every suggestion (:func:`flag`), so that a critical term that
is wrong in the memory is not carried over as translated.

Only messages with nothing translated are filled: a partly translated plural, a fuzzy
message or a translation are a translator's work and are never replaced.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from transkit.maintenance.merge import FuzzyFinder, carry
from transkit.model.catalog import Catalog, Entry, MessageKey
from transkit.text.diff import word_diff

NOTE = "transkit pretranslate:"
"""How the memory's translator comments begin: a reviewer (or a script) can find them."""


class MatchKind(enum.Enum):
    EXACT = "exact"
    """Same msgctxt and msgid: taken as translated (fuzzy if it was fuzzy in the memory)."""
    FUZZY = "fuzzy"
    """A similar source: taken as fuzzy, for review."""


@dataclass(frozen=True)
class Suggestion:
    """What the memory lent one message."""

    key: MessageKey
    kind: MatchKind
    score: float
    """Similarity of the sources, 0 to 1 (1 for an exact match)."""
    origin: str
    """The memory file the translation came from, as shown to the user."""
    source: MessageKey
    """The memory's message whose translation was taken."""
    translated: bool
    """Whether the message is now translated (an exact, non-fuzzy match nobody flagged)."""
    flagged: tuple[str, ...] = ()
    """Findings of the checks on the suggestion (``CODE message``): why it stays fuzzy."""


@dataclass(frozen=True)
class Filled:
    """A catalog's entries with the memory's suggestions in them."""

    entries: tuple[Entry, ...]
    suggestions: tuple[Suggestion, ...]


class Memory:
    """The translations of some catalogs of one language, looked up by key or similarity."""

    def __init__(self, catalogs: Sequence[Catalog]) -> None:
        self._origin: dict[int, str] = {}
        self._exact: dict[MessageKey, Entry] = {}
        self._open: set[MessageKey] = set()
        entries: list[Entry] = []
        for catalog in catalogs:
            for entry in catalog.entries:
                if not entry.msgstr or not entry.msgstr[0]:
                    self._open.add(entry.key)
                    continue  # nothing to lend (msgmerge prefers any translation to none)
                self._origin[id(entry)] = catalog.display_path
                entries.append(entry)
                known = self._exact.get(entry.key)
                # The first translated source wins; a translation in use beats one
                # waiting for review or an obsolete one.
                if known is None or (_rank(entry) > _rank(known)):
                    self._exact[entry.key] = entry
        self._finder = FuzzyFinder(entries)

    def __len__(self) -> int:
        return len(self._exact)

    def lookup(self, entry: Entry) -> tuple[Entry, MatchKind, float, str] | None:
        """The memory's message for ``entry``: exact, else the most similar, else None."""
        exact = self._exact.get(entry.key)
        if exact is not None:
            return exact, MatchKind.EXACT, 1.0, self._origin[id(exact)]
        if entry.key in self._open:
            # The memory has this very message, untranslated: msgmerge takes that as the
            # match and guesses nothing from similar ones; so do we, to agree with it.
            return None
        found = self._finder.best_scored(entry)
        if found is None:
            return None
        similar, score = found
        return similar, MatchKind.FUZZY, score, self._origin[id(similar)]


def _rank(entry: Entry) -> int:
    return 0 if entry.obsolete or entry.fuzzy else 1


def fill(entries: Iterable[Entry], memory: Memory, nplurals: int) -> Filled:
    """``entries`` with every untranslated live message the memory knows filled in."""
    result: list[Entry] = []
    suggestions: list[Suggestion] = []
    for entry in entries:
        found = memory.lookup(entry) if _empty(entry) else None
        if found is None or not _fits(entry, found[0], nplurals):
            result.append(entry)
            continue
        old, kind, score, origin = found
        new = carry(entry, old, nplurals, fuzzy_match=kind is MatchKind.FUZZY)
        note = ""
        if kind is MatchKind.FUZZY:
            note = (
                f"{NOTE} {round(score * 100)} % like a message of {origin}; "
                f"source changed: {word_diff(old.msgid, entry.msgid)}"
            )
        new = replace(new, translator_comment=_joined(entry.translator_comment, note))
        result.append(new)
        suggestions.append(Suggestion(entry.key, kind, score, origin, old.key, translated=not new.fuzzy))
    return Filled(tuple(result), tuple(suggestions))


def flag(entry: Entry, suggestion: Suggestion, problems: Sequence[str]) -> tuple[Entry, Suggestion]:
    """A suggestion the checks found errors in: kept for the translator to correct, but
    fuzzy (never used at run time as it is) and with the errors in a comment.

    Dropping it would hide that the memory holds a wrong translation; keeping it as
    translated would ship it. Fuzzy with the reason is what a reviewer can act on.
    """
    note = f"{NOTE} check the suggestion: " + "; ".join(problems)
    flags = entry.flags if entry.fuzzy else ("fuzzy", *entry.flags)
    flagged = replace(entry, flags=flags, translator_comment=_joined(entry.translator_comment, note))
    return flagged, replace(suggestion, translated=False, flagged=tuple(problems))


def _empty(entry: Entry) -> bool:
    return not entry.obsolete and not entry.fuzzy and not any(entry.msgstr)


def _fits(entry: Entry, old: Entry, nplurals: int) -> bool:
    """Whether ``old``'s forms can be written into ``entry``: a plural translation made
    for another number of forms (another Plural-Forms) would not pass ``msgfmt -c``."""
    return not (entry.is_plural and old.is_plural and len(old.msgstr) != nplurals)


def _joined(comment: str, note: str) -> str:
    if not note:
        return comment
    return f"{comment}\n{note}" if comment else note
