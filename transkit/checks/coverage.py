"""Coverage and staleness (family ``C``): what is missing, unfinished or out of date.

These are warnings by default: a partly translated language is normal while a campaign is
being translated, and CI decides with ``--min-coverage`` whether it may ship.
"""

from __future__ import annotations

from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, catalog_check, entry_check
from transkit.i18n import L_
from transkit.model.coverage import parse_date
from transkit.terms.model import Termbase
from transkit.terms.triage import Change, describe_change
from transkit.terms.verify import phone_region


def _quote(text: str, limit: int = 60) -> str:
    flat = text.replace("\n", "\\n")
    return '"' + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + '"'


@catalog_check("C101", "missing-message", Severity.WARNING, needs_template=True)
def missing_message(context: CatalogContext) -> Iterator[Problem]:
    """A message of the template is absent from the catalog.

    The catalog was not merged with the current template (``msgmerge``), so the site shows
    these messages in English.  The finding has no line in the catalog (the message is not
    there); its text names the message's line in the template.

    Bad: the template has ``msgid "Send the report"``, the catalog has no such entry.
    Good: the catalog has the entry, translated.
    """
    if not context.coverage.missing:
        return  # the run's coverage counted none, in the same way (most merged catalogs)
    have = {entry.key for entry in context.catalog.entries if not entry.obsolete}
    template = context.project.template
    for key, source in context.template_index.items():
        if key not in have:
            yield Problem(
                L_(
                    "message missing from the catalog (template {template}:{line})",
                    template=template.display_path,
                    line=source.line,
                ),
                line=None,
                msgctxt=source.msgctxt,
                msgid=source.msgid,
            )


