"""Read PO and POT files into transkit's model; the only module that imports polib.

Every file is decoded strictly and read by :mod:`transkit.po.syntax` (its strings) and
:mod:`transkit.po.comments` (its comment lines), both of which read it as GNU msgfmt does:
a file msgfmt accepts is read, whatever polib would make of it. polib parses leniently (it
drops the last character of an unterminated string, keeps invalid escapes as text,
refuses ``#word`` comments, breaks lines at U+2028), so it is only the reference of the
differential test (``use_polib``), never the reader of a catalog.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import polib

from transkit.errors import CatalogError
from transkit.i18n import L_
from transkit.model.catalog import Catalog, Entry, MessageKey
from transkit.model.languages import Language
from transkit.model.languages import language as language_of
from transkit.po.comments import NO_NOTES, Notes, read_notes
from transkit.po.syntax import EntryMaker, PoSyntaxError, ScannedEntry, scan

# The charset of the header's Content-Type field, as msgfmt reads it: not a "charset="
# that a comment or a message above it happens to mention.
_CONTENT_TYPE = re.compile(rb'"Content-Type:[^"\n]*', re.IGNORECASE)
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:+-]+)", re.IGNORECASE)
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
# Field names of a PO header: "Plural-Forms", "X-Generator", "Content-Type", ...
_HEADER_FIELD = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.-]*)[ \t]*:[ \t]*(.*)$")


def read_catalog(
    path: Path | str,
    display_path: str | None = None,
    *,
    is_template: bool = False,
    path_language: str | None = None,
    template: Mapping[MessageKey, Entry] | None = None,
) -> Catalog:
    """Read, validate and parse one PO or POT file.

    Raises :class:`CatalogError` with the file and line of the first problem, and never
    returns a catalog that GNU msgfmt would reject as malformed. ``template`` (the
    template's messages by key), when given, lends its texts to the catalog's messages
    (see :func:`parse_catalog`).
    """
    path = Path(path)
    shown = display_path or str(path)
    text = decode(read_bytes(path, shown), shown)  # the bytes are let go before parsing
    return parse_catalog(text, path, shown, is_template=is_template, path_language=path_language, template=template)


@dataclass(frozen=True)
class CatalogSource:
    """A catalog with the text it was read from, for commands that rewrite catalogs.

    Rewriting keeps what it does not change as it was written, so it needs where each
    message starts in the text and the header exactly as written.
    """

    catalog: Catalog
    text: str
    charset: str
    header_msgstr: str
    header_keyword_line: int
    entry_lines: tuple[int, ...]
    """1-based line of each entry's first keyword, aligned with ``catalog.entries``."""


def read_catalog_source(
    path: Path,
    display_path: str | None = None,
    *,
    is_template: bool = False,
    path_language: str | None = None,
) -> CatalogSource:
    """Like :func:`read_catalog`, keeping the text and where each message is in it."""
    shown = display_path or str(path)
    data = read_bytes(path, shown)
    text = decode(data, shown)
    catalog, header, lines = _parse(
        text, path, shown, is_template=is_template, path_language=path_language, keep_lines=True
    )
    if catalog.header_position != 0:
        # A rewrite keeps the header first, where the text of each message is found by
        # its position; a header elsewhere or none is read for checking, not rewritten.
        if catalog.header_position < 0:
            raise CatalogError(L_('no header entry (msgid ""): add one to rewrite the file'), shown, 1)
        raise CatalogError(
            L_('the header entry (msgid "") is not the first entry: move it first to rewrite the file'),
            shown,
            header.line,
        )
    return CatalogSource(
        catalog=catalog,
        text=text,
        charset=_declared_charset(data, shown),
        header_msgstr=header.msgstr[0] if header.msgstr else "",
        header_keyword_line=header.line,
        entry_lines=tuple(lines[1:]),
    )


def read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes, or a CatalogError saying why they cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise CatalogError(L_("is a directory, not a PO file"), shown) from None
    except OSError as error:
        raise CatalogError(L_("cannot read file: {error}", error=error.strerror or str(error)), shown) from None


def decode(data: bytes, shown: str) -> str:
    """Decode a PO file's bytes with the charset its header declares, strictly."""
    if data.startswith(_MO_MAGIC):
        raise CatalogError(L_("compiled MO file, not a PO catalog"), shown)
    # An empty file is a catalog of nothing for msgfmt (and a missing header for
    # msgfmt --check): read, and judged by the header checks.
    nul = data.find(b"\0")
    if nul != -1:
        raise CatalogError(L_("NUL byte: binary data, not a PO catalog"), shown, _line_at(data, nul))
    charset = _declared_charset(data, shown)
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.end].hex(" ")
        raise CatalogError(
            L_("bytes not valid in the declared charset {charset}: {bad}", charset=charset, bad=bad),
            shown,
            _line_at(data, error.start),
        ) from None
    # Neither a byte order mark nor CRLF is touched: posyntax judges them as msgfmt does
    # (a BOM is an error for msgfmt 0.21, CRLF is fine).
    return text


