"""What the entry checks of text share: problems reported once per message with the
forms they concern, and text quoted the way their messages quote it.

A plural message is several translations of two sources; the checks that compare text
(families ``M`` and ``S``) see it as a list of singular ones, paired by
:func:`transkit.po.plural_forms.form_pairs`, and report what they find with :func:`per_form`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from transkit.i18n import Message
from transkit.model.catalog import Entry
from transkit.model.findings import Problem


def per_form(entry: Entry, found: Iterable[tuple[int, str]]) -> Iterator[Problem]:
    """One problem per distinct message; ``msgstr[n]:`` in front when not every form has it."""
    if isinstance(found, list) and not found:
        return iter(())  # most messages: no generator to build for nothing
    return _per_form(entry, found)


def _per_form(entry: Entry, found: Iterable[tuple[int, str]]) -> Iterator[Problem]:
    forms: dict[str, list[int]] = {}
    for index, message in found:
        forms.setdefault(message, [])
        if index not in forms[message]:
            forms[message].append(index)
    every = len(entry.msgstr)
    for message, indexes in forms.items():
        if not entry.is_plural or every <= 1 or len(indexes) == every:
            yield Problem(message)
        else:
            for index in indexes:
                yield Problem(Message("msgstr[{index}]: {message}", {"index": index, "message": message}))


def quote(text: str) -> str:
    """Text cited in a finding's message: between curly quotation marks, as written."""
    return f"\u201c{text}\u201d"
