"""Bringing a catalog up to date with its template, deciding message by message as
GNU ``msgmerge --previous`` does.

Maintainers know msgmerge's results and review them in diffs; a merge that decided
differently would surprise them and lose their trust. So the decisions follow msgmerge:

* a template message found in the catalog (same msgctxt and msgid, obsolete ones too)
  keeps its translation, translator comments and fuzzy state; it becomes fuzzy when it
  turns plural or singular or its msgid_plural changed;
* otherwise the most similar translated message of the catalog, if similar enough, lends
  its translation, marked fuzzy with the old source as ``#|``. Similarity is gettext's
  ``fstrcmp``: twice the longest common subsequence of the UTF-8 bytes over the total
  length, which is rapidfuzz's Indel similarity; it must be above 0.6, a candidate with
  no context or the same context wins a tie, and candidates are those msgmerge's index
  offers (see :class:`FuzzyFinder`);
* anything else is new and untranslated;
* catalog messages no template message used become obsolete (``#~``), unless they were
  untranslated (dropped, nothing to keep) or ``keep_obsolete`` is off.

References, extracted comments and format flags come from the template (they describe the
source code); translations, translator comments and other flags come from the catalog.
"""

from __future__ import annotations

import enum
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import Indel

from transkit.model.catalog import Catalog, Entry, MessageKey
from transkit.po.plural_forms import plural_count

FUZZY_THRESHOLD = 0.6
"""gettext's: a translation is proposed only for sources more than 60 % alike."""
_CONTEXT_BONUS = 0.00001
"""gettext's small advantage for a candidate without context or with the same one."""


class Decision(enum.Enum):
    """What became of one message."""

    KEPT = "kept"
    """In the template and the catalog: translation kept."""
    REVIVED = "revived"
    """Back in the template: an obsolete translation is live again."""
    FUZZY = "fuzzy"
    """Source changed: the best old translation, marked fuzzy for review."""
    NEW = "new"
    """New in the template: untranslated."""
    OBSOLETED = "obsoleted"
    """Gone from the template: kept as ``#~`` for reuse."""
    DROPPED = "dropped"
    """Gone from the template and nothing worth keeping (or ``--no-obsolete``)."""


@dataclass(frozen=True)
class MessageDecision:
    key: MessageKey
    decision: Decision
    source: MessageKey | None = None
    """For a fuzzy match: the old message whose translation was taken."""


@dataclass(frozen=True)
class Merged:
    """A catalog merged with a template: its new entries and what happened to each."""

    entries: tuple[Entry, ...]
    decisions: tuple[MessageDecision, ...]

    def counts(self) -> Counter[Decision]:
        return Counter(decision.decision for decision in self.decisions)

    @property
    def translations_changed(self) -> bool:
        """Whether a message was added, became fuzzy, obsolete, live again or was dropped.

        Refreshed references and comments alone do not count: the revision date says
        when the translations last changed, not when the code moved.
        """
        return any(decision.decision is not Decision.KEPT for decision in self.decisions)


def merge(template: Catalog, catalog: Catalog, *, keep_obsolete: bool = True) -> Merged:
    """Merge ``template`` into ``catalog``; neither is modified."""
    by_key = {entry.key: entry for entry in catalog.entries}
    finder = FuzzyFinder(catalog.entries)
    nplurals = plural_count(catalog, guess=True)
    used: set[MessageKey] = set()
    entries: list[Entry] = []
    decisions: list[MessageDecision] = []
    for ref in template.active_entries:
        old = by_key.get(ref.key)
        if old is not None:
            used.add(old.key)
            entry = carry(ref, old, nplurals, fuzzy_match=False)
            if entry.fuzzy and (not old.fuzzy or _form_changed(ref, old)):
                decision = MessageDecision(ref.key, Decision.FUZZY, old.key)
            else:
                decision = MessageDecision(ref.key, Decision.REVIVED if old.obsolete else Decision.KEPT)
        else:
            similar = finder.best(ref)
            if similar is not None:
                used.add(similar.key)
                entry = carry(ref, similar, nplurals, fuzzy_match=True)
                decision = MessageDecision(ref.key, Decision.FUZZY, similar.key)
            else:
                entry = untranslated(ref, nplurals)
                decision = MessageDecision(ref.key, Decision.NEW)
        entries.append(entry)
        decisions.append(decision)
    for old in catalog.entries:
        if old.key in used:
            continue
        if keep_obsolete and not _untranslated(old):
            # Where it was in the code is no longer true; what the translator wrote is.
            entries.append(replace(old, obsolete=True, references=(), extracted_comment="", line=0))
            if not old.obsolete:
                decisions.append(MessageDecision(old.key, Decision.OBSOLETED))
        else:
            decisions.append(MessageDecision(old.key, Decision.DROPPED))
    return Merged(tuple(entries), tuple(decisions))


