"""Compiled ``.mo`` catalogs, with the messages GNU ``msgfmt`` would put in them.

Which messages go in is msgfmt's rule (and, like msgfmt, the header loses its
``POT-Creation-Date``), so that switching tools changes nothing an
application shows: the header always; every other live message unless it is fuzzy or its
first form is empty (a plural with a later form empty still goes in, as with msgfmt; the
check for empty forms is P201's job, before compiling).

The file is the GNU MO format, little-endian, revision 0, without the optional hash
table: GNU gettext and Python's ``gettext`` both look messages up by binary search in the
sorted table when there is none.
"""

from __future__ import annotations

import struct

from transkit.model.catalog import Entry

_MAGIC = 0x950412DE
_HEADER_SIZE = 28
_CONTEXT_SEPARATOR = "\x04"


def compiled_entries(entries: tuple[Entry, ...] | list[Entry]) -> list[Entry]:
    """The entries msgfmt compiles (the header is not among them)."""
    return [
        entry for entry in entries if not entry.obsolete and not entry.fuzzy and entry.msgstr and entry.msgstr[0] != ""
    ]


def _runtime_header(header_msgstr: str) -> str:
    """The header without ``POT-Creation-Date``, as msgfmt writes it: a regenerated
    template alone must not change the compiled files."""
    lines = header_msgstr.split("\n")
    return "\n".join(line for line in lines if not line.lower().startswith("pot-creation-date:"))


def mo_bytes(header_msgstr: str, entries: tuple[Entry, ...] | list[Entry], charset: str = "utf-8") -> bytes:
    """The MO file for a catalog: its header text and its entries, strings in ``charset``."""

    def encode(text: str) -> bytes:
        return text.encode(charset, "surrogateescape")

    pairs = [(b"", encode(_runtime_header(header_msgstr)))]
    for entry in compiled_entries(entries):
        key = entry.msgid
        if entry.msgctxt is not None:
            key = entry.msgctxt + _CONTEXT_SEPARATOR + key
        if entry.msgid_plural is not None:
            key = key + "\0" + entry.msgid_plural
        pairs.append((encode(key), encode("\0".join(entry.msgstr))))
    pairs.sort(key=lambda pair: pair[0])

    count = len(pairs)
    originals_at = _HEADER_SIZE
    translations_at = originals_at + 8 * count
    strings_at = translations_at + 8 * count
    table = bytearray()
    blob = bytearray()
    for column in (0, 1):
        for pair in pairs:
            text = pair[column]
            table += struct.pack("<II", len(text), strings_at + len(blob))
            blob += text + b"\0"
    header = struct.pack("<7I", _MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    return header + bytes(table) + bytes(blob)