def _declared_charset(data: bytes, shown: str) -> str:
    # Anywhere in the file: the header entry may follow a long comment, or a msgctxt
    # msgfmt accepts however long it is.
    field = _CONTENT_TYPE.search(data)
    match = _CHARSET.search(data, field.start(), field.end()) if field else None
    if match is None:
        return "utf-8"
    name = match.group(1).decode("ascii")
    if name.upper() == "CHARSET":  # xgettext's placeholder in a fresh template
        return "utf-8"
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    # Python's codec registry also holds byte-to-byte codecs (zlib_codec, base64_codec,
    # rot13): no charset, and bytes.decode() would raise a LookupError of its own.
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise CatalogError(
            L_("unknown charset {name!r} in the Content-Type header", name=name), shown, _line_at(data, match.start())
        ) from None
    return info.name


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_catalog(
    text: str,
    path: Path,
    shown: str,
    *,
    is_template: bool = False,
    path_language: str | None = None,
    template: Mapping[MessageKey, Entry] | None = None,
) -> Catalog:
    """Validate decoded PO text and build a :class:`Catalog` from it.

    A message found in ``template`` (the template's messages by key) takes the
    template's msgid, msgctxt, msgid_plural, references and extracted comments where they
    are the same, instead of a copy of each: the catalog reads the same, and a catalog
    of 230,000 messages no longer holds some 45 MB of texts twice.
    """
    return _parse(text, path, shown, is_template=is_template, path_language=path_language, template=template)[0]


def _parse(
    text: str,
    path: Path,
    shown: str,
    *,
    is_template: bool,
    path_language: str | None,
    use_polib: bool = False,
    template: Mapping[MessageKey, Entry] | None = None,
    keep_lines: bool = False,
) -> tuple[Catalog, ScannedEntry, list[int]]:
    """The catalog, its header as scanned, and (with ``keep_lines``) the line of each
    entry's first keyword, header first."""
    lines: list[int] | None = [] if keep_lines else None
    try:
        # Each message becomes its entry as it is scanned, the header a ScannedEntry.
        made = scan(text, template) if use_polib else scan(text, template, _entry_maker(lines))
    except PoSyntaxError as error:
        # msgfmt reports an unterminated string on the line after it; show the string's own.
        raise CatalogError(error.message, shown, error.source_line or error.line) from None
    # msgfmt takes the header wherever it is, and compiles a file without one (only
    # --check-header refuses that): so does transkit, and the header checks report it.
    position = next((number for number, item in enumerate(made) if _is_header(item)), -1)
    header_entry = made.pop(position) if position >= 0 else _NO_HEADER
    if lines is not None:
        lines.insert(0, lines.pop(position) if position >= 0 else header_entry.line)
    header, stray = _header_fields(header_entry.msgstr[0] if header_entry.msgstr else "")
    entries = _entries_with_polib(text, made, shown) if use_polib else tuple(made)
    del made

    header_language = _field(header, "Language")
    catalog = Catalog(
        path=path,
        display_path=shown,
        header=header,
        header_line=header_entry.line,
        entries=entries,
        language=catalog_language(header_language, path_language),
        header_language=header_language,
        path_language=path_language,
        is_template=is_template,
        header_position=position,
        header_stray_lines=stray,
    )
    return catalog, header_entry, lines or []


