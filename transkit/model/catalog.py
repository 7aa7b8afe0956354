"""transkit's own view of gettext catalogs: small frozen values, no polib types.

The loader keeps what the file says (every plural form, flags, previous source, the
header as written) and leaves judging it to the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from transkit.errors import CatalogError
from transkit.model.languages import Language

MessageKey = tuple[str | None, str]
"""How gettext identifies a message: ``(msgctxt, msgid)``."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One message of a catalog or template, singular and plural alike.

    ``msgstr`` holds one string for a singular message and every ``msgstr[n]`` in index
    order for a plural one, so checks can treat both the same way.
    """

    msgid: str
    msgstr: tuple[str, ...] = ("",)
    msgctxt: str | None = None
    msgid_plural: str | None = None
    flags: tuple[str, ...] = ()
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    translator_comment: str = ""
    extracted_comment: str = ""
    references: tuple[str, ...] = ()
    obsolete: bool = False
    line: int = 0
    """Line of the ``msgid`` keyword, where editors and linters point."""

    @property
    def key(self) -> MessageKey:
        return (self.msgctxt, self.msgid)

    @property
    def is_plural(self) -> bool:
        return self.msgid_plural is not None

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def has_empty_form(self) -> bool:
        """True when any form is empty: a plural is translated only when all are filled."""
        # Asked for every entry by several checks: a tuple's "in" runs in C.
        return not self.msgstr or "" in self.msgstr

    @property
    def translated(self) -> bool:
        """Usable at run time: every form filled and not fuzzy (what msgfmt compiles)."""
        return not self.has_empty_form and not self.fuzzy

    @property
    def source_changed(self) -> bool:
        """The translator saw a different source: a previous msgid that differs."""
        if self.previous_msgid is None:
            return False
        return (
            self.previous_msgid != self.msgid
            or (self.previous_msgid_plural or None) != (self.msgid_plural or None)
            or (self.previous_msgctxt is not None and self.previous_msgctxt != self.msgctxt)
        )


@dataclass(frozen=True)
class Catalog:
    """A PO catalog or POT template as read from one file."""

    path: Path
    display_path: str
    """The path as shown in findings: relative to the working directory when possible."""
    header: tuple[tuple[str, str], ...]
    """Header fields in file order, as written."""
    header_line: int
    entries: tuple[Entry, ...]
    """Every message but the header, obsolete ones included, in file order."""
    language: Language | None = None
    header_language: str | None = None
    path_language: str | None = None
    is_template: bool = False
    header_position: int = 0
    """Where the header entry (``msgid ""``) is among the file's entries: 0 when first, as
    gettext writes it; -1 when the file has none (an empty file). msgfmt compiles both."""
    header_stray_lines: tuple[str, ...] = ()
    """Lines of the header that are not ``Name: value`` (a forgotten colon, msgcat's
    ``#-#-#-#-#`` conflict markers): msgfmt ignores them, so they are findings, not refusals."""

    def header_field(self, name: str) -> str | None:
        """The value of a header field, matched case-insensitively; None when absent."""
        wanted = name.lower()
        for key, value in self.header:
            if key.lower() == wanted:
                return value
        return None

    @property
    def active_entries(self) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if not entry.obsolete)

    @property
    def obsolete_entries(self) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.obsolete)

    @property
    def code(self) -> str:
        """The language code to show for this catalog, or its file stem when unknown."""
        if self.language is not None:
            return self.language.code
        return self.header_language or self.path_language or self.path.stem


@dataclass(frozen=True)
class CatalogFile:
    """A catalog not read yet: it is read where it is checked, so that a run over files
    never holds every parsed catalog at once, and a cached result spares reading it."""

    path: Path
    display_path: str
    path_language: str | None = None


@dataclass(frozen=True)
class CatalogFailure:
    """A catalog that could not be read; reported as a finding, others still checked."""

    path: Path
    display_path: str
    line: int | None
    message: str
    path_language: str | None = None

    @classmethod
    def of(cls, error: CatalogError, source: CatalogFile) -> CatalogFailure:
        """The failure to read ``source``, as its reader raised it."""
        return cls(source.path, source.display_path, error.line, error.message, source.path_language)

    def error(self, note: str = "") -> CatalogError:
        """The failure as the error a command stops with (``note`` is added to the message)."""
        # Without a note the message stays as read (a translatable Message, when it is one).
        return CatalogError(self.message + note if note else self.message, self.display_path, self.line)


@dataclass(frozen=True)
class Project:
    """A template and the catalogs translated from it."""

    root: Path
    template: Catalog
    catalogs: tuple[Catalog, ...]
    failures: tuple[CatalogFailure, ...] = field(default=())
    filtered: bool = False
    """True when only some languages were loaded (``--lang``)."""
