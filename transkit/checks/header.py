"""The catalog header (family ``H``): language code, charset, dates, near-duplicates.

One header per catalog, so these are catalog checks; they point at the header's line.
``H101`` (the Language header against the path) lives in :mod:`transkit.checks.language`,
the Plural-Forms checks (H104-H109) in :mod:`transkit.checks.plural_forms`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

import langcodes

from transkit.checks.api import CatalogContext, Entry, Problem, Severity, catalog_check
from transkit.i18n import L_, join
from transkit.model.languages import to_tag


@catalog_check("H102", "language-header-missing", Severity.WARNING)
def language_header_missing(context: CatalogContext) -> Iterator[Problem]:
    """The catalog has no ``Language`` header.

    Editors, ``msgfmt --check-header`` and translation platforms read the language from
    the header, not from the file name; without it a catalog moved or renamed loses
    its language, and with neither header nor path language transkit cannot check its
    plural rule or its script.

    Bad: a header without ``"Language: ..."``.
    Good: ``"Language: fa\\n"`` in ``fa/LC_MESSAGES/site.po``.
    """
    catalog = context.catalog
    if catalog.header_language:
        return
    if catalog.path_language:
        yield Problem(
            L_('no Language header (the path says {code!r}): add "Language: {code}"', code=catalog.path_language),
            line=catalog.header_line,
        )
    else:
        yield Problem(
            L_(
                "no Language header, and the path names no language: plural rules and language checks cannot be applied"
            ),
            line=catalog.header_line,
        )


@catalog_check("H103", "language-code-invalid", Severity.ERROR)
def language_code_invalid(context: CatalogContext) -> Iterator[Problem]:
    """The ``Language`` header is not a valid language code.

    gettext looks up plural rules and locale data by this code; a name (``French``) or a
    made-up code (``en_UK``) is matched to nothing, so tools guess or fall back to
    English rules.  The message suggests the code langcodes recognises, when it can.  A
    code understood but not written as gettext writes codes (``LA``, ``la.UTF-8``: the
    charset belongs to ``Content-Type``) is a warning.

    Bad: ``"Language: French\\n"``, ``"Language: en_UK\\n"``.
    Good: ``"Language: fr\\n"``, ``"Language: en_GB\\n"``.
    """
    value = context.catalog.header_language
    if not value:
        return
    if to_tag(value) is not None:
        written = _gettext_spelling(value)
        if written != value:
            # gettext and locale lookups compare codes as written: "LA" and "la.UTF-8"
            # name Latin for langcodes, for nothing else (issue 17, i18nspector's
            # invalid-language). Understood, so a warning.
            yield Problem(
                L_(
                    "Language {value!r} is not written as gettext writes language codes; write {written!r}",
                    value=value,
                    written=written,
                ),
                line=context.catalog.header_line,
                severity=Severity.WARNING,
            )
        return
    suggestion = suggest_language_code(value)
    problem = (
        L_(
            "Language {value!r} is not a valid language code; did you mean {suggestion!r}?",
            value=value,
            suggestion=suggestion,
        )
        if suggestion
        else L_("Language {value!r} is not a valid language code", value=value)
    )
    yield Problem(problem, line=context.catalog.header_line)


def _gettext_spelling(value: str) -> str:
    """A valid code as gettext writes it: no codeset (Content-Type says the charset),
    the language in small letters, a region in capitals, a script capitalised
    (``LA`` → ``la``, ``la.UTF-8`` → ``la``, ``pt_br`` → ``pt_BR``, ``zh_hans`` → ``zh_Hans``)."""
    code, at, modifier = value.strip().partition("@")
    code = code.split(".", 1)[0]
    parts = re.split(r"([_-])", code)
    out = [parts[0].lower()]
    for separator, part in zip(parts[1::2], parts[2::2]):
        if len(part) == 4 and part.isalpha():
            part = part.capitalize()
        elif len(part) in (2, 3):
            part = part.upper()
        out.append(separator + part)
    return "".join(out) + (at + modifier if at else "")


def suggest_language_code(value: str) -> str | None:
    """A valid gettext code for a wrong one: ``en_UK`` → ``en_GB``, ``French`` → ``fr``."""
    text = value.strip().replace("_", "-")
    try:
        standard = langcodes.standardize_tag(text)
    except (langcodes.LanguageTagError, ValueError):
        standard = None
    if standard and to_tag(standard):
        return standard.replace("-", "_")
    if len(text) >= 3 and re.fullmatch(r"[^\W\d_][^\d_]*", text.replace("-", " ")):
        try:  # a language name, in English or in the language itself
            found = langcodes.find(text).to_tag()
        except LookupError:
            return None
        return found.replace("-", "_") if to_tag(found) else None
    return None


# ---------------------------------------------------------------------- plural forms


_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)


@catalog_check("H110", "charset-not-utf8", Severity.WARNING)
def charset_not_utf8(context: CatalogContext) -> Iterator[Problem]:
    """The catalog's ``Content-Type`` declares no charset, or one other than UTF-8.

    A legacy charset cannot hold every language's letters, so the next translator or
    merge corrupts them; a missing charset or a non-portable spelling (``utf8``) makes
    ``msgfmt`` warn and message conversion fail on some systems.

    Bad: ``"Content-Type: text/plain; charset=ISO-8859-1\\n"``.
    Good: ``"Content-Type: text/plain; charset=UTF-8\\n"``.
    """
    value = context.catalog.header_field("Content-Type")
    line = context.catalog.header_line
    match = _CHARSET.search(value or "")
    if match is None:
        yield Problem(
            L_('Content-Type declares no charset: write "Content-Type: text/plain; charset=UTF-8"'), line=line
        )
        return
    name = match.group(1).strip("\"'")
    if name.upper() == "UTF-8":
        return
    if name.upper() == "CHARSET":
        yield Problem(L_("charset is still the template's placeholder CHARSET: write charset=UTF-8"), line=line)
        return
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        canonical = ""
    if canonical == "utf-8":
        yield Problem(L_("charset {name!r} is not the portable name: write charset=UTF-8", name=name), line=line)
    else:
        yield Problem(
            L_("charset is {name}, not UTF-8: convert the catalog (msgconv --to-code=UTF-8)", name=name), line=line
        )


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})([+-])(\d{2})(\d{2})")
_DATE_PLACEHOLDER = "YEAR-MO-DA HO:MI+ZONE"


@catalog_check("H111", "header-date-malformed", Severity.WARNING)
def header_date_malformed(context: CatalogContext) -> Iterator[Problem]:
    """A ``POT-Creation-Date`` or ``PO-Revision-Date`` is not ``YYYY-MM-DD HH:MM+ZZZZ``.

    Tools compare these dates to tell whether a catalog is older than its template
    (``C106``) and to sort revisions; a date they cannot read hides that.  In a catalog
    the template's ``YEAR-MO-DA HO:MI+ZONE`` placeholder means the header was never
    filled in.  An absent date is not reported.

    Bad: ``"PO-Revision-Date: 18/07/2023 11:20\\n"``.
    Good: ``"PO-Revision-Date: 2023-07-18 11:20+0200\\n"``.
    """
    catalog = context.catalog
    for name in ("POT-Creation-Date", "PO-Revision-Date"):
        value = catalog.header_field(name)
        if value is None:
            continue
        reason = _date_problem(value.strip())
        if reason:
            yield Problem(
                L_("{field} {value!r} {reason}", field=name, value=value.strip(), reason=reason),
                line=catalog.header_line,
            )


def _date_problem(value: str) -> str | None:
    if value == _DATE_PLACEHOLDER:
        return L_("is still the template's placeholder")
    match = _DATE.fullmatch(value)
    if match is None:
        return L_("is not YYYY-MM-DD HH:MM+ZZZZ")
    year, month, day, hour, minute, _sign, zone_hours, zone_minutes = match.groups()
    try:
        dt.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError as error:
        return L_("is not a real date and time ({error})", error=str(error))
    if int(zone_hours) > 14 or int(zone_minutes) > 59:
        return L_("has an impossible time zone offset")
    return None


# -------------------------------------------------------------------- near duplicates


def _visible(text: str) -> str:
    """What a translator sees: composed characters, whitespace runs as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@catalog_check("H112", "near-duplicate-message", Severity.WARNING)
