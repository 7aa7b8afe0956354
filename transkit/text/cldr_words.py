"""How a language writes the English names CLDR records (through Babel): months, days,
day periods (``a.m.``), languages, territories and scripts.

An untranslated copy of one English word is often right: Malay writes « November »,
Galician abbreviates March « mar », German calls Interlingua « Interlingua », French
writes « Options ».  Without a dictionary of the language a copy cannot be told from a
cognate, except for the names CLDR records in both languages: there the language's own
data says whether the copy is its word (Malay « November ») or English left behind
(« Punjabi » where Afrikaans writes « Pandjabi »).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from transkit.model.languages import Language, language_table
from transkit.po.plural_rules import locale_data

Item = tuple[str, Any]
"""What a name names: ``("months", 11)``, ``("languages", "pa")``, ``("day_periods", "am")``."""


def _key(text: str) -> str:
    """The comparable form of a name: no case, no spaces, no full stops (``a. m.``,
    ``a.m.`` and ``AM`` are one name; ``Sept.`` is ``sept``)."""
    return "".join(text.split()).replace(".", "").casefold()


def _part(data: Any, part: str) -> Any:
    """A part of a locale's CLDR data, or an empty one where the data has none."""
    return data.get(part) or {}


def _names(data: Any) -> Iterator[tuple[Item, str]]:
    """Every (item, name) of a locale's CLDR data, in every context and width."""
    for part in ("months", "days", "day_periods"):
        for widths in _part(data, part).values():  # format, stand-alone
            for names in widths.values():  # wide, abbreviated, narrow (left out: one letter)
                for item, name in names.items():
                    if len(_key(name)) > 1:
                        yield (part, item), name
    for part in ("languages", "territories", "scripts"):
        for item, name in _part(data, part).items():
            yield (part, item), name


def _merged_data(code: str) -> Any:
    """A locale's CLDR data merged with its parents' (``fr_CA`` over ``fr`` over root).

    Merged here from each locale's own data (:func:`locale_data`), never through Babel's
    cache, so that neither transkit's answers nor a Python user's ``babel.Locale`` depend
    on what ran before."""
    from babel import localedata
    from babel.core import get_global

    chain = []
    name = code
    while name != "root":
        chain.append(name)
        name = get_global("parent_exceptions").get(name) or "_".join(name.split("_")[:-1]) or "root"
    data: dict[str | int | None, Any] = {}
    for name in ["root", *reversed(chain)]:
        localedata.merge(data, locale_data(name))
    return localedata.LocaleDataDict(data)


@language_table
@lru_cache(maxsize=64)  # one per language of a run
def _by_item(tag: str, inherited: bool = False) -> dict[Item, frozenset[str]] | None:
    """The names of a language's CLDR data by item, or None when Babel has no data for it.
    What the language inherits from CLDR's root ("M03", "AM") is left out unless
    ``inherited``: it is no word of the language's own."""
    from babel import localedata

    for code in dict.fromkeys((tag.replace("-", "_"), tag.split("-")[0])):
        if not localedata.exists(code):
            continue
        root = set() if inherited else set(_names(_merged_data("root")))
        found: dict[Item, set[str]] = defaultdict(set)
        for item, name in _names(_merged_data(code)):
            if (item, name) not in root:
                found[item].add(name)
        return {item: frozenset(names) for item, names in found.items()}
    return None


@lru_cache(maxsize=1)
def _english_items() -> dict[str, frozenset[Item]]:
    """What each English CLDR name names, by its comparable form."""
    found: dict[str, set[Item]] = defaultdict(set)
    for item, names in (_by_item("en", inherited=True) or {}).items():
        for name in names:
            found[_key(name)].add(item)
    return {key: frozenset(items) for key, items in found.items()}


def left_in_english(word: str, language: Language | None) -> tuple[str, ...] | None:
    """How ``language`` writes the English CLDR name ``word`` (a month, a day, a day
    period, a language, a territory, a script), when none of its names is ``word``:
    English left behind.  None when the language writes it as English does, or when
    ``word`` is no such name or the language has no CLDR data of its own, which leaves
    nothing to compare.

    A name is written alike but for case, spaces and full stops (``a. m.``); a name with
    the word "language" added (Igbo « Asụsụ Tatar », Turkmen « hindi dili ») writes the
    language's name as English does; a month or day copied in three letters or more that
    begin the language's name of it is the language's own abbreviation (Spanish « sep »
    of « septiembre »).
    """
    items = _english_items().get(_key(word))
    if not items or language is None:
        return None
    own = _by_item(language.tag)
    if own is None:
        return None
    key = _key(word)
    names: set[str] = set()
    for item in items:
        for name in own.get(item, ()):
            if _key(name) == key or key in map(_key, name.split()):
                return None
            if item[0] in ("months", "days") and len(key) >= 3 and _key(name).startswith(key):
                return None
            names.add(name)
    return tuple(sorted(names)) or None