def _untranslated(entry: Entry) -> bool:
    """Nothing worth keeping as obsolete: gettext does not even write an obsolete entry
    whose first form is empty."""
    return not entry.msgstr or entry.msgstr[0] == ""


def untranslated(ref: Entry, nplurals: int) -> Entry:
    """A template message as a catalog starts it: every form empty, not fuzzy."""
    return replace(
        ref,
        msgstr=("",) * nplurals if ref.is_plural else ("",),
        flags=tuple(flag for flag in ref.flags if flag != "fuzzy"),
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        obsolete=False,
        line=0,
    )


def carry(ref: Entry, old: Entry, nplurals: int, *, fuzzy_match: bool) -> Entry:
    """The template's message with the catalog's translation of ``old``."""
    if ref.is_plural and not old.is_plural:
        msgstr = (old.msgstr[0],) * nplurals
    elif not ref.is_plural and old.is_plural:
        msgstr = (old.msgstr[0],)
    else:
        msgstr = old.msgstr
    fuzzy = old.fuzzy or fuzzy_match or _form_changed(ref, old)
    previous: tuple[str | None, str | None, str | None]
    if fuzzy and not old.fuzzy:
        previous = (old.msgctxt, old.msgid, old.msgid_plural)
    elif fuzzy and old.previous_msgid is not None:
        # Already waiting for review: the source the translator last saw stays.
        previous = (old.previous_msgctxt, old.previous_msgid, old.previous_msgid_plural)
    else:
        previous = (None, None, None)
    return replace(
        ref,
        msgstr=msgstr,
        flags=_flags(ref, old, fuzzy),
        previous_msgctxt=previous[0],
        previous_msgid=previous[1],
        previous_msgid_plural=previous[2],
        translator_comment=old.translator_comment,
        obsolete=False,
        line=0,
    )


def _flags(ref: Entry, old: Entry, fuzzy: bool) -> tuple[str, ...]:
    """fuzzy first, then the template's flags, then the catalog's own others.

    Format flags (``python-format``, ``no-c-format``) say what the source is, so the
    template's word is final; ``no-wrap`` and custom flags a translator set are kept.
    """
    flags = ["fuzzy"] if fuzzy else []
    flags += [flag for flag in ref.flags if flag != "fuzzy" and flag not in flags]
    flags += [flag for flag in old.flags if flag != "fuzzy" and not flag.endswith("-format") and flag not in flags]
    return tuple(flags)