def catalog_language(header_language: str | None, path_language: str | None) -> Language | None:
    """The language of a catalog with this ``Language`` header and this language in its
    path: an invalid header (``Language: French``) is H101's finding, the path may still know."""
    return (language_of(header_language) if header_language else None) or (
        language_of(path_language) if path_language else None
    )


def _is_header(item: object) -> bool:
    return type(item) is ScannedEntry and item.msgid == "" and item.msgctxt is None and not item.obsolete


def _field(header: tuple[tuple[str, str], ...], name: str) -> str | None:
    for key, value in header:
        if key.lower() == name.lower():
            return value.strip() or None
    return None


def _header_fields(msgstr: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The header's ``Name: value`` fields, and the lines that are not fields (msgfmt
    ignores those; the header checks report them)."""
    fields: list[tuple[str, str]] = []
    stray: list[str] = []
    for raw in msgstr.split("\n"):
        if not raw.strip():
            continue
        match = _HEADER_FIELD.match(raw)
        if match is None:
            stray.append(raw)
        else:
            fields.append((match.group(1), match.group(2).strip()))
    return tuple(fields), tuple(stray)


_NO_HEADER = ScannedEntry(1, 1, None, "", None, (), False, ("",))
"""The header of a file that has none: no fields, reported on line 1."""
_UNTRANSLATED = ("",)
"""The msgstr of every untranslated singular message (all of a template's): one tuple."""


def _entry_maker(lines: list[int] | None) -> EntryMaker:
    """What :func:`scan` calls for each message of one file: its :class:`Entry`, or the
    :class:`ScannedEntry` of the header (the catalog holds its fields, not an entry).

    Called once per message of every catalog read, so written for speed: the notes of an
    entry without references (a ``#, python-format`` line, read thousands of times a
    file) are read once per file, and the entry is made by :data:`new_entry`.
    ``lines`` receives each message's first keyword line, when given.
    """
    read: dict[str, Notes] = {}
    remember = read.__setitem__
    recall = read.get
    new = new_entry

    def make(
        line: int,
        msgid_line: int,
        msgctxt: str | None,
        msgid: str,
        msgid_plural: str | None,
        indexes: tuple[int, ...],
        obsolete: bool,
        msgstr: tuple[str, ...],
        notes: str | None,
        known: Entry | None,
    ) -> Entry | ScannedEntry:
        if lines is not None:
            lines.append(line)
        if not msgid and msgctxt is None and not obsolete:
            return ScannedEntry(line, msgid_line, msgctxt, msgid, msgid_plural, indexes, obsolete, msgstr, notes)
        if notes is None:
            flags, previous_msgctxt, previous_msgid, previous_plural, translator, extracted, references = NO_NOTES
        else:
            said = recall(notes)
            if said is None:
                said = read_notes(notes)
                if not said[6]:
                    remember(notes, said)
            flags, previous_msgctxt, previous_msgid, previous_plural, translator, extracted, references = said
        if known is not None:  # the template's texts, where the same (see parse_catalog);
            # the scan has already taken its msgctxt and msgid
            if known.msgid_plural == msgid_plural:
                msgid_plural = known.msgid_plural
            if known.references == references:
                references = known.references
            if known.extracted_comment == extracted:
                extracted = known.extracted_comment
        return new(
            msgid,
            _UNTRANSLATED if msgstr == _UNTRANSLATED else msgstr,
            msgctxt,
            msgid_plural,
            flags,
            previous_msgctxt,
            previous_msgid,
            previous_plural,
            translator,
            extracted,
            references,
            obsolete,
            msgid_line,
        )

    return make


_ENTRY_FIELDS = (
    "msgid",
    "msgstr",
    "msgctxt",
    "msgid_plural",
    "flags",
    "previous_msgctxt",
    "previous_msgid",
    "previous_msgid_plural",
    "translator_comment",
    "extracted_comment",
    "references",
    "obsolete",
    "line",
)


def _entry_by_slots() -> Callable[..., Entry]:
    """``Entry(...)`` with its fields in order, for the reader, without Entry's __init__.

    Entry is a frozen dataclass: its __init__ sets each of its 13 fields through
    ``object.__setattr__``, which took a fifth of the time a message of the real-catalog
    corpus took to read (docs/performance.md). This sets its slots with their own
    descriptors, half the cost, and makes the same object. Should Entry ever hold
    other fields, or check them as it is made, this is Entry itself
    (tests/po/test_reader_fast.py holds the two to the same result).
    """
    if (
        tuple(field.name for field in dataclasses.fields(Entry)) != _ENTRY_FIELDS
        or getattr(Entry, "__slots__", None) != _ENTRY_FIELDS
        or hasattr(Entry, "__post_init__")
    ):
        return Entry
    new = object.__new__
    (
        set_msgid,
        set_msgstr,
        set_msgctxt,
        set_msgid_plural,
        set_flags,
        set_previous_msgctxt,
        set_previous_msgid,
        set_previous_msgid_plural,
        set_translator_comment,
        set_extracted_comment,
        set_references,
        set_obsolete,
        set_line,
    ) = (getattr(Entry, name).__set__ for name in _ENTRY_FIELDS)

    def entry(
        msgid: str,
        msgstr: tuple[str, ...],
        msgctxt: str | None,
        msgid_plural: str | None,
        flags: tuple[str, ...],
        previous_msgctxt: str | None,
        previous_msgid: str | None,
        previous_msgid_plural: str | None,
        translator_comment: str,
        extracted_comment: str,
        references: tuple[str, ...],
        obsolete: bool,
        line: int,
    ) -> Entry:
        made: Entry = new(Entry)
        set_msgid(made, msgid)
        set_msgstr(made, msgstr)
        set_msgctxt(made, msgctxt)
        set_msgid_plural(made, msgid_plural)
        set_flags(made, flags)
        set_previous_msgctxt(made, previous_msgctxt)
        set_previous_msgid(made, previous_msgid)
        set_previous_msgid_plural(made, previous_msgid_plural)
        set_translator_comment(made, translator_comment)
        set_extracted_comment(made, extracted_comment)
        set_references(made, references)
        set_obsolete(made, obsolete)
        set_line(made, line)
        return made

    return entry


new_entry = _entry_by_slots()
"""``Entry(*fields)``, made by slots: the reader's and the template cache's way to make entries."""


def _entries_with_polib(text: str, messages: list[ScannedEntry], shown: str) -> tuple[Entry, ...]:
    """polib's reading of the comments, for the differential test that holds
    :mod:`transkit.po.comments` to polib wherever polib reads a file as msgcat does."""
    try:
        parsed = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as error:
        # The syntax is valid (msgfmt accepts it) but polib's parser does not handle it,
        # e.g. '#word' comments.
        detail = str(error).split(": ", 1)[-1] if "): " in str(error) else str(error)
        line = re.search(r"\(line (\d+)\)", str(error))
        raise CatalogError(
            f"valid PO syntax that transkit's reader (polib) cannot read: {detail}; "
            "rewrite the file with msgcat to normalise it",
            shown,
            int(line.group(1)) if line else None,
        ) from None
    if len(parsed) != len(messages):
        raise CatalogError(f"parsed {len(parsed)} messages where the file has {len(messages)}", shown)
    return tuple(_polib_entry(p, s, shown) for p, s in zip(parsed, messages))


def _polib_entry(parsed: polib.POEntry, scanned: ScannedEntry, shown: str) -> Entry:
    # Strings come from the scan, which decodes every escape as msgfmt does (polib keeps
    # octal and hex escapes as text); polib contributes the comments, flags and previous
    # strings, so the two must be reading the same message.
    if bool(parsed.obsolete) != scanned.obsolete:
        raise CatalogError("message parsed differently from its text", shown, scanned.line)
    return Entry(
        msgid=scanned.msgid,
        msgstr=scanned.msgstr,
        msgctxt=scanned.msgctxt,
        msgid_plural=scanned.msgid_plural,
        flags=tuple(flag.strip() for flag in parsed.flags if flag.strip()),
        previous_msgctxt=parsed.previous_msgctxt,
        previous_msgid=parsed.previous_msgid,
        previous_msgid_plural=parsed.previous_msgid_plural,
        translator_comment=parsed.tcomment or "",
        extracted_comment=parsed.comment or "",
        references=tuple(f"{file}:{line}" if line else file for file, line in parsed.occurrences),
        obsolete=scanned.obsolete,
        line=scanned.msgid_line,
    )