@entry_check(
    "C102", "untranslated-message", Severity.WARNING, applies=Applies.ACTIVE, needs=Fact.EMPTY_FORM, local=True
)
def untranslated_message(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A message of the template has an empty translation, or an empty plural form.

    A plural message is translated only when every ``msgstr[n]`` is filled: an empty
    form shows the English text for the numbers that select it.

    Bad: ``msgstr[0] "%(count)d caractère restant"`` with ``msgstr[1] ""``.
    Good: both forms filled.
    """
    if not entry.has_empty_form or entry.key not in context.template_index:
        return  # the cheaper test first: most messages are translated
    if entry.is_plural and any(entry.msgstr):
        empty = ", ".join(f"msgstr[{n}]" for n, form in enumerate(entry.msgstr) if not form)
        if not entry.fuzzy and _line_feeds_differ(entry):
            # Filled in part, the message is compiled, and msgfmt holds every form, the
            # empty ones too, to the msgid's line feeds (S101/S102 see full messages only).
            yield Problem(
                L_(
                    "plural form left empty: {forms}; msgfmt refuses the catalog, as the msgid and a form do not "
                    "both begin (end) with a line feed",
                    forms=empty,
                ),
                severity=Severity.ERROR,
            )
        else:
            yield Problem(L_("plural form left empty: {forms}", forms=empty))
    else:
        yield Problem(L_("message not translated"))


def _line_feeds_differ(entry: Entry) -> bool:
    """Whether a form does not begin, or end, with a line feed as the msgid does."""
    first, last = entry.msgid.startswith("\n"), entry.msgid.endswith("\n")
    return any(form.startswith("\n") != first or form.endswith("\n") != last for form in entry.msgstr)


@entry_check("C103", "fuzzy-message", Severity.WARNING, applies=Applies.ACTIVE, needs=Fact.FUZZY, local=True)
def fuzzy_message(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A translation is marked fuzzy: it needs review and is not used at run time.

    msgmerge marks a message fuzzy when its source changed and it guessed a translation;
    gettext ignores fuzzy translations, so the site shows English until a translator
    reviews it and removes the flag.

    Bad: ``#, fuzzy`` with ``#| msgid "Send"`` above ``msgid "Send the report"``.
    Good: the translation updated to the new source and the flag removed.
    """
    if not entry.fuzzy or entry.has_empty_form:
        return
    if entry.previous_msgid is not None and entry.source_changed:
        change = _source_change(entry.previous_msgid, entry.msgid, context.termbase)
        yield Problem(
            L_(
                "fuzzy translation needs review: source changed from {previous} ({change})",
                previous=_quote(entry.previous_msgid),
                change=change.summary,
            )
        )
    else:
        yield Problem(L_("fuzzy translation needs review"))


def _source_change(previous: str, current: str, termbase: Termbase) -> Change:
    """:func:`describe_change`, worked out once for every language: msgmerge makes the same
    source change fuzzy in each catalog, and reading it takes the phone number matcher."""
    return termbase.derived(_describe_change, previous, current)


def _describe_change(termbase: Termbase, previous: str, current: str) -> Change:
    return describe_change(previous, current, termbase, phone_region(termbase))


@entry_check("C104", "outdated-source", Severity.WARNING, applies=Applies.ACTIVE, needs=Fact.PREVIOUS, local=True)
def outdated_source(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """A translation is not fuzzy but was made for an older source text.

    The previous source (``#| msgid``) differs from the current one and the fuzzy flag
    was removed without updating the translation, or by a tool that keeps ``#|`` lines.

    Bad: ``#| msgid "Send"`` above ``msgid "Send the report"``, not fuzzy.
    Good: no ``#|`` lines once the translation matches the current source.
    """
    if entry.fuzzy or not entry.source_changed:
        return
    yield Problem(
        L_(
            "translated for an older source {previous} but not marked fuzzy",
            previous=_quote(entry.previous_msgid or ""),
        )
    )


@entry_check("C105", "obsolete-message", Severity.INFO, applies=Applies.ALL, needs=Fact.OBSOLETE, local=True)
def obsolete_message(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An obsolete entry (``#~``) lingers in the catalog.

    msgmerge keeps messages the template dropped as obsolete entries so a translation can
    be recovered; once nobody needs them they only make the file longer.

    Bad: ``#~ msgid "Download the campaign leaflet (PDF)"``.
    Good: the entry removed (``msgattrib --no-obsolete``).
    """
    if entry.obsolete:
        yield Problem(L_("obsolete message kept in the catalog"))


@catalog_check("C106", "catalog-older-than-template", Severity.WARNING, needs_template=True)
def catalog_older_than_template(context: CatalogContext) -> Iterator[Problem]:
    """The catalog was last revised before the template was created.

    Its ``PO-Revision-Date`` is earlier than the template's ``POT-Creation-Date``: no
    translator has worked on it since the source texts last changed.  Not reported when
    its messages are exactly the template's (the date was frozen by a platform).

    Bad: ``PO-Revision-Date: 2023-06-02`` against a template of 2023-07-10.
    Good: a revision after the template's creation.
    """
    catalog, template = context.catalog, context.project.template
    if context.coverage.outdated:  # is_outdated(catalog, template), worked out with the coverage
        yield Problem(
            L_(
                "last revised {revised}, before the template was created ({created})",
                revised=catalog.header_field("PO-Revision-Date"),
                created=template.header_field("POT-Creation-Date"),
            ),
            line=catalog.header_line,
        )


@catalog_check("C107", "catalog-not-merged", Severity.WARNING, needs_template=True)
def catalog_not_merged(context: CatalogContext) -> Iterator[Problem]:
    """The catalog was merged with an older version of the template.

    Its ``POT-Creation-Date`` is earlier than the current template's: it has not been
    updated (``msgmerge``) since the template was regenerated, so new messages are missing
    and changed ones are still translated for their old text.

    Not reported when the catalog's messages are exactly the template's: it has been
    merged, whatever date a platform (Transifex) froze in its header.

    Bad: ``POT-Creation-Date: 2023-03-01`` in the catalog, 2023-07-10 in the template.
    Good: the same date in both.
    """
    catalog, template = context.catalog, context.project.template
    mine = parse_date(catalog.header_field("POT-Creation-Date"))
    current = parse_date(template.header_field("POT-Creation-Date"))
    coverage = context.coverage  # its counts say whether the catalog is in_step with the template
    stepped = coverage.missing == 0 and coverage.extra == 0
    if mine is not None and current is not None and mine < current and not stepped:
        yield Problem(
            L_(
                "merged with the template of {merged}, the current one is of {current}",
                merged=catalog.header_field("POT-Creation-Date"),
                current=template.header_field("POT-Creation-Date"),
            ),
            line=catalog.header_line,
        )


@entry_check(
    "C108",
    "message-not-in-template",
    Severity.WARNING,
    applies=Applies.ACTIVE,
    needs_template=True,
    needs=Fact.NOT_IN_TEMPLATE,
    local=True,
)
def message_not_in_template(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An active message of the catalog is not in the template.

    The template no longer has it (it changed or was removed) and the catalog was not
    merged since, so the translation is never shown.

    Bad: ``msgid "Send"`` in the catalog, ``msgid "Send the report"`` in the template.
    Good: the catalog merged, the old message obsolete or gone.
    """
    if entry.key not in context.template_index:
        yield Problem(L_("message is not in the template"))


@catalog_check("C109", "coverage-below-threshold", Severity.ERROR)
def coverage_below_threshold(context: CatalogContext) -> Iterator[Problem]:
    """The catalog translates less of the template than its configured minimum.

    Set with ``--min-coverage`` or ``min-coverage`` in the configuration, globally or per
    language.  This finding fails the run whatever ``--fail-on`` says.

    Bad: ``min-coverage = 95`` and 45 of 50 messages translated (90 %).
    Good: 48 of 50 translated (96 %).
    """
    minimum = context.options.min_coverage_for(context.catalog)
    cov = context.coverage
    if minimum is not None and cov.percent < minimum:
        yield Problem(
            L_(
                "coverage {percent:g}% ({translated} of {total} messages) is below the minimum of {minimum:g}%",
                percent=cov.percent,
                translated=cov.translated,
                total=cov.total,
                minimum=minimum,
            ),
            line=context.catalog.header_line,
        )


@catalog_check("C110", "catalog-empty", Severity.WARNING)
def catalog_empty(context: CatalogContext) -> Iterator[Problem]:
    """The catalog has no messages (obsolete ones aside).

    Nothing in it is translated: its coverage is that of its template's messages all
    missing (C101 lists them), or, checked without a template, of nothing at all (shown
    as 0/0). Usually a file truncated, or a template extracted with the wrong keywords.

    Bad: a ``fr.po`` of only its header, or of zero bytes.
    Good: ``msgmerge --update fr.po site.pot`` to bring the messages in.
    """
    if not context.catalog.active_entries:
        yield Problem(L_("the catalog has no messages"), line=context.catalog.header_line)
