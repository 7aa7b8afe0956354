"""``extract`` and ``build``: campaign pages into a template, and back out per language
behind the gate, each one library call (:mod:`transkit.api.content`) and what it did, shown."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from transkit.api.content import build_paths, extract_paths
from transkit.cli.common import config_option, glossary_option, lang_option, main, template_option
from transkit.i18n import _, ngettext, translate
from transkit.project.paths import display_path


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The template to write (.pot); default: the configured template.",
)
@click.option(
    "--source-language",
    metavar="CODE",
    help="The pages' language when it is not English (fr): written in the template's Language header.",
)
@config_option
def extract(
    paths: tuple[Path, ...], output: Path | None, source_language: str | None, config_path: Path | None
) -> None:
    """Take pages apart into a template: one message per heading, paragraph, list item,
    table cell, link title, image alt text and front-matter field.

    PATHS are .md/.markdown/.html/.htm files or folders of them (default: 'content' in
    the configuration). Inline markup becomes placeholder tags (<em>, <a1>…</a1>,
    <code1/>) that translators move but do not change; code, link targets and anything
    after <!-- transkit: skip --> or marked translate="no" stay out. Exit 0, or 2 on a
    page that does not parse (nothing written).

    \b
    transkit extract content -o catalogs/site/site.pot
    transkit extract content/help.md content/index.html -o site.pot
    transkit extract press --source-language fr -o catalogs/press/press.pot
    """
    extracted = extract_paths(paths, output=output, config=config_path, source_language=source_language)
    state = _("written") if extracted.written else _("unchanged")
    summary = _("{count} messages from {pages} pages ({state})").format(
        count=extracted.messages, pages=len(extracted.pages), state=state
    )
    click.echo(f"{display_path(extracted.template)}: {summary}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--catalogs",
    type=click.Path(path_type=Path),
    help="The catalogs folder (with its template); default: the configured one, else ./catalogs.",
)
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path, file_okay=False), help="The folder to build."
)
@lang_option
@click.option(
    "--fallback",
    type=click.Choice(["source"]),
    help="Write an untranslated or fuzzy segment in the source language (marked) instead of holding its page back.",
)
@click.option("--html", "html", is_flag=True, help="Also write a preview site (OUTDIR/preview/) to open in a browser.")
@template_option
@config_option
@glossary_option
def build(
    paths: tuple[Path, ...],
    catalogs: Path | None,
    output: Path,
    languages: tuple[str, ...],
    fallback: str | None,
    html: bool,
    template: Path | None,
    config_path: Path | None,
    glossary_path: Path | None,
) -> None:
    """Write every page in every language, where the gate lets it through.

    PATHS are pages or folders of pages (default: 'content' in the configuration, else
    every page the project's templates were extracted from: each content domain, such as
    the site and the press release, from its own catalogs in one run). Each page is built
    from the catalogs of the domain whose template names it.
    OUTDIR/<lang>/<path> in the page's own format (HTML gets lang and dir); a page is
    built for a language only when every segment it uses is translated and not fuzzy,
    none has an error finding, and the language meets its min-coverage. Held-back pages
    are not written; why is printed and recorded in OUTDIR/build-report.json. In
    right-to-left languages, phone numbers are isolated so they display in order.
    Exit 0 when everything was built, 1 when a page was held back, 2 on bad input
    (nothing written).

    \b
    transkit build -o site --html
    transkit build content --catalogs catalogs -o site
    transkit build content --catalogs catalogs -o site --html --lang ar --lang fr
    transkit build content -o site --fallback source
    """
    built = build_paths(
        paths,
        output=output,
        catalogs=catalogs,
        languages=languages,
        fallback_source=fallback == "source",
        html=html,
        template=template,
        config=config_path,
        glossary=glossary_path,
    )
    for decision in built.decisions:
        if decision.published:
            if decision.isolated:
                numbers = ", ".join(sorted(set(decision.isolated)))
                isolated = _("isolated for right-to-left display: {numbers}").format(numbers=numbers)
                click.echo(f"{decision.page} [{decision.language}]: {isolated}")
            if decision.fallbacks:
                count = len(decision.fallbacks)
                segments = ngettext(
                    "{count} segment in the source language", "{count} segments in the source language", count
                ).format(count=count)
                click.echo(f"{decision.page} [{decision.language}]: {segments}")
            continue
        click.echo(f"{decision.page} [{decision.language}]: {_('held back')}", err=True)
        for reason in decision.reasons:
            where = _("line {line}: ").format(line=reason.line) if reason.line else ""
            about = _(" in {segment}").format(segment=repr(reason.segment)) if reason.segment else ""
            click.echo(f"  {where}{reason.code}: {translate(reason.message)}{about}", err=True)
    published = sum(1 for d in built.decisions if d.published)
    domains = _(" of {count} domains").format(count=len(built.domains)) if len(built.domains) > 1 else ""
    summary = _("Built {published} of {count} pages{domains} in {languages} languages to {output}").format(
        published=published,
        count=len(built.decisions),
        domains=domains,
        languages=len(built.languages),
        output=display_path(built.output),
    )
    held = _("; {count} held back").format(count=len(built.held_back)) if built.held_back else ""
    click.echo(summary + held)
    sys.exit(built.exit_code())
