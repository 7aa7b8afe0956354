"""The catalog's language (family ``H``, header): does the file say what it is?"""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import CatalogContext, Problem, Severity, catalog_check
from transkit.i18n import L_
from transkit.model.languages import same_language, to_tag


@catalog_check("H101", "language-mismatch", Severity.ERROR)
def language_mismatch(context: CatalogContext) -> Iterator[Problem]:
    """The ``Language`` header names another language than the catalog's path.

    A catalog at ``nl.po`` or ``nl/LC_MESSAGES/site.po`` that says ``Language: fr`` is
    either in the wrong place or has the wrong header; either way one language's site
    would show another language, or the wrong plural rules would apply.  Codes are
    compared after normalisation: ``pt_BR`` and ``pt-BR`` agree, as do ``fr`` and
    ``fr_BE``.

    Bad: ``Language: fr`` in ``catalogs/nl.po``.
    Good: ``Language: nl`` in ``catalogs/nl.po``.
    """
    catalog = context.catalog
    header, path = catalog.header_language, catalog.path_language
    if not header or not path or same_language(header, path):
        return
    yield Problem(
        L_("Language header {header!r} does not match the language of the path {path!r}", header=header, path=path)
        if to_tag(header)
        else L_(
            "Language header {header!r} (not a valid language code) does not match the language of the path {path!r}",
            header=header,
            path=path,
        ),
        line=catalog.header_line,
    )
