"""Language identity of a catalog: gettext locale codes normalised with langcodes.

Catalogs name their language in two places, the ``Language`` header and the path
(``fr.po``, ``pt_BR/LC_MESSAGES/site.po``); both are free text written by people, so
everything is normalised to a BCP 47 tag before it is compared or displayed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import langcodes

# gettext's @modifier names a script for a few languages; any other modifier
# (@euro, @valencia, ...) does not change which language the catalog is in.
_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl", "arabic": "Arab", "devanagari": "Deva"}

# Scripts written right to left (ISO 15924).
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi"})


@dataclass(frozen=True)
class Language:
    """A catalog language as users see it: its code, its names, its direction."""

    code: str
    """The code as the catalog writes it (``pt_BR``, ``zh_Hans``)."""
    tag: str
    """The normalised BCP 47 tag (``pt-BR``, ``zh-Hans``)."""
    english_name: str
    native_name: str
    script: str
    """ISO 15924 script, explicit or the likely one for the language (``Latn``, ``Arab``)."""

    @property
    def rtl(self) -> bool:
        """True when the language is written right to left (ar, fa, ps, he, ...)."""
        return self.script in _RTL_SCRIPTS


@lru_cache(maxsize=4096)
def to_tag(code: str) -> str | None:
    """The BCP 47 tag of a gettext or BCP 47 code, or None when it is not a valid one.

    ``pt_BR`` and ``pt-BR`` give ``pt-BR``; ``sr@latin`` gives ``sr-Latn``;
    ``de_DE.UTF-8`` gives ``de-DE``.  Deprecated codes are kept as written (``tl`` stays
    Tagalog, not Filipino), because the catalog author chose them.
    """
    text = code.strip()
    if not text:
        return None
    text, _, modifier = text.partition("@")
    text = text.split(".", 1)[0]  # drop a codeset: de_DE.UTF-8
    text = text.replace("_", "-")
    script = _SCRIPT_MODIFIERS.get(modifier.lower())
    try:
        parsed = langcodes.Language.get(text, normalize=False)
    except (langcodes.LanguageTagError, ValueError):
        return None
    if script and not parsed.script:
        parsed = parsed.update_dict({"script": script})
    if not parsed.language or not parsed.is_valid():
        return None
    return parsed.to_tag()


def base_language(language: Language | None) -> str:
    """The language subtag of a catalog language, lower case (``pt`` of ``pt-BR``); "" for none.

    Rules that depend on the language alone, not its script or region, key on it.
    """
    return language.tag.split("-")[0].lower() if language else ""


@lru_cache(maxsize=512)
def language(code: str) -> Language | None:
    """Everything transkit shows about a language code, or None when it is not valid."""
    tag = to_tag(code)
    if tag is None:
        return None
    parsed = langcodes.Language.get(tag, normalize=False)
    script = parsed.script or langcodes.Language.get(tag).maximize().script or "Zyyy"
    english_name, native_name = _names(tag, parsed)
    return Language(code=code.strip(), tag=tag, english_name=english_name, native_name=native_name, script=script)


_NAMES: dict[str, tuple[str, str]] = {}
"""The English and native name of each tag named so far, or told by :func:`remember_names`."""


def _names(tag: str, parsed: langcodes.Language) -> tuple[str, str]:
    names = _NAMES.get(tag)
    if names is None:
        names = _NAMES[tag] = (parsed.display_name("en"), parsed.autonym())
    return names


def known_names() -> dict[str, tuple[str, str]]:
    """Every tag's names this process has: what a cache can keep for the next one."""
    return dict(_NAMES)


def remember_names(names: Mapping[str, tuple[str, str]]) -> None:
    """Names of tags as an earlier process had them (:func:`known_names`). langcodes reads
    its table of names, a module of some 100,000 of them, the first time it names a
    language: 80 ms of a 1.1 s pre-commit run, which names one."""
    _NAMES.update(names)


_LANGUAGE_TABLES: list[Any] = []
"""The function caches :func:`language_table` marked."""
C = TypeVar("C")


def language_table(cached: C) -> C:
    """Mark a function cache (``functools.lru_cache``) whose entries are each one
    language's tables (its CLDR words, plural rules, stemmer): about a megabyte a language,
    which :func:`forget_language_tables` empties."""
    _LANGUAGE_TABLES.append(cached)
    return cached


def forget_language_tables() -> None:
    """Empty every :func:`language_table`: what a worker process does once it has checked
    a catalog. It gets another language next (one catalog per language, as a large
    project has them), so the tables of the languages it checked before only added up, to
    about 4 MB in each of the two workers by the end of a run over the real corpus's 24
    catalogs, where the run's memory peaks (213–215 MB against 205–208 MB forgotten).
    Building one language's again takes 10–30 ms."""
    for cached in _LANGUAGE_TABLES:
        cached.cache_clear()


def same_language(first: str, second: str) -> bool:
    """Whether two codes can name the same catalog language.

    The base language must agree; a script or region given by both must agree; a script
    given by only one is compared with the likely script of the other (``zh_Hans`` and
    ``zh_CN`` agree, ``zh_Hans`` and ``zh_TW`` do not).  A code that is more general than
    the other (``fr`` and ``fr_BE``) agrees with it.
    """
    tag_a, tag_b = to_tag(first), to_tag(second)
    if tag_a is None or tag_b is None:
        return False
    a = langcodes.Language.get(tag_a, normalize=False)
    b = langcodes.Language.get(tag_b, normalize=False)
    if langcodes.Language.get(a.language or "und").to_tag() != langcodes.Language.get(b.language or "und").to_tag():
        return False
    if a.territory and b.territory and a.territory != b.territory:
        return False
    if a.script or b.script:
        script_a = a.script or a.maximize().script
        script_b = b.script or b.maximize().script
        if script_a != script_b:
            return False
    return True
