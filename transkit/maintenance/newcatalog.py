"""A new language's catalog from the template, as ``msginit`` makes it, without asking.

The header is what makes a new catalog usable at once: the language under its gettext
code, the plural rule the language needs (a wrong ``nplurals`` breaks every plural
message later), the team and the date. The rule comes from the same references the
H105 check trusts (CLDR via Babel, weblate-language-data, the gettext manual).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import langcodes

from transkit.errors import TranskitError
from transkit.i18n import L_
from transkit.maintenance.merge import untranslated
from transkit.model.languages import Language, language, to_tag
from transkit.po.headers import revision_date, set_header_field
from transkit.po.layout import format_catalog, layout
from transkit.po.plural_forms import usual_plural_count
from transkit.po.plural_rules import known_rules
from transkit.po.reader import CatalogSource


@dataclass(frozen=True)
class NewCatalog:
    language: Language
    text: str
    plural_forms: str | None
    """The Plural-Forms written; None when no reference knows the language's rule."""


def gettext_code(code: str) -> Language:
    """The language of a code as a new catalog should name it: ``pt-br`` → ``pt_BR``,
    ``fra`` → ``fr``, ``zh-hans`` → ``zh_Hans``; ``sr@latin`` keeps its modifier.

    Raises TranskitError for a code that names no language, suggesting one when the input
    was a language name ("French" → fr).
    """
    tag = to_tag(code) or _standard_tag(code)
    if tag is None:
        hint = ""
        try:
            named = langcodes.find(code.strip())
            suggested = named.to_tag().replace("-", "_")
            hint = L_("; did you mean {code} ({name})?", code=suggested, name=named.display_name("en"))
        except (LookupError, ValueError):
            hint = L_("; use a code such as fr, pt_BR or zh_Hans")
        raise TranskitError(L_("{code} is not a language code{hint}", code=repr(code), hint=hint))
    base, _, modifier = code.strip().partition("@")
    standard = langcodes.standardize_tag(tag)
    written = standard.replace("-", "_")
    if modifier:
        written = f"{base.split('_')[0].split('-')[0].lower()}@{modifier.lower()}"
    found = language(written)
    if found is None:  # pragma: no cover - standardize_tag gives valid tags
        raise TranskitError(L_("{code} is not a language code{hint}", code=repr(code), hint=""))
    return found


def _standard_tag(code: str) -> str | None:
    """ISO 639-2 codes and deprecated spellings (``fra``, ``iw``) langcodes can map."""
    try:
        return to_tag(langcodes.standardize_tag(code.strip().replace("_", "-")))
    except (langcodes.LanguageTagError, ValueError):
        return None


def new_catalog(template: CatalogSource, code: str, *, now: datetime | None = None) -> NewCatalog:
    """The text of a catalog for language ``code`` with every template message untranslated."""
    lang = gettext_code(code)
    rules = known_rules(lang.tag)
    plural_forms = rules[0].header if rules else None
    header = template.header_msgstr
    fields = {
        "PO-Revision-Date": revision_date(now),
        "Language-Team": lang.english_name,
        "Language": lang.code,
        "Content-Type": "text/plain; charset=UTF-8",
    }
    if plural_forms:
        fields["Plural-Forms"] = plural_forms
    for name, value in fields.items():
        header = set_header_field(header, name, value)
    nplurals = usual_plural_count(lang.tag)
    entries = [untranslated(entry, nplurals) for entry in template.catalog.active_entries]
    comments = [line for line in layout(template).header_comments if not _is_fuzzy_flag(line)]
    return NewCatalog(lang, format_catalog(comments, header, entries), plural_forms)


def _is_fuzzy_flag(line: str) -> bool:
    """A template's header is marked fuzzy until someone fills it in; a new catalog's is."""
    return line.startswith("#,") and [f.strip() for f in line[2:].split(",")] == ["fuzzy"]
