"""A benchmark corpus of real catalogs: Django's core and admin and Sphinx, per language.

Not part of the test run. Needs pip (to download the wheels, the first time), GNU gettext
(``msgcat``) and polib:

    python bench/real_corpus.py OUTDIR [--cache DIR] [--copies 15] [--languages 24]

The wheels are downloaded by ``bench/real_catalogs.py``'s code (``pip download``, into the
cache folder outside the repository, ``~/.cache/transkit-bench`` unless ``--cache`` says
otherwise; ``/work/cache-precision`` already holds them on the project's machine). How the
corpus is made, exactly:

1. The sources, per language: Django 6.1.3's core catalog (``django/conf/locale/L/
   LC_MESSAGES/django.po``), its admin catalog (``django/contrib/admin/locale/L/...``) and
   Sphinx 9.0.4's ``sphinx/locale/L/LC_MESSAGES/sphinx.po`` (Sphinx names Chinese ``zh_CN``
   and ``zh_TW``, Django ``zh_Hans`` and ``zh_Hant``: they are matched). The languages are
   those all three translate; the ``--languages`` ones with the most translated messages
   over the three are kept (ties by name), so every catalog is substantially translated.
2. Each language's catalog is ``msgcat --use-first core admin sphinx``: one catalog, the
   header of Django's core catalog, a message the three share translated as the first
   has it. The template is ``msgcat --use-first`` of the three templates (Django ships no
   template: its English catalogs, all msgstr empty, are the template, as
   ``real_catalogs.py`` stages them; Sphinx ships ``sphinx.pot``). So every catalog and the
   template hold the union of the three sources' messages (1,433 in the template).
3. ``--copies N`` repeats every active message of the catalogs and the template N times;
   copy k > 1 carries the message context ``copy k`` (or ``CTX (copy k)`` when it had one),
   so that the copies are distinct messages. This is how a corpus the size of issue 19's
   (about 21,700 messages per catalog, 79 MB) is reached from real translations: the
   three sources hold only about 1,430 messages per language. Repetition flatters a tool
   that remembers what it has analysed (transkit caches analyses of a text per catalog;
   dennis, i18nspector and msgfmt do not): ``--copies 1`` gives the corpus without it.
   Copies are written by polib (wrapped at 78 columns, as polib does); with ``--copies 1``
   the files are msgcat's.

OUTDIR receives ``catalogs/<lang>.po``, ``catalogs/real.pot`` and ``glossary/`` (a copy of
the campaign termbase, ``glossary/campaign.toml``), the layout ``bench/run.py`` reads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from real_catalogs import DEFAULT_CACHE, stage

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("django-6.1.3-core", "django-6.1.3-admin", "sphinx-9.0.4")
SPHINX_NAMES = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}


def source_file(folder: Path, project: str, language: str) -> Path:
    """The catalog of ``language`` in a staged project (Sphinx's names for Chinese)."""
    domain = "sphinx" if project.startswith("sphinx") else "django"
    name = SPHINX_NAMES.get(language, language) if domain == "sphinx" else language
    return folder / name / "LC_MESSAGES" / f"{domain}.po"


def template_file(folder: Path) -> Path:
    return next(folder.glob("*.pot"))


def languages(folders: dict[str, Path], count: int) -> list[str]:
    """The ``count`` languages all sources translate, most translated messages first."""
    django = {p.name for p in folders[SOURCES[0]].iterdir() if p.is_dir()}
    common = sorted(lang for lang in django if all(source_file(folders[s], s, lang).exists() for s in SOURCES))
    translated = {
        lang: sum(len(polib.pofile(str(source_file(folders[s], s, lang))).translated_entries()) for s in SOURCES)
        for lang in common
    }
    return sorted(common, key=lambda lang: (-translated[lang], lang))[:count]


def msgcat(inputs: list[Path], output: Path) -> None:
    subprocess.run(["msgcat", "--use-first", "-o", str(output), *map(str, inputs)], check=True)


def tile(path: Path, copies: int) -> None:
    """Append copies 2..N of every active message, each with its own message context."""
    if copies == 1:
        return
    catalog = polib.pofile(str(path), wrapwidth=78)
    active = [e for e in catalog if not e.obsolete]
    obsolete = [e for e in catalog if e.obsolete]
    out = polib.POFile(wrapwidth=78)
    out.header, out.metadata = catalog.header, catalog.metadata
    out.metadata_is_fuzzy = catalog.metadata_is_fuzzy
    for k in range(1, copies + 1):
        for entry in active:
            if k == 1:
                out.append(entry)
                continue
            copy = polib.POEntry(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr=entry.msgstr,
                msgstr_plural=dict(entry.msgstr_plural),
                msgctxt=f"{entry.msgctxt} (copy {k})" if entry.msgctxt else f"copy {k}",
                flags=list(entry.flags),
                comment=entry.comment,
                tcomment=entry.tcomment,
                occurrences=list(entry.occurrences),
                previous_msgid=entry.previous_msgid,
                previous_msgid_plural=entry.previous_msgid_plural,
                previous_msgctxt=entry.previous_msgctxt,
            )
            out.append(copy)
    for entry in obsolete:
        out.append(entry)
    out.save(str(path))


def build(outdir: Path, cache: Path, copies: int, count: int) -> None:
    folders = {project: stage(cache, project) for project in SOURCES}
    chosen = languages(folders, count)
    catalogs = outdir / "catalogs"
    if catalogs.exists():
        shutil.rmtree(catalogs)
    catalogs.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        # The templates are staged under their own names; msgcat reads them in this order.
        templates = []
        for project in SOURCES:
            copy = Path(tmp) / f"{project}.pot"
            shutil.copy(template_file(folders[project]), copy)
            templates.append(copy)
        msgcat(templates, catalogs / "real.pot")
    tile(catalogs / "real.pot", copies)
    for lang in chosen:
        target = catalogs / f"{lang}.po"
        msgcat([source_file(folders[s], s, lang) for s in SOURCES], target)
        tile(target, copies)
    glossary = outdir / "glossary"
    if glossary.exists():
        shutil.rmtree(glossary)
    shutil.copytree(ROOT / "glossary", glossary)
    size = sum(p.stat().st_size for p in catalogs.iterdir())
    messages = sum(1 for e in polib.pofile(str(catalogs / "real.pot")) if not e.obsolete)
    print(
        f"{outdir}: {len(chosen)} catalogs ({', '.join(chosen)}) and real.pot, "
        f"{messages:,} messages in the template, {size / 2**20:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="where the wheels are downloaded and staged")
    parser.add_argument("--copies", type=int, default=15, help="times every message is repeated (default 15)")
    parser.add_argument("--languages", type=int, default=24, help="number of catalogs (default 24)")
    args = parser.parse_args()
    if shutil.which("msgcat") is None:
        sys.exit("GNU msgcat is needed (gettext)")
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    cache = Path(args.cache).expanduser()
    cache.mkdir(parents=True, exist_ok=True)
    build(args.outdir.resolve(), cache, args.copies, args.languages)


if __name__ == "__main__":
    main()