def near_duplicate_message(context: CatalogContext) -> Iterator[Problem]:
    """Two messages differ only in whitespace or Unicode normalisation.

    gettext refuses exact duplicates (the loader reports them), but ``"Send"`` and
    ``"Send "``, or ``"é"`` composed and decomposed, are two messages to gettext that a
    translator sees as one: one gets translated, the other is left behind or drifts.
    Usually the source code should use one string.  Reported at the later message.

    Bad: ``msgid "Report a case"`` and ``msgid "Report a case "`` in one catalog.
    Good: one ``msgid "Report a case"``.
    """
    seen: dict[tuple[str, str], Entry] = {}
    known = context.per_run(_visible_template_keys)
    for entry in context.catalog.entries:
        if entry.obsolete:
            continue
        key = known.get((entry.msgctxt, entry.msgid)) or _visible_key(entry.msgctxt, entry.msgid, context)
        first = seen.setdefault(key, entry)
        if first is entry:
            continue
        yield Problem(
            L_(
                "differs from the message at line {line} only by {difference}",
                line=first.line,
                difference=_difference(first, entry),
            ),
            line=entry.line,
            msgctxt=entry.msgctxt,
            msgid=entry.msgid,
        )


def _visible_key(msgctxt: str | None, msgid: str, context: CatalogContext) -> tuple[str, str]:
    # The same texts in every language: each is made visible once per run.
    return (context.for_source(_visible, msgctxt or ""), context.for_source(_visible, msgid))


