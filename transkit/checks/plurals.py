"""Plural messages (family ``P``): does each plural message have the catalog's forms?

``P201`` is here; the catalog's rule itself (is ``nplurals`` right for the language, does
the expression stay in range) is judged once per catalog by the header checks ``H104``
to ``H109``; the count of forms is :func:`~transkit.po.plural_forms.plural_count`'s.
"""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, entry_check
from transkit.i18n import Ln_
from transkit.po.plural_forms import plural_count


@entry_check(
    "P201", "plural-form-count-mismatch", Severity.ERROR, applies=Applies.ACTIVE, needs=Fact.PLURAL, local=True
)
def plural_form_count_mismatch(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A plural message has more or fewer ``msgstr[n]`` than the catalog's ``nplurals``.

    gettext picks ``msgstr[i]`` with the catalog's plural expression: a missing form
    shows the English source for the numbers that select it, an extra one is never
    shown, and ``msgfmt --check`` rejects the catalog.  Usually the message was copied
    from a catalog of another language.  Messages with every form empty are left to the
    coverage checks; a catalog without a usable ``Plural-Forms`` to ``H104``/``H105``.

    Bad: ``nplurals=3`` (Russian) and a message with only ``msgstr[0]`` and ``msgstr[1]``.
    Good: ``msgstr[0]``, ``msgstr[1]`` and ``msgstr[2]``, each filled.
    """
    if not entry.is_plural or not any(entry.msgstr):
        return
    nplurals = plural_count(context.catalog)
    if nplurals is None:
        return
    found = len(entry.msgstr)
    if found != nplurals:
        have = "msgstr[0]" if found == 1 else f"msgstr[0]…msgstr[{found - 1}]"
        yield Problem(
            Ln_(
                "expected {count} plural form (nplurals={count}), found {found}: {forms}",
                "expected {count} plural forms (nplurals={count}), found {found}: {forms}",
                nplurals,
                found=found,
                forms=have,
            )
        )
