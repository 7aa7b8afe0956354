"""Editing a catalog's header text field by field, as gettext tools do, for every command
that rewrites catalogs (update, init, import): one field changes, the others stay as the
translators wrote them, in their order."""

from __future__ import annotations

from datetime import datetime

# Where gettext puts these fields when a header lacks them: after the field before.
_FIELD_AFTER = {
    "pot-creation-date": ("report-msgid-bugs-to", "project-id-version"),
    "po-revision-date": ("pot-creation-date", "report-msgid-bugs-to", "project-id-version"),
}


def revision_date(now: datetime | None = None) -> str:
    """``PO-Revision-Date`` in gettext's format, local time with its offset."""
    moment = (now or datetime.now()).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M%z")


def set_header_field(msgstr: str, name: str, value: str) -> str:
    """The header text with one field set, the others untouched, in their order."""
    lines = msgstr.split("\n")
    wanted = name.lower()
    for number, line in enumerate(lines):
        if line.split(":", 1)[0].strip().lower() == wanted:
            lines[number] = f"{line.split(':', 1)[0]}: {value}"
            return "\n".join(lines)
    position = len(lines) - 1 if lines[-1] == "" else len(lines)
    fields = [line.split(":", 1)[0].strip().lower() for line in lines]
    for before in _FIELD_AFTER.get(wanted, ()):
        if before in fields:
            position = fields.index(before) + 1
            break
    lines.insert(position, f"{name}: {value}")
    text = "\n".join(lines)
    return text if text.endswith("\n") else text + "\n"
