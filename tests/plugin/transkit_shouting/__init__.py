"""An example third-party check: one module, one decorated function, its docstring."""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Problem, Severity, entry_check


@entry_check("X901", "shouting-translation", Severity.WARNING, applies=Applies.TRANSLATED)
def shouting_translation(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A translation is written in capitals where its source is not.

    Capitals read as shouting and are slower to read; usually the translator copied a
    heading's style onto a sentence.

    Bad: ``msgid "Call us"`` → ``msgstr "APPELEZ-NOUS"``.
    Good: ``msgstr "Appelez-nous"``.
    """
    for index, form in enumerate(entry.msgstr):
        if form.isupper() and not entry.msgid.isupper():
            yield Problem(
                f"msgstr[{index}] is in capitals: {form!r}" if entry.is_plural else "the translation is in capitals"
            )
