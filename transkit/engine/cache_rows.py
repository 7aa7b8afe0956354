"""How a run cache file holds findings: JSON, and each finding as a row.

A finding is a row of its fields (:data:`~transkit.model.findings.FINDING_FIELDS`), its
message named by its place in the file's table of messages (:class:`MessageTable`): a row,
not an object, is a third smaller and quicker to read, and the cache key covers the code,
so writer and reader agree. Used by :mod:`transkit.engine.cache` for every kind of entry.
"""

from __future__ import annotations

import contextlib
import json
import math
from pathlib import Path
from typing import Any

import orjson

from transkit.i18n import Message
from transkit.model.findings import FINDING_FIELDS, Finding, Fix, Severity


def read_json(path: Path) -> Any:
    """A cache file's JSON, parsed by orjson (3-4× faster than ``json`` on a report of
    100,000 findings). orjson refuses what ``json`` alone would read (NaN, a lone
    surrogate, an integer beyond 64 bits): such an entry is a miss (ValueError), and the
    run is done again, never answered differently."""
    return orjson.loads(path.read_bytes())


def json_bytes(data: Any, free: Any = None) -> bytes:
    """A cache entry as JSON: orjson's (5× faster than ``json``), or ``json``'s for what
    orjson refuses (a lone surrogate, an integer beyond 64 bits, a key that is no string)
    and for a float that is not finite in ``free`` (the part whose values checks choose:
    orjson would write NaN as null, not refuse it); either reads back as the same data
    (:func:`read_json`). The rest holds no float but coverage's percentages, finite by
    construction."""
    if free is None or _finite(free):
        with contextlib.suppress(orjson.JSONEncodeError, TypeError):
            return orjson.dumps(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    if isinstance(value, list | tuple):
        return all(_finite(item) for item in value)
    return True


_SEVERITIES = {severity.value: severity for severity in Severity}
_FIELDS = FINDING_FIELDS
_SEVERITY, _MESSAGE, _FIX = (_FIELDS.index(name) for name in ("severity", "message", "fix"))


class MessageTable:
    """The messages of a cache file's findings, each written once in its table (its English
    text, and :meth:`Message.as_data` so that a cached run speaks the user's language too,
    or null for plain text); a row names its message by its place there. A catalog's
    findings say a few hundred things (their equal messages are one object:
    :func:`~transkit.model.findings.share_values`) some 4,700 times: each was written,
    read and restored again with every row, two thirds of the real corpus's 30 MB of
    cache entries."""

    def __init__(self) -> None:
        self.table: list[list[Any]] = []
        self._places: dict[int, int] = {}
        self._held: list[object] = []  # alive while written: no other message takes their id

    def place(self, message: str) -> int:
        found = self._places.get(id(message))
        if found is None:
            found = self._places[id(message)] = len(self.table)
            self.table.append([str.__str__(message), message.as_data() if isinstance(message, Message) else None])
            self._held.append(message)
        return found


def restored_messages(table: list) -> list[str]:
    """The messages of a table :class:`MessageTable` wrote, each made once."""
    messages: list[str] = []
    for text, data in table:
        if not isinstance(text, str):
            raise TypeError("not a message")
        messages.append(text if data is None else Message.restored(text, data))
    return messages


def finding_of_row(row: list, messages: list[str], domain: str | None = None) -> Finding:
    """The finding of a stored row (naming ``domain``), its message taken from ``messages``
    (:func:`restored_messages`), built with the fields put in place at once, without the frozen
    dataclass's check per field (a cached run restores 100,000 findings of a large
    project; the constructor took half the time)."""
    if len(row) != len(_FIELDS):
        raise ValueError("not a finding")
    finding = object.__new__(Finding)
    values = finding.__dict__
    values.update(zip(_FIELDS, row))
    values["severity"] = _SEVERITIES[row[_SEVERITY]]
    place, fix = row[_MESSAGE], row[_FIX]
    if type(place) is not int or place < 0:
        raise TypeError("not a message's place")
    values["message"] = messages[place]
    if fix is not None:
        values["fix"] = Fix(
            msgstr=tuple((int(index), str(value)) for index, value in fix["msgstr"]),
            header=tuple((str(name), str(value)) for name, value in fix["header"]),
        )
    if domain is not None:
        values["domain"] = domain
    return finding


def finding_row(finding: Finding, messages: MessageTable) -> list:
    fields = finding.__dict__
    row = [fields[name] for name in _FIELDS]
    fix = finding.fix
    row[_SEVERITY] = finding.severity.value
    row[_MESSAGE] = messages.place(finding.message)
    if fix is not None:
        row[_FIX] = {"msgstr": [list(f) for f in fix.msgstr], "header": [list(h) for h in fix.header]}
    return row


def findings_of(rows: list, table: list, domain: str | None = None) -> tuple[Finding, ...]:
    """The findings of stored rows whose messages are in ``table`` (:class:`MessageTable`)."""
    messages = restored_messages(table)
    return tuple(finding_of_row(row, messages, domain) for row in rows)
