"""Markup that must survive translation (family ``M``, ``M131``–``M142``): HTML and XML
tags, their attributes, and character references.

A lost ``<a>`` removes a link, a lost ``</strong>`` makes the rest of the page bold, a
lost ``&nbsp;`` breaks a phone number across lines.  Tags are compared by kind and name
and may move within the sentence (:mod:`transkit.text.markup`); links in attributes are
compared as URLs, and may move between the domains of one ``url`` term of the termbase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Problem, Severity, entry_check
from transkit.checks.content import owned_by_termbase
from transkit.i18n import L_, Ln_, Message
from transkit.model.forms import per_form, quote
from transkit.model.languages import Language
from transkit.po.plural_forms import form_pairs
from transkit.text.links import covering_term, same_url, url_parts
from transkit.text.markup import Tag, entities, invalid_entities, missing_entities, tag_changes, tags

# Attributes whose value is text for people and is translated with the message.
TRANSLATABLE_ATTRIBUTES = frozenset(
    "alt title placeholder label summary abbr content value lang xml:lang hreflang dir "
    "aria-label aria-description aria-roledescription aria-valuetext aria-placeholder".split()
)


def _show(tag: Tag) -> str:
    return tag.text if len(tag.text) <= 60 else tag.text[:59] + "…"


def _tags(found: list[Tag]) -> str:
    return ", ".join(quote(_show(tag)) for tag in found)


def attribute_changes(
    source: str, translation: str, language: Language | None = None, url_terms: list[frozenset[str]] | None = None
) -> list[Message]:
    """Attributes changed between the n-th tags of each kind and name, as messages.

    Translatable attributes (``alt``, ``title``, ``aria-label``…) are skipped; links
    are compared as URLs (see :func:`same_url`) and may move between the domains of one
    url term of the termbase.
    """
    groups = url_terms or []
    messages: list[Message] = []
    pending: dict[tuple[str, str], list[Tag]] = {}
    for tag in tags(translation):
        pending.setdefault(tag.identity, []).append(tag)
    for tag in tags(source):
        queue = pending.get(tag.identity)
        if not queue:
            continue
        other = queue.pop(0)
        mine, theirs = dict(tag.attributes), dict(other.attributes)
        for name in sorted(set(mine) | set(theirs)):
            if name in TRANSLATABLE_ATTRIBUTES:
                continue
            before, after = mine.get(name), theirs.get(name)
            if before == after:
                continue
            if before is not None and after is not None and name in ("href", "src", "action", "cite"):
                if same_url(before, after, language):
                    continue
                term = covering_term(url_parts(before)[0], groups)
                if term is not None and term == covering_term(url_parts(after)[0], groups):
                    continue
            where = f"<{tag.name}>"
            if after is None:
                messages.append(
                    L_(
                        "{tag}: attribute {name}={value} of the source is missing",
                        tag=where,
                        name=name,
                        value=quote(before or ""),
                    )
                )
            elif before is None:
                messages.append(
                    L_("{tag}: attribute {name}={value} is not in the source", tag=where, name=name, value=quote(after))
                )
            else:
                same_site = name in _LINKS and url_parts(before)[0] and url_parts(before)[0] == url_parts(after)[0]
                values = {"tag": where, "name": name, "before": quote(before), "after": quote(after)}
                messages.append(
                    L_("{tag}: {name}={before} became {name}={after} (another page of the same site)", **values)
                    if same_site
                    else L_("{tag}: {name}={before} became {name}={after}", **values)
                )
    return messages


_LINKS = ("href", "src", "action", "cite")
SAME_SITE = " (another page of the same site)"
"""Marks a link changed within its site (Sphinx's French catalog links to the French
documentation): maybe a localisation, maybe a stale page; a warning for a reviewer."""


def _forms_with(entry: Entry, context: CatalogContext, char: str) -> list[tuple[int, str, str]]:
    """The message's forms (:func:`form_pairs`), or none when none of its texts has
    ``char``: every tag starts with ``<`` and every entity with ``&``, and most messages
    have neither, which this tells before any form is paired or read."""
    if char in entry.msgid or char in (entry.msgid_plural or "") or char in "".join(entry.msgstr):
        return form_pairs(entry, context.catalog)
    return []


@entry_check("M131", "tag-missing", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.MARKUP, local=True)
def tag_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An HTML or XML tag of the source is missing from the translation.

    A lost ``<a>`` removes a link, a lost ``</strong>`` makes the rest of the page bold.
    Tags may move within the sentence; each must be there as often as in the source.  A
    tag replaced by another of its kind is reported here as changed (``<b>`` became
    ``<strong>``), not also as added.

    A lost pair of emphasis tags (``<strong>…</strong>``, ``<em>``), which breaks nothing,
    is a warning.

    Bad: ``msgid "<a href=\\"/help\\">Get help</a>"`` → ``msgstr "Obtenir de l’aide"``.
    Good: ``msgstr "<a href=\\"/help\\">Obtenir de l’aide</a>"``.
    """
    found: list[tuple[int, str]] = []
    emphasis: list[tuple[int, str]] = []
    for index, source, translation in _forms_with(entry, context, "<"):
        missing, changed, _ = tag_changes(source, translation)
        if missing:
            if _only_emphasis_pairs(missing):
                emphasis.append(
                    (
                        index,
                        Ln_(
                            "tag {tags} of the source is missing from the translation (emphasis only)",
                            "tags {tags} of the source are missing from the translation (emphasis only)",
                            len(missing),
                            tags=_tags(missing),
                        ),
                    )
                )
            else:
                found.append(
                    (
                        index,
                        Ln_(
                            "tag {tags} of the source is missing from the translation",
                            "tags {tags} of the source are missing from the translation",
                            len(missing),
                            tags=_tags(missing),
                        ),
                    )
                )
        for before, after in changed:
            found.append(
                (index, L_("tag {before} became {after}", before=quote(_show(before)), after=quote(_show(after))))
            )
    yield from per_form(entry, found)
    for problem in per_form(entry, emphasis):
        yield Problem(problem.message, severity=Severity.WARNING)