class FuzzyFinder:
    """The best translated catalog message for a changed source, found as msgmerge finds it.

    msgmerge does not compare a source with every message: it considers only those that
    share a run of four characters with it (for a source of fewer than four characters:
    the messages of a comparable length), takes them in order of how many runs they
    share, and keeps the first of equally similar ones. Doing the same is what makes the
    decisions agree, on short messages above all (``Tuesday`` is 67 % like ``Today`` but
    shares no run with it). rapidfuzz scores every message in one call; the rules above
    then apply to the few that pass the threshold.
    """

    _RUN = 4
    _SHORT_MAX = 28

    def __init__(self, entries: Iterable[Entry]) -> None:
        # msgmerge proposes any message with a first form, obsolete and fuzzy ones too.
        self.candidates = [entry for entry in entries if entry.msgstr and entry.msgstr[0]]
        self.sources = [_bytes(entry.msgid) for entry in self.candidates]
        self._run_sets: dict[int, set[str]] = {}

    def best(self, ref: Entry) -> Entry | None:
        found = self.best_scored(ref)
        return found[0] if found is not None else None

    def best_scored(self, ref: Entry) -> tuple[Entry, float] | None:
        """The best candidate and its similarity (0 to 1), or None below the threshold.

        The translation memory shows the score to the translator next to the suggestion.
        """
        if not self.candidates or ref.msgid == "":
            return None
        query = _bytes(ref.msgid)
        scored = process.extract(
            query,
            self.sources,
            scorer=Indel.normalized_similarity,
            score_cutoff=FUZZY_THRESHOLD - 2 * _CONTEXT_BONUS,
            limit=None,
        )
        order = self._order(ref.msgid, query, [number for _, _, number in scored])
        weights = {number: score for _, score, number in scored}
        best: int | None = None
        best_weight = FUZZY_THRESHOLD
        for number in order:
            candidate = self.candidates[number]
            bonus = _CONTEXT_BONUS if candidate.msgctxt is None or candidate.msgctxt == ref.msgctxt else 0.0
            if weights[number] + bonus > best_weight:
                best, best_weight = number, weights[number] + bonus
        return (self.candidates[best], weights[best]) if best is not None else None

    def _order(self, msgid: str, query: bytes, numbers: list[int]) -> list[int]:
        """The candidates among ``numbers`` msgmerge would consider, in its order."""
        if len(msgid) >= self._RUN:
            wanted = Counter(_runs(msgid, self._RUN))
            shared = {}
            for number in numbers:
                runs = self._run_sets.get(number)
                if runs is None:
                    runs = self._run_sets[number] = set(_runs(self.candidates[number].msgid, self._RUN))
                count = sum(times for run, times in wanted.items() if run in runs)
                if count:
                    shared[number] = count
            return sorted(shared, key=lambda number: (-shared[number], number))
        # A source too short for runs: the messages whose length could reach the
        # threshold (the similarity is at most twice the shorter length over the sum).
        ratio = 2 / FUZZY_THRESHOLD - 1
        shortest = math.ceil(len(query) / ratio)
        longest = min(int(len(query) * ratio), self._SHORT_MAX)
        return sorted(n for n in numbers if shortest <= len(self.sources[n]) <= longest)


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _runs(text: str, size: int) -> Iterator[str]:
    return (text[start : start + size] for start in range(len(text) - size + 1))


def infer_decisions(old: Catalog, merged: Catalog) -> dict[MessageKey, Decision]:
    """The decision per message that turned ``old`` into ``merged``, read from the result.

    For comparing with another tool's merge (msgmerge's): covers every live message of
    the result, and every live message of ``old`` that became obsolete.
    """
    before = {entry.key: entry for entry in old.entries}
    found: dict[MessageKey, Decision] = {}
    for entry in merged.active_entries:
        previous = before.get(entry.key)
        if entry.fuzzy and (previous is None or not previous.fuzzy or _form_changed(entry, previous)):
            found[entry.key] = Decision.FUZZY if any(entry.msgstr) else Decision.NEW
        elif previous is not None:
            found[entry.key] = Decision.REVIVED if previous.obsolete else Decision.KEPT
        else:
            found[entry.key] = Decision.NEW if not any(entry.msgstr) else Decision.FUZZY
    for entry in merged.obsolete_entries:
        previous = before.get(entry.key)
        if previous is not None and not previous.obsolete:
            found[entry.key] = Decision.OBSOLETED
    return found


def _form_changed(entry: Entry, previous: Entry) -> bool:
    return (entry.msgid_plural or None) != (previous.msgid_plural or None)