def _visible_template_keys(context: CatalogContext) -> dict[tuple[str | None, str], tuple[str, str]]:
    """The visible key of each of the template's messages, by its key: most of a catalog's
    messages, looked up at once instead of made visible field by field in every language."""
    return {key: _visible_key(key[0], key[1], context) for key in context.template_index}


def _difference(first: Entry, second: Entry) -> str:
    parts = []
    for what, a, b in (("msgctxt", first.msgctxt, second.msgctxt), ("msgid", first.msgid, second.msgid)):
        if a == b:
            continue
        if not a and not b:
            parts.append(L_("an empty msgctxt against none"))
            continue
        a, b = a or "", b or ""
        if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b):
            parts.append(L_("Unicode normalisation of the {keyword} (composed vs decomposed characters)", keyword=what))
        elif a.rstrip() == b.rstrip():
            parts.append(L_("trailing whitespace in the {keyword}", keyword=what))
        elif a.lstrip() == b.lstrip():
            parts.append(L_("leading whitespace in the {keyword}", keyword=what))
        else:
            parts.append(L_("whitespace in the {keyword}", keyword=what))
    return join(" and ", parts) if len(parts) < 2 else L_("{first} and {second}", first=parts[0], second=parts[1])


# msgcat's mark where it merged catalogs that disagree: "#-#-#-#-#  fr.po (Project 1.0)  #-#-#-#-#".
CONFLICT_MARKER = re.compile(r"#-#-#-#-#  .*  #-#-#-#-#")


@catalog_check("H113", "header-missing", Severity.ERROR)
def header_missing(context: CatalogContext) -> Iterator[Problem]:
    """The catalog has no header entry (``msgid ""``); an empty file has none.

    ``msgfmt --check`` refuses such a catalog ("PO file header missing or invalid"), and
    without a header nothing says the charset, the language or the plural rule, so
    ``msgfmt`` cannot convert the text and gettext picks English plural forms.

    Bad: a file that starts with ``msgid "Help"``, or an empty file.
    Good: a first entry ``msgid ""`` / ``msgstr "Language: fr\\n" "Content-Type: ..."``.
    """
    catalog = context.catalog
    if catalog.header_position >= 0:
        return
    if not catalog.entries:
        yield Problem(L_('empty catalog: no header entry (msgid "") and no messages'), line=1)
    else:
        yield Problem(L_('no header entry (msgid ""): msgfmt --check refuses the catalog'), line=1)


@catalog_check("H114", "header-not-first", Severity.WARNING)
def header_not_first(context: CatalogContext) -> Iterator[Problem]:
    """The header entry (``msgid ""``) is not the first entry of the file.

    msgfmt finds it anywhere, but editors and scripts look for the header at the top,
    and transkit's rewriting commands (``fix``, ``update``) refuse to rewrite such a file.

    Bad: ``msgid "Help"`` ... then ``msgid ""`` / ``msgstr "Language: fr\\n"``.
    Good: the header entry first (``msgcat`` puts it there).
    """
    catalog = context.catalog
    if catalog.header_position > 0:
        yield Problem(
            L_('the header entry (msgid "") is not the first entry: move it to the top'), line=catalog.header_line
        )


@catalog_check("H115", "header-line-malformed", Severity.WARNING)
def header_line_malformed(context: CatalogContext) -> Iterator[Problem]:
    """A line of the header is not ``Name: value`` (a colon forgotten).

    msgfmt ignores the line, so the field it was meant to be is missing: ``MIME-Version
    1.0`` sets no MIME-Version, ``Language fr`` no language.

    Bad: ``"MIME-Version 1.0\\n"``.
    Good: ``"MIME-Version: 1.0\\n"``.
    """
    catalog = context.catalog
    for raw in catalog.header_stray_lines:
        if not CONFLICT_MARKER.search(raw):
            yield Problem(
                L_("header line {text!r} is not 'Name: value': the field is ignored", text=raw[:60]),
                line=catalog.header_line,
            )


@catalog_check("H116", "header-conflict-marker", Severity.ERROR)
def header_conflict_marker(context: CatalogContext) -> Iterator[Problem]:
    """The header holds msgcat's conflict markers: catalogs were merged and not resolved.

    ``msgcat`` writes ``#-#-#-#-#  file  #-#-#-#-#`` lines where the merged catalogs
    disagree; the header then mixes the fields of several files, and the messages
    usually hold the same markers (S105).

    Bad: ``"#-#-#-#-#  fr.po (Helpline 1.0)  #-#-#-#-#\\n"`` in the header.
    Good: one header, the conflicts resolved (or ``msgcat --use-first``).
    """
    catalog = context.catalog
    for raw in catalog.header_stray_lines:
        if CONFLICT_MARKER.search(raw):
            yield Problem(
                L_("unresolved msgcat conflict marker {text!r} in the header", text=raw[:60]), line=catalog.header_line
            )