_EMPHASIS = frozenset("b strong i em u s small mark code kbd tt big sub sup".split())


def _only_emphasis_pairs(missing: list[Tag]) -> bool:
    """Whether what is missing is whole pairs of emphasis tags without attributes: the
    words lose their bold or italics, nothing breaks and no link is lost; a reviewer
    should look, a release need not wait (``<strong>enable</strong>`` in Japanese)."""
    opened = Counter(t.name for t in missing if t.kind == "open")
    closed = Counter(t.name for t in missing if t.kind == "close")
    return (
        opened == closed
        and all(t.name in _EMPHASIS and not t.attributes for t in missing)
        and all(t.kind in ("open", "close") for t in missing)
    )


@entry_check("M132", "tag-added", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.MARKUP, local=True)
def tag_added(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has an HTML or XML tag that its source does not have.

    A warning, not an error: a translator may add a ``<br>`` on purpose, but an added tag
    may also be left unclosed or carry markup nobody reviewed.  A tag that replaces one of
    the source is reported by ``M131``.

    Bad: ``msgid "Send"`` → ``msgstr "<b>Envoyer"``.
    Good: ``msgstr "Envoyer"``.
    """
    found = []
    for index, source, translation in _forms_with(entry, context, "<"):
        added = tag_changes(source, translation)[2]
        if added:
            found.append(
                (
                    index,
                    Ln_(
                        "tag {tags} is not in the source",
                        "tags {tags} are not in the source",
                        len(added),
                        tags=_tags(added),
                    ),
                )
            )
    return per_form(entry, found)


@entry_check("M133", "tag-attribute-changed", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.MARKUP, local=True)
def tag_attribute_changed(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An attribute of a tag differs from the source's: a link, a class, an id.

    Attributes people read (``alt``, ``title``, ``aria-label``, ``placeholder``) are
    translated and not compared; a link may change its ``/en/`` segment to the
    catalog's language.  A link moved to another page of the same site (an absolute URL,
    its host unchanged) is a warning: often the localised page.

    Bad: ``msgid "<a href=\\"/help\\">Help</a>"`` → ``msgstr "<a href=\\"/aide\\">Aide</a>"``.
    Good: ``msgstr "<a href=\\"/help\\">Aide</a>"``.
    """
    found: list[tuple[int, str]] = []
    same_site: list[tuple[int, str]] = []
    for index, source, translation in _forms_with(entry, context, "<"):
        url_terms = owned_by_termbase(context)["url_terms"]
        for message in attribute_changes(source, translation, context.catalog.language, url_terms):
            (same_site if message.endswith(SAME_SITE) else found).append((index, message))
    yield from per_form(entry, found)
    for problem in per_form(entry, same_site):
        yield Problem(problem.message, severity=Severity.WARNING)


@entry_check("M141", "entity-missing", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.ENTITY, local=True)
def entity_missing(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """An HTML entity of the source is absent, and so is the character it stands for.

    ``&nbsp;`` keeps a number or a name on one line, ``&lt;`` shows a literal ``<``.  The
    character itself, or another no-break space, is as good as the entity.  A warning:
    the wording may have made it unnecessary.

    Bad: ``msgid "Call 078&nbsp;055&nbsp;800"`` → ``msgstr "Appelez le 078 055 800"``.
    Good: ``msgstr "Appelez le 078&nbsp;055&nbsp;800"``.
    """
    found = []
    for index, source, translation in _forms_with(entry, context, "&"):
        for entity in missing_entities(source, translation):
            found.append(
                (index, L_("entity {entity} of the source is missing, and so is its character", entity=entity))
            )
    return per_form(entry, found)


@entry_check("M142", "invalid-entity", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.ENTITY, local=True)
def invalid_entity(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a character reference that is not valid.

    An unknown name (``&nbps;``) or an impossible code point is shown as typed; a
    reference without its semicolon (``&nbsp``) is reported where the source is markup.

    Bad: ``msgstr "Appelez le 078&nbps;055&nbsp;800"``.
    Good: ``msgstr "Appelez le 078&nbsp;055&nbsp;800"``.
    """
    found = []
    for index, source, translation in _forms_with(entry, context, "&"):
        invalid = invalid_entities(translation)
        if not invalid:
            continue  # the common case: the source need not be read
        markup = bool(entities(source) or tags(source))
        known = set(invalid_entities(source))
        for entity in invalid:
            if entity in known or (not entity.endswith(";") and not markup):
                continue
            if not entity.endswith(";"):
                found.append((index, L_("{entity} misses its semicolon", entity=quote(entity))))
            else:
                found.append((index, L_("{entity} is not a valid character reference", entity=quote(entity))))
    return per_form(entry, found)
