"""The versioned JSON contract (``--format json``), documented in docs/json-format.md.

Bump ``FORMAT_VERSION`` on any change that removes or renames a field or changes its
meaning; adding a field is not a breaking change.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, TextIO

import orjson

from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity

FORMAT_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "check": finding.check,
        "severity": finding.severity.value,
        "message": str.__str__(finding.message),  # the English text: a plain str, which orjson writes
        "file": finding.file,
        "line": finding.line,
        "language": finding.language,
        "msgctxt": finding.msgctxt,
        "msgid": finding.msgid,
        "domain": finding.domain,
    }


def coverage_document(
    template: str | None, coverage: Sequence[Coverage], domains: Sequence[tuple[str, str]] = ()
) -> dict[str, Any]:
    """The document ``transkit stats --format json`` prints (``template`` None: each
    catalog counted against its own messages)."""
    return {
        "version": FORMAT_VERSION,
        "template": template,
        "domains": domain_list(domains),
        "coverage": [item.as_dict() for item in coverage],
    }


def domain_list(domains: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """Each domain of the run and its template, in the order findings and coverage follow."""
    return [{"domain": name, "template": template} for name, template in domains]


def render(report: Report, stream: TextIO) -> None:
    document: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "template": report.template,
        "domains": domain_list(report.domains),
        "summary": {
            "catalogs": len(report.coverage),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "baselined": report.baselined,
        },
        "findings": [],
        "coverage": [item.as_dict() for item in report.coverage],
    }
    if report.template is None:  # each catalog checked on its own: what did not run
        document["skipped"] = list(report.skipped)
    dump_streamed(document, "findings", report.findings, finding_dict, stream)


STREAMED_CHUNK = 4096
"""Items of a streamed list encoded at a time (a few MB of dicts and JSON)."""


def dump_streamed(
    document: dict[str, Any], key: str, items: Sequence[Any], convert: Callable[[Any], Any], stream: TextIO
) -> None:
    """:func:`dump` of ``document`` with ``convert(item)`` of each of ``items`` as the list
    at its top-level ``key`` (which holds ``[]`` here), the same text, but encoded a chunk
    at a time: the dicts and JSON of a whole report of 120,000 findings (100 MB at once)
    never exist together.

    The text of a chunk of items, encoded as a list of its own, is the text they have in
    the document indented one level less: the document's list is a top-level value, its
    items at the second level. JSON strings hold no raw line break, so indenting every
    line break is exact.
    """
    if not items:
        dump(document, stream)
        return
    head = _encoded(document)
    write = _writer(stream)
    marker = f'\n  "{key}": []'
    cut = _find(head, marker) + len(marker) - 1  # just after the list's "["
    write(head[:cut])
    for start in range(0, len(items), STREAMED_CHUNK):
        chunk = _encoded([convert(item) for item in items[start : start + STREAMED_CHUNK]])
        body = chunk[1:-3]  # the items, without the chunk's "[" and "\n]\n"
        if start:
            write(b"," if isinstance(body, bytes) else ",")
        write(body.replace(b"\n", b"\n  ") if isinstance(body, bytes) else body.replace("\n", "\n  "))
    write(b"\n  " + head[cut:] if isinstance(head, bytes) else "\n  " + head[cut:])


def _find(text: bytes | str, marker: str) -> int:
    return text.index(marker.encode("utf-8")) if isinstance(text, bytes) else text.index(marker)


def dump(document: dict[str, Any], stream: TextIO) -> None:
    """Write :func:`dumps`'s text; to a UTF-8 stream as the bytes orjson made, without
    turning them into text and back (a report of 120,000 findings is 45 MB of JSON)."""
    _writer(stream)(_encoded(document))


def _writer(stream: TextIO) -> Callable[[bytes | str], None]:
    """What writes encoded text to ``stream``: orjson's bytes straight to the buffer of a
    UTF-8 stream (what writing their text would write, byte for byte), text as text."""
    binary = getattr(stream, "buffer", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    direct = binary is not None and encoding == "utf8" and os.linesep == "\n"

    def write(data: bytes | str) -> None:
        if isinstance(data, bytes) and direct and binary is not None:
            stream.flush()
            binary.write(data)
        else:
            stream.write(data if isinstance(data, str) else data.decode("utf-8"))

    return write


_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def dumps(document: Any) -> str:
    r"""``json.dumps(document, ensure_ascii=False, indent=2)`` and a line break, byte for byte.

    The standard library's encoder runs in pure Python once ``indent`` is set, about a
    second for a report of 100,000 findings; orjson writes the same text in C: the same
    escapes (only ``"``, ``\`` and control characters, ``\b \t \n \f \r`` by name and the
    rest as lower-case ``\u00XX``), two spaces a level, ``[]`` and ``{}`` when empty, keys in
    insertion order. The two differ only where this falls back to ``json``: a float below
    1e-4 in magnitude or not finite (orjson writes ``0.00001``, ``1.5e-7`` and ``null`` where
    ``json`` writes ``1e-05``, ``1.5e-07`` and ``Infinity``), and what orjson refuses (an
    integer beyond 64 bits, a lone surrogate, a key that is no string); what orjson would
    turn into JSON on its own and ``json`` refuses (enums, dataclasses, datetimes) or
    serialises its own way (subclasses of the JSON types) also goes to ``json``, which
    raises or writes it as before.
    """
    data = _encoded(document)
    return data if isinstance(data, str) else data.decode("utf-8")


def _encoded(document: Any) -> bytes | str:
    """:func:`dumps`'s text, as the UTF-8 bytes orjson made when it made them."""
    if _orjson_writes_as_json(document):
        try:
            return orjson.dumps(document, default=_refuse, option=_ORJSON_OPTIONS) + b"\n"
        except (orjson.JSONEncodeError, TypeError):
            pass
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _refuse(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


_SCALARS = frozenset((str, int, bool, type(None)))


def _orjson_writes_as_json(document: Any) -> bool:
    """Whether ``document`` holds only the JSON types themselves (no subclass, no other
    type) and every float in it is one orjson formats as ``repr`` does: zero, or finite
    and at least 1e-4 in magnitude. The types of a container's items are taken in one go
    (C speed); only containers with a float or a nested container are looked into."""
    todo = [document]
    while todo:
        value = todo.pop()
        kind = type(value)
        if kind is dict:
            value = value.values()
        elif kind is float:
            if not (value == 0.0 or (1e-4 <= abs(value) and math.isfinite(value))):
                return False
            continue
        elif kind is not list and kind is not tuple:
            if kind in _SCALARS:
                continue
            return False
        kinds = set(map(type, value))
        if kinds <= _SCALARS:
            continue
        if kinds == _DICT and set(map(type, chain.from_iterable(map(dict.values, value)))) <= _SCALARS:
            continue  # a list of flat records (the findings): every value's type at once
        todo.extend(value)
    return True


_DICT = {dict}
