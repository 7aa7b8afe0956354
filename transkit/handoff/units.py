"""The unit of work every package format carries: one gettext message of one language.

Formats differ in how they spell a unit, not in what it is, so export builds
:class:`Unit` values once and each format writes them; import reads each format back into
the same values and one merge applies them to the catalogs.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field

from transkit.errors import TranskitError
from transkit.text.spans import TAG, spans


class PackageError(TranskitError):
    """A work package that cannot be imported at all: not a package, damaged, for another
    language or project. Nothing of any package is written when one is raised."""


class State(enum.Enum):
    """Where a unit stands. Only :attr:`FINAL` clears a message's fuzzy flag on import."""

    NEW = "new"
    """No translation yet."""
    TRANSLATED = "translated"
    """A translation that still needs review: imported as fuzzy."""
    FINAL = "final"
    """Signed off by the translator: imported as a finished translation."""


def unit_id(msgctxt: str | None, msgid: str, msgid_plural: str | None) -> str:
    """A unit's id: a digest of what identifies the message, so the same message has the
    same id in every export, whatever its position, and a package edited by hand cannot
    point a translation at another message unnoticed (the id must match its source).

    ``None`` and an empty context differ, as they do for gettext; the separators cannot
    occur in PO text (EOT, NUL), so no two messages share the text digested.
    """
    text = f"{'' if msgctxt is None else chr(1) + msgctxt}\x04{msgid}\x00{msgid_plural or ''}"
    return "m" + hashlib.blake2s(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class TermHint:
    """A termbase entry that occurs in a unit's source, as the language must render it."""

    term_id: str
    source: str
    approved: tuple[str, ...]
    forbidden: tuple[str, ...]
    note: str = ""

    def describe(self) -> str:
        """One line for a spreadsheet cell or a note."""
        text = f"{self.source} → {' | '.join(self.approved) or '(no approved form)'}"
        if self.forbidden:
            text += f"; never: {' | '.join(self.forbidden)}"
        return text


@dataclass(frozen=True)
class Unit:
    """One message to translate, with everything a translator needs to see.

    ``targets`` holds one text per plural form the language has (one for a singular
    message); ``form_hints`` says, per form, which numbers select it.
    """

    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    targets: tuple[str, ...]
    state: State
    references: tuple[str, ...] = ()
    developer_note: str = ""
    translator_note: str = ""
    previous: str = ""
    """For a fuzzy message: the source it was translated from and a word diff to today's."""
    findings: tuple[str, ...] = ()
    terms: tuple[TermHint, ...] = ()
    form_hints: tuple[str, ...] = ()
    line: int | None = None
    """Where an imported unit was read (line or spreadsheet row), for messages."""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", unit_id(self.msgctxt, self.msgid, self.msgid_plural))

    @property
    def is_plural(self) -> bool:
        return self.msgid_plural is not None

    def form_source(self, form: int) -> str:
        """The source a plural form translates: the plural text, except for a form that
        only the number 1 selects (and for a singular message)."""
        if not self.is_plural:
            return self.msgid
        hint = self.form_hints[form] if form < len(self.form_hints) else ""
        return self.msgid if hint == "n = 1" else self.msgid_plural or ""


@dataclass(frozen=True)
class Package:
    """The units of one language and one domain (the template's name)."""

    language: str
    domain: str
    units: tuple[Unit, ...]
    source_language: str = "en"
    plural_forms: str = ""
    """The catalog's ``Plural-Forms``, for formats that carry it (PO)."""
    path: str = ""
    """Where an imported package was read, as shown in messages."""


# --------------------------------------------------------------------------
# Inline codes: what a translator must carry over but never retype.


@dataclass(frozen=True)
class Code:
    """A placeholder or tag of a text, which package formats protect as an inline code.

    ``kind`` is ``ph`` (stands alone: a placeholder, ``<br/>``, a tag without its
    partner), ``open`` or ``close`` (the two halves of a tag pair, ``pair`` numbering them
    so a format can write the pair as one element around its content).
    """

    kind: str
    text: str
    pair: int = 0


Piece = str | Code


def pieces(text: str) -> list[Piece]:
    """The text cut into plain runs and inline codes, in order.

    Placeholders (``%(count)d``, ``{page}``) and HTML tags are codes; URLs and e-mail
    addresses are not, because a language may need another website (the campaign has one
    per language). Tags pair up when they nest properly; any other tag stands alone.
    """
    found = [span for span in spans(text) if span.kind in ("placeholder", "tag")]
    result: list[Piece] = []
    done = 0
    kinds: list[str] = []
    names: list[str] = []
    for span in found:
        kind, name = "ph", ""
        if span.kind == "tag":
            match = TAG.fullmatch(span.text)
            if match is not None and not match.group(4):
                kind, name = ("close" if match.group(1) else "open"), match.group(2).lower()
        kinds.append(kind)
        names.append(name)
    # Pair each closing tag with the nearest unclosed opening tag of its name, if no other
    # opening tag is still open in between (so pairs nest as XML elements must).
    pair_of: dict[int, int] = {}
    stack: list[int] = []
    for number, kind in enumerate(kinds):
        if kind == "open":
            stack.append(number)
        elif kind == "close":
            if stack and names[stack[-1]] == names[number]:
                pair_of[stack.pop()] = number
                pair_of[number] = -1
            else:
                stack.clear()  # a close without its open: nothing before it can pair
    pair_number = 0
    pairs: dict[int, int] = {}
    for number, span in enumerate(found):
        if span.start > done:
            result.append(text[done : span.start])
        kind = kinds[number]
        if kind == "open" and number in pair_of:
            pair_number += 1
            pairs[pair_of[number]] = pair_number
            result.append(Code("open", span.text, pair_number))
        elif kind == "close" and number in pairs:
            result.append(Code("close", span.text, pairs[number]))
        else:
            result.append(Code("ph", span.text))
        done = span.end
    if done < len(text):
        result.append(text[done:])
    return result


def codes(text: str) -> list[str]:
    """The inline codes of a text, as written, in order: what a spreadsheet shows in its
    placeholder column, and what import compares."""
    return [piece.text for piece in pieces(text) if isinstance(piece, Code)]
