"""Generate a deterministic benchmark corpus of gettext catalogs for the 23 campaign languages.

Not part of the test run.  Usage:

    python bench/corpus.py SIZE OUTDIR [--seed N] [--languages fr,nl]

SIZE is ``campaign`` (a copy of the shipped ``catalogs/`` and ``glossary/``), ``medium``
(23 catalogs x 2,000 messages), ``large`` (23 x 20,000, about half a million entries) or an
integer number of messages per catalog.  OUTDIR receives ``catalogs/<lang>.po``,
``catalogs/corpus.pot``, ``glossary/campaign.toml`` and ``planted.json`` (the defects planted
on purpose, with the check code each one should trigger).

How the content is made.  The shipped catalogs hold the same 50 campaign messages in all 23
languages, translated by people.  The 40 messages that every language has translated (and
not fuzzy) form a pool of aligned units: an English label or sentence and its translation in
each language.  A generated message is a recombination of units -- a label, a page title or
breadcrumb of two or three labels, one to five sentences, a sentence with numbers filled in
(a year and a count choose the plural form with the language's own Plural-Forms; Persian
writes them in Persian digits; right-to-left catalogs isolate dates), a placeholder message
in one of four syntaxes (python ``%(name)s``, python ``%d``, brace ``{name}``, c-format
``%s``, or ``%2$s`` where a language reorders), or a plural message -- and its translation is
the same recombination of the units' translations, so every language keeps its script,
punctuation, critical-term spelling (right-to-left catalogs isolate the helpline with
U+2066 ... U+2069, Persian digits in fa) and approved termbase wording.  Because
translations are aligned, a clean message produces no finding; the findings come from the
states and the planted defects.  Shares (large corpus; medium in brackets):

* 5.0 % (6.2 %) plural messages with nplurals forms, 14.9 % (17.8 %) messages with
  placeholders and their format flag (plurals included), 4.3 % (5.2 %) with a critical term
  (helpline 078 055 800, the websites, PAG-ASA / Payoke / Sürya, 112), 4.5 % (6 %) with
  msgctxt, 2 % multi-line; a reference on every message, an extracted comment on half;
* per catalog: ~2.7 % fuzzy with a ``#| msgid`` previous source (the translation is that of
  the previous source; where the previous source had another critical term, transkit
  reports T171), ~2 % untranslated, ~0.9 % obsolete ``#~`` entries at the end;
* per catalog, 3 + size // 5000 planted defects, cycling: a wrong digit in the helpline
  (T102, or T101 when the new digits are no valid Belgian number; T163 across languages), a missing placeholder (P101, which ``msgfmt -c`` also
  rejects: those are its only errors on the generated catalogs), another language's website
  (T122).

Short messages run out first (the pool has 14 labels and 11 sentences without a critical
term), so the larger the corpus, the more of it is combinations and numbers: the mean
English message is 103 characters in medium, 124 in large (the shipped template: 48).

Everything is seeded (``--seed``, default 2024), so two runs write identical files.
"""

from __future__ import annotations

import argparse
import gettext
import json
import random
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGS = "fr nl de es pt_BR it ro bg pl hu sk uk ru sq tr ar fa ps ti zh_Hans vi th tl".split()
SIZES = {"medium": 2000, "large": 20000}
DEFAULT_SEED = 2024

HELPLINE = "078 055 800"
CRITICAL_MARKS = (HELPLINE, "112", "stophumantrafficking.be", "PAG-ASA", "Payoke", "Sürya")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
WESTERN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
LTR_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"
RTL = {"ar", "fa", "ps"}
WEBSITE = {"fr": "stoptraite.be", "nl": "stopmensenhandel.be"}

PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])|\{(\w+)\}")
ANY_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%\d\$[sd]|%[sd]|\{\w+\}")
INT_NAMES = {"year", "count", "page", "total", "min"}
# numbers a translator localises (Persian digits); codes, dates and file names stay as they are
LOCALISED_NUMBERS = {"year", "count", "page", "total", "min", "max_size"}

STYLES = ("py-named", "py-unnamed", "brace", "c")
STYLE_FLAG = {
    "py-named": "python-format",
    "py-unnamed": "python-format",
    "brace": "python-brace-format",
    "c": "c-format",
}
PLACEHOLDER_MEANING = {
    "filename": "the name of the attached file",
    "max_size": "a number of megabytes",
    "reference": "a code such as BH-2023-0415",
    "helpline": "the helpline number, already isolated for right-to-left text",
    "page": "the current page",
    "total": "the number of pages",
    "date": "a date (YYYY-MM-DD)",
    "year": "a year",
    "count": "a number",
    "min": "a number of characters",
}
CONTEXTS = (
    "button",
    "menu",
    "page title",
    "form field",
    "tooltip",
    "link",
    "email subject",
    "aria-label",
    "heading",
    "meta description",
)
EXTRA_COMMENTS = (
    "Shown on the home page, below the campaign banner.",
    "Heading of a section of the help page.",
    "Text of the confirmation e-mail sent after a report.",
    "Alternative text of the campaign image.",
    "Shown in the footer of every page.",
    "Tooltip of the report button.",
    "Shown on the page of the victim centres.",
    "Part of the leaflet distributed in reception centres.",
    "Shown to social inspectors in the training module.",
    "Keep this short: it is shown on phones.",
)
SECTIONS = (
    "base",
    "home",
    "help",
    "report",
    "centres",
    "footer",
    "news",
    "faq",
    "training",
    "partners",
    "about",
    "press",
)
PAGES = ("index", "detail", "list", "form", "contact", "resources", "stories", "events", "archive", "sidebar")
FILENAMES = (
    "report.pdf",
    "statement.docx",
    "photo.jpg",
    "contract.pdf",
    "payslip.png",
    "message.txt",
    "evidence.zip",
    "timesheet.xlsx",
)


# --------------------------------------------------------------------------------------------
# The phrase pool
# --------------------------------------------------------------------------------------------


@dataclass
class Unit:
    en: tuple[str, ...]  # (msgid,) or (msgid, msgid_plural)
    comment: str
    tr: dict[str, tuple[str, ...]]  # language -> forms
    names: tuple[str, ...] = ()  # placeholder names in source order
    conv: dict[str, str] = field(default_factory=dict)
    styles: tuple[str, ...] = ()  # placeholder styles every language supports
    kind: str = "sentence"  # sentence | label | ph | plural
    critical: bool = False
    has_helpline: bool = False
    has_website: bool = False


@dataclass
class Language:
    code: str
    team: str
    plural_forms: str
    nplurals: int
    plural: object  # n -> form index
    joiner: str


def load_pool() -> tuple[list[Unit], dict[str, Language]]:
    pot = polib.pofile(str(ROOT / "catalogs" / "campaign.pot"))
    catalogs = {lang: polib.pofile(str(ROOT / "catalogs" / f"{lang}.po")) for lang in LANGS}
    languages = {}
    for lang, cat in catalogs.items():
        pf = cat.metadata["Plural-Forms"]
        nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", pf).group(1))
        expr = re.search(r"plural\s*=\s*(.*?);?\s*$", pf).group(1)
        languages[lang] = Language(
            lang,
            cat.metadata.get("Language-Team", lang),
            pf,
            nplurals,
            gettext.c2py(expr),
            "" if lang == "zh_Hans" else " ",
        )
    index = {lang: {(e.msgctxt, e.msgid): e for e in cat if not e.obsolete} for lang, cat in catalogs.items()}
    units = []
    for e in pot:
        tr = {}
        for lang in LANGS:
            t = index[lang].get((e.msgctxt, e.msgid))
            if t is None or "fuzzy" in t.flags:
                break
            forms = tuple(t.msgstr_plural[i] for i in sorted(t.msgstr_plural)) if e.msgid_plural else (t.msgstr,)
            if not all(forms) or len(forms) != (languages[lang].nplurals if e.msgid_plural else 1):
                break
            tr[lang] = forms
        else:
            en = (e.msgid, e.msgid_plural) if e.msgid_plural else (e.msgid,)
            unit = Unit(en=en, comment=e.comment, tr=tr)
            found = PLACEHOLDER.findall(e.msgid)
            unit.names = tuple(m[0] or m[2] for m in found)
            unit.conv = {(m[0] or m[2]): (m[1] or ("d" if m[2] in INT_NAMES else "s")) for m in found}
            if e.msgid_plural:
                unit.kind = "plural"
            elif unit.names:
                unit.kind = "ph"
            elif e.msgid.rstrip().endswith((".", "?", "!")):
                unit.kind = "sentence"
            else:
                unit.kind = "label"
            unit.has_helpline = HELPLINE in e.msgid or "helpline" in unit.names
            unit.has_website = "stophumantrafficking.be" in e.msgid
            unit.critical = any(mark in e.msgid for mark in CRITICAL_MARKS)
            if unit.names:
                unit.styles = tuple(s for s in STYLES if _style_ok(unit, s))
            units.append(unit)
    return units, languages


def _names(text: str) -> list[str]:
    return [m[0] or m[2] for m in PLACEHOLDER.findall(text)]


def _style_ok(unit: Unit, style: str) -> bool:
    if style in ("py-named", "brace"):
        return True
    for forms in unit.tr.values():
        for form in forms:
            names = _names(form)
            if sorted(names) != sorted(unit.names):
                return False  # a form leaves a placeholder out: only named syntaxes can say which
            if style == "py-unnamed" and names != list(unit.names):
                return False  # unnamed python placeholders cannot be reordered
    return True


def render(text: str, unit: Unit, style: str, fixed: dict | None = None, lang: str | None = None) -> str:
    """``text`` (a source or a translation of ``unit``) with its placeholders in ``style``,
    after filling in the values of ``fixed`` (a message variant: "larger than 10 MB")."""
    source_names = list(unit.names)
    if fixed:
        text = fill(text, fixed, lang)
        source_names = [n for n in source_names if n not in fixed]
    names = _names(text)
    positional = style == "c" and names != source_names

    def sub(m: re.Match) -> str:
        name = m.group(1) or m.group(3)
        conv = unit.conv[name]
        if style == "py-named":
            return f"%({name}){conv}"
        if style == "brace":
            return "{" + name + "}"
        if positional:
            return f"%{source_names.index(name) + 1}${conv}"
        return f"%{conv}"

    return PLACEHOLDER.sub(sub, text)


def fill(text: str, values: dict[str, str], lang: str | None) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1) or m.group(3)
        if name not in values:
            return m.group(0)
        value = values[name]
        if lang == "fa" and name in LOCALISED_NUMBERS:
            value = value.translate(PERSIAN_DIGITS)
        if name == "helpline" and lang is not None:
            value = helpline_display(lang)
        elif name == "date" and lang in RTL:
            value = LTR_ISOLATE + value + POP_ISOLATE  # as the translators isolate the helpline
        return value

    return PLACEHOLDER.sub(sub, text)


def helpline_display(lang: str) -> str:
    number = HELPLINE.translate(PERSIAN_DIGITS) if lang == "fa" else HELPLINE
    return LTR_ISOLATE + number + POP_ISOLATE if lang in RTL else number


# --------------------------------------------------------------------------------------------
# Messages: a recipe of parts, rendered in English once and in each language
# --------------------------------------------------------------------------------------------
# A part is one of:
#   ("u", unit)                 a sentence or label as it is
#   ("fill", unit, values)      a placeholder or plural unit with values filled in
#   ("ph", unit, style, fixed)  a placeholder or plural unit with its placeholders in style,
#                               but those of ``fixed`` (a dict, often empty) filled in


@dataclass
class Message:
    parts: list
    joiner: str = " "  # " " or "\n"
    msgctxt: str | None = None
    comments: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    msgid: str = ""
    msgid_plural: str | None = None
    flag: str | None = None
    helpline: bool = False
    website: bool = False
    placeholder: bool = False


def english(parts: list, joiner: str) -> tuple[str, str | None]:
    texts, plural_texts, plural = [], [], False
    for part in parts:
        unit = part[1]
        if part[0] == "u":
            texts.append(unit.en[0])
            plural_texts.append(unit.en[0])
        elif part[0] == "fill":
            values = part[2]
            text = unit.en[0] if len(unit.en) == 1 or int(values["count"]) == 1 else unit.en[1]
            texts.append(fill(text, values, None))
            plural_texts.append(texts[-1])
        else:
            texts.append(render(unit.en[0], unit, part[2], part[3]))
            if len(unit.en) == 2:
                plural = True
                plural_texts.append(render(unit.en[1], unit, part[2], part[3]))
            else:
                plural_texts.append(texts[-1])
    return joiner.join(texts), (joiner.join(plural_texts) if plural else None)


def translation(parts: list, joiner: str, language: Language, cache: dict) -> tuple[str, ...]:
    lang = language.code
    sep = language.joiner if joiner == " " else joiner
    nforms = 1
    pieces: list = []
    for part in parts:
        unit = part[1]
        if part[0] == "u":
            pieces.append(unit.tr[lang][0])
        elif part[0] == "fill":
            values = part[2]
            form = language.plural(int(values["count"])) if len(unit.en) == 2 else 0
            pieces.append(fill(unit.tr[lang][form], values, lang))
        else:
            key = (id(unit), part[2], lang, tuple(sorted(part[3].items())))
            forms = cache.get(key)
            if forms is None:
                forms = cache[key] = tuple(render(f, unit, part[2], part[3], lang) for f in unit.tr[lang])
            if len(forms) > 1:
                nforms = len(forms)
            pieces.append(forms if len(forms) > 1 else forms[0])
    if nforms == 1:
        return (sep.join(pieces),)
    return tuple(sep.join(p if isinstance(p, str) else p[i] for p in pieces) for i in range(nforms))


class Generator:
    def __init__(self, units: list[Unit], rng: random.Random):
        self.rng = rng
        self.sentences = [u for u in units if u.kind == "sentence" and not u.critical]
        self.labels = [u for u in units if u.kind == "label" and not u.critical]
        self.title_labels = [u for u in self.labels if not u.en[0].endswith(":")]
        self.critical = [u for u in units if u.critical and u.kind in ("sentence", "label")]
        self.ph = [u for u in units if u.kind == "ph"]
        self.plurals = [u for u in units if u.kind == "plural"]
        self.numeric = [
            u
            for u in units
            if u.kind in ("ph", "plural") and not u.has_helpline and u.en[0] != "Page {page} of {total}"
        ]
        self.by_name = {u.en[0]: u for u in units}

    def values(self, unit: Unit) -> dict[str, str]:
        rng = self.rng
        out = {}
        for name in unit.names:
            if name == "year":
                out[name] = str(rng.randint(2008, 2024))
            elif name == "count":
                out[name] = str(
                    rng.choice((1, 2, 3, 4, 5, 11, 21, 22, 25, 101)) if rng.random() < 0.4 else rng.randint(2, 480)
                )
            elif name == "page":
                out[name] = str(rng.randint(1, 9))
            elif name == "total":
                out[name] = str(int(out.get("page", "1")) + rng.randint(0, 30))
            elif name == "min":
                out[name] = str(rng.choice((10, 20, 30, 50)))
            elif name == "max_size":
                out[name] = str(rng.choice((2, 5, 10, 20, 25, 50)))
            elif name == "filename":
                out[name] = rng.choice(FILENAMES)
            elif name == "reference":
                out[name] = f"BH-{rng.randint(2019, 2024)}-{rng.randint(1, 9999):04d}"
            elif name == "date":
                out[name] = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            elif name == "helpline":
                out[name] = HELPLINE
        return out

    def sentences_parts(self, k: int) -> list:
        return [("u", u) for u in self.rng.sample(self.sentences, k)]

    # Message types and their shares.  Short types run out of distinct messages first (the
    # pool has a dozen labels and sentences); on a collision the same type is tried again a
    # few times, then another type is drawn, so large corpora hold relatively more
    # combinations and messages with numbers.
    TYPES = (
        ("plural", 0.04),
        ("placeholder", 0.09),
        ("critical", 0.055),
        ("label", 0.17),
        ("title", 0.08),
        ("sentence", 0.20),
        ("numbers", 0.15),
        ("two", 0.12),
        ("three", 0.05),
        ("paragraph", 0.01),
    )

    def draw_type(self) -> str:
        r = self.rng.random()
        for name, share in self.TYPES:
            r -= share
            if r < 0:
                return name
        return self.TYPES[-1][0]

    def filled(self, unit: Unit | None = None) -> tuple:
        unit = unit or self.rng.choice(self.numeric)
        return ("fill", unit, self.values(unit))

    def placeholder_part(self, unit: Unit) -> tuple:
        """A placeholder part; half of those with two placeholders get one filled in."""
        fixed = {}
        if len(unit.names) > 1 and self.rng.random() < 0.5:
            name = self.rng.choice([n for n in unit.names if n != "count"])
            fixed = {name: self.values(unit)[name]}
        return ("ph", unit, self.rng.choice(unit.styles), fixed)

    def recipe(self, kind: str) -> tuple[list, str]:
        """Parts and joiner of a message of ``kind``."""
        rng = self.rng
        if kind == "plural":
            unit = rng.choice(self.plurals)
            parts = self.sentences_parts(rng.choice((0, 0, 0, 0, 0, 1, 1, 2))) + [self.placeholder_part(unit)]
            if rng.random() < 0.1:
                parts += self.sentences_parts(1)
            return parts, " "
        if kind == "placeholder":
            unit = rng.choice(self.ph)
            return self.sentences_parts(rng.choice((0, 0, 0, 0, 0, 1, 1, 2))) + [self.placeholder_part(unit)], " "
        if kind == "critical":
            unit = rng.choice(self.critical + [u for u in self.ph if u.has_helpline])
            core = self.filled(unit) if unit.kind == "ph" else ("u", unit)
            if unit.kind == "label":
                return [core], " "
            parts = self.sentences_parts(rng.choice((0, 0, 0, 1, 2)))
            parts.insert(rng.randint(0, len(parts)), core)
            return parts, " "
        if kind == "label":
            if rng.random() < 0.1:
                return [self.filled(self.by_name["Page {page} of {total}"])], " "
            return [("u", rng.choice(self.labels))], " "
        if kind == "title":  # page titles and breadcrumbs: "Report a situation | Stop human trafficking"
            return [("u", u) for u in rng.sample(self.title_labels, rng.choice((2, 2, 3)))], rng.choice((" | ", " – "))
        if kind == "sentence":
            return self.sentences_parts(1), " "
        if kind == "numbers":
            return [self.filled()], " "
        k = {"two": 2, "three": 3}.get(kind) or rng.randint(4, 5)
        parts = self.sentences_parts(k - (rng.random() < 0.5))
        if len(parts) < k:
            parts.insert(rng.randint(0, len(parts)), self.filled())
        joiner = "\n" if rng.random() < 0.05 else " "
        return parts, joiner

    def message(self, seen: set) -> Message:
        rng = self.rng
        kind, tries = self.draw_type(), 0
        while True:
            parts, joiner = self.recipe(kind)
            msgctxt = rng.choice(CONTEXTS) if rng.random() < (0.05 if kind == "label" else 0.01) else None
            msgid, msgid_plural = english(parts, joiner)
            key = (msgctxt, " ".join(unicodedata.normalize("NFC", msgid).split()))
            if key not in seen:
                seen.add(key)
                break
            tries += 1
            if tries % 4 == 0:
                kind = self.draw_type()
        m = Message(parts=parts, joiner=joiner, msgctxt=msgctxt, msgid=msgid, msgid_plural=msgid_plural)
        for part in parts:
            unit = part[1]
            m.helpline |= unit.has_helpline and part[0] != "ph"  # {helpline} is not the number
            m.website |= unit.has_website
            if part[0] == "ph":
                m.placeholder = True
                m.flag = STYLE_FLAG[part[2]]
                m.comments.append(placeholder_comment(unit, part[2], part[3]))
            elif part[0] == "u" and unit.comment:
                m.comments.append(unit.comment)
        if rng.random() < 0.1:
            m.comments.append(rng.choice(EXTRA_COMMENTS))
        return m

    def fuzzy_source(self, m: Message) -> list | None:
        """An older recipe of ``m``: one sentence swapped, or other numbers filled in."""
        rng = self.rng
        candidates = [i for i, p in enumerate(m.parts) if p[0] == "fill" or (p[0] == "u" and not p[1].critical)]
        if not candidates or m.msgid_plural is not None:
            return None
        i = rng.choice(candidates)
        part = m.parts[i]
        parts = list(m.parts)
        if part[0] == "fill":
            parts[i] = ("fill", part[1], self.values(part[1]))
        else:
            pool = self.sentences if part[1].kind == "sentence" else self.labels
            parts[i] = ("u", rng.choice([u for u in pool if u is not part[1]]))
        return parts


def placeholder_comment(unit: Unit, style: str, fixed: dict) -> str:
    names = [n for n in unit.names if n not in fixed]
    if style in ("py-named", "brace"):
        shown = [render("{" + n + "}", unit, style) for n in names]
        return "; ".join(f"{s} is {PLACEHOLDER_MEANING[n]}" for s, n in zip(shown, names)) + "."
    if len(names) == 1:
        return f"%{unit.conv[names[0]]} is {PLACEHOLDER_MEANING[names[0]]}."
    return "Arguments: " + "; ".join(f"{i}. {PLACEHOLDER_MEANING[n]}" for i, n in enumerate(names, 1)) + "."


# --------------------------------------------------------------------------------------------
# PO syntax
# --------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _wrap(segment: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken after a space; where there is no space
    (Chinese, Thai), cut anywhere but inside an escape sequence."""
    if len(segment) <= width:
        return [segment]
    lines = []
    start, n = 0, len(segment)
    while n - start > width:
        cut = segment.rfind(" ", start, start + width)
        if cut >= start:
            end = cut + 1
        else:
            end = start + width
            while end > start + 1 and (end - start - len(segment[start:end].rstrip("\\"))) % 2:
                end -= 1
        lines.append(segment[start:end])
        start = end
    lines.append(segment[start:])
    return lines


def po_string(keyword: str, text: str, prefix: str = "") -> str:
    """``keyword "text"`` wrapped at 79 columns as msgmerge writes it."""
    if "\n" not in text[:-1]:
        esc = escape(text)
        if len(prefix) + len(keyword) + len(esc) + 3 <= 79:
            return f'{prefix}{keyword} "{esc}"\n'
        segments = [esc]
    else:
        segments = [escape(s) for s in re.split(r"(?<=\n)", text) if s]
    width = 77 - len(prefix)
    out = [f'{prefix}{keyword} ""\n']
    for segment in segments:
        out.extend(f'{prefix}"{line}"\n' for line in _wrap(segment, width))
    return "".join(out)


def comment_lines(mark: str, text: str) -> str:
    return "".join(f"#{mark} {line}\n" if line else f"#{mark}\n" for line in text.split("\n"))


def header(fields: list[tuple[str, str]], comments: list[str], fuzzy: bool = False) -> str:
    out = "".join(f"# {c}\n" if c else "#\n" for c in comments)
    if fuzzy:
        out += "#, fuzzy\n"
    out += 'msgid ""\n' + po_string("msgstr", "".join(f"{k}: {v}\n" for k, v in fields))
    return out + "\n"


# --------------------------------------------------------------------------------------------
# Writing the corpus
# --------------------------------------------------------------------------------------------

POT_DATE = "2024-03-01 10:00+0100"


def assign_references(messages: list[Message], rng: random.Random) -> None:
    files = [f"templates/{s}/{p}.html" for s in SECTIONS for p in PAGES] + [
        f"app/{m}.py" for m in ("forms", "views", "emails", "models", "admin")
    ]
    i = 0
    file_no = 0
    while i < len(messages):
        path = files[file_no % len(files)] if file_no < len(files) else f"templates/generated/page_{file_no:04d}.html"
        line = rng.randint(3, 20)
        for m in messages[i : i + rng.randint(5, 60)]:
            m.refs.append(f"{path}:{line}")
            if rng.random() < 0.1:
                m.refs.append(f"{rng.choice(files)}:{rng.randint(3, 400)}")
            line += rng.randint(2, 9)
            i += 1
        file_no += 1


def entry_head(m: Message) -> tuple[str, str]:
    """The comments and references of an entry; its msgctxt, msgid and msgid_plural lines."""
    top = "".join(comment_lines(".", c) for c in m.comments)
    if m.refs:
        top += "#: " + " ".join(m.refs) + "\n"
    key = po_string("msgctxt", m.msgctxt) if m.msgctxt is not None else ""
    key += po_string("msgid", m.msgid)
    if m.msgid_plural is not None:
        key += po_string("msgid_plural", m.msgid_plural)
    return top, key


def msgstr_lines(m: Message, forms: tuple[str, ...], prefix: str = "") -> str:
    if m.msgid_plural is None:
        return po_string("msgstr", forms[0], prefix)
    return "".join(po_string(f"msgstr[{i}]", f, prefix) for i, f in enumerate(forms))


def flags_line(flags: list[str]) -> str:
    return "#, " + ", ".join(flags) + "\n" if flags else ""


def mutate_helpline(text: str, lang: str, rng: random.Random) -> str | None:
    number = helpline_display(lang).strip(LTR_ISOLATE + POP_ISOLATE)
    if number not in text:
        return None
    digits = [i for i, ch in enumerate(number) if ch != " "][1:]  # keep the leading 0
    i = rng.choice(digits)
    old = int(number[i].translate(WESTERN_DIGITS))
    new = str((old + rng.randint(1, 9)) % 10)
    if lang == "fa":
        new = new.translate(PERSIAN_DIGITS)
    return text.replace(number, number[:i] + new + number[i + 1 :], 1)


def mutate_website(text: str, lang: str) -> str | None:
    right = WEBSITE.get(lang, "stophumantrafficking.be")
    wrong = "stopmensenhandel.be" if lang == "fr" else "stoptraite.be"
    return text.replace(right, wrong, 1) if right in text else None


def mutate_placeholder(text: str) -> str | None:
    m = ANY_PLACEHOLDER.search(text)
    if not m:
        return None
    out = text[: m.start()] + text[m.end() :]
    return re.sub(r"  +", " ", out).strip(" ") if out.strip() else None


PLANTS = (("helpline-digit", "T102"), ("placeholder-missing", "P101"), ("website-wrong", "T122"))


def write_corpus(n: int, out: Path, seed: int, label: str, only: list[str] | None = None) -> dict:
    units, languages = load_pool()
    rng = random.Random(f"{seed}:template")
    gen = Generator(units, rng)
    seen: set = set()
    messages = [gen.message(seen) for _ in range(n)]
    assign_references(messages, rng)
    obsolete = [gen.message(seen) for _ in range(max(1, n // 100))]
    heads = [entry_head(m) for m in messages]

    catalogs = out / "catalogs"
    catalogs.mkdir(parents=True, exist_ok=True)
    (out / "glossary").mkdir(exist_ok=True)
    shutil.copy(ROOT / "glossary" / "campaign.toml", out / "glossary" / "campaign.toml")
    for old in catalogs.glob("*.po*"):
        old.unlink()

    pot_fields = [
        ("Project-Id-Version", "blue-heart-bench 2024.1"),
        ("Report-Msgid-Bugs-To", "translations@stophumantrafficking.be"),
        ("POT-Creation-Date", POT_DATE),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
        ("Language", ""),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", "nplurals=INTEGER; plural=EXPRESSION;"),
    ]
    chunks = [
        header(
            pot_fields,
            [
                "Blue Heart campaign microsite: English source messages (benchmark corpus).",
                f"Generated by bench/corpus.py ({label}, seed {seed}); do not edit.",
                "",
            ],
            fuzzy=True,
        )
    ]
    for m, (top, key) in zip(messages, heads):
        chunks.append(
            top
            + flags_line([m.flag] if m.flag else [])
            + key
            + msgstr_lines(m, ("",) * (2 if m.msgid_plural else 1))
            + "\n"
        )
    (catalogs / "corpus.pot").write_text("".join(chunks).rstrip("\n") + "\n", encoding="utf-8")

    planted = []
    cache: dict = {}
    nplant = 3 + n // 5000
    for li, lang in enumerate(LANGS):
        if only and lang not in only:
            continue  # the same content as in the full corpus, for fewer languages
        language = languages[lang]
        lrng = random.Random(f"{seed}:{lang}")
        state = {}
        for i, m in enumerate(messages):
            r = lrng.random()
            if r < 0.02:
                state[i] = "untranslated"
            elif r < 0.05 and m.msgid_plural is None:
                state[i] = "fuzzy"
        eligible = {
            "helpline-digit": [i for i, m in enumerate(messages) if m.helpline and i not in state],
            "placeholder-missing": [
                i for i, m in enumerate(messages) if m.placeholder and m.msgid_plural is None and i not in state
            ],
            "website-wrong": [i for i, m in enumerate(messages) if m.website and i not in state],
        }
        plants: dict[int, tuple[str, str]] = {}
        for k in range(nplant):
            kind, code = PLANTS[(k + li) % len(PLANTS)]
            choices = [i for i in eligible[kind] if i not in plants]
            if choices:
                plants[lrng.choice(choices)] = (kind, code)

        fields = [
            ("Project-Id-Version", "blue-heart-bench 2024.1"),
            ("Report-Msgid-Bugs-To", "translations@stophumantrafficking.be"),
            ("POT-Creation-Date", POT_DATE),
            ("PO-Revision-Date", f"2024-03-{2 + li:02d} 11:20+0100"),
            ("Last-Translator", "Blue Heart translation team <translations@stophumantrafficking.be>"),
            ("Language-Team", language.team),
            ("Language", lang),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", language.plural_forms),
        ]
        chunks = [
            header(
                fields,
                [
                    f"{language.team} translation of the Blue Heart campaign microsite (benchmark corpus).",
                    f"Generated by bench/corpus.py ({label}, seed {seed}); do not edit.",
                    "",
                ],
            )
        ]
        line = chunks[0].count("\n") + 1
        for i, (m, (top, key)) in enumerate(zip(messages, heads)):
            st = state.get(i)
            flags = [m.flag] if m.flag else []
            previous = ""
            if st == "untranslated":
                forms = ("",) * (language.nplurals if m.msgid_plural else 1)
            elif st == "fuzzy":
                old = gen_fuzzy(gen, m, lrng)
                if old is None:
                    forms = translation(m.parts, m.joiner, language, cache)
                else:
                    forms = translation(old, m.joiner, language, cache)
                    flags.insert(0, "fuzzy")
                    previous = po_string("msgid", english(old, m.joiner)[0], "#| ")
            else:
                forms = translation(m.parts, m.joiner, language, cache)
            if i in plants:
                kind, code = plants[i]
                text = forms[0]
                new = (
                    mutate_helpline(text, lang, lrng)
                    if kind == "helpline-digit"
                    else mutate_placeholder(text)
                    if kind == "placeholder-missing"
                    else mutate_website(text, lang)
                )
                if new is not None and new != text:
                    forms = (new,) + forms[1:]
                    entry_line = line + (top + flags_line(flags) + previous).count("\n")
                    planted.append(
                        {
                            "language": lang,
                            "file": f"catalogs/{lang}.po",
                            "line": entry_line,
                            "msgstr_line": entry_line + key.count("\n"),
                            "msgctxt": m.msgctxt,
                            "msgid": m.msgid,
                            "defect": kind,
                            "expected": code,
                        }
                    )
            chunk = top + flags_line(flags) + previous + key + msgstr_lines(m, forms) + "\n"
            line += chunk.count("\n")
            chunks.append(chunk)
        for m in obsolete:
            if lrng.random() < 0.85:
                forms = translation(m.parts, m.joiner, language, cache)
                key = po_string("msgctxt", m.msgctxt, "#~ ") if m.msgctxt is not None else ""
                key += po_string("msgid", m.msgid, "#~ ")
                if m.msgid_plural is not None:
                    key += po_string("msgid_plural", m.msgid_plural, "#~ ")
                chunks.append(key + msgstr_lines(m, forms, "#~ ") + "\n")
        (catalogs / f"{lang}.po").write_text("".join(chunks).rstrip("\n") + "\n", encoding="utf-8")

    (out / "planted.json").write_text(json.dumps(planted, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"messages": n, "planted": len(planted)}


def gen_fuzzy(gen: Generator, m: Message, rng: random.Random) -> list | None:
    saved = gen.rng
    gen.rng = rng
    try:
        return gen.fuzzy_source(m)
    finally:
        gen.rng = saved


def copy_campaign(out: Path) -> None:
    for sub in ("catalogs", "glossary"):
        target = out / sub
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / sub, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", help="campaign, medium, large or a number of messages per catalog")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--languages",
        metavar="CODES",
        help="only these catalogs (comma-separated, e.g. fr,nl); the template is always written",
    )
    args = parser.parse_args(argv)
    only = [code.strip() for code in args.languages.split(",")] if args.languages else None
    if only and set(only) - set(LANGS):
        parser.error(f"--languages: not a corpus language: {', '.join(sorted(set(only) - set(LANGS)))}")
    start = time.perf_counter()
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.size == "campaign":
        copy_campaign(args.outdir)
        summary = "copied the shipped campaign"
    else:
        n = SIZES.get(args.size)
        if n is None:
            try:
                n = int(args.size)
            except ValueError:
                parser.error(f"SIZE must be campaign, medium, large or an integer, not {args.size!r}")
            if n < 1:
                parser.error("SIZE must be at least 1")
        result = write_corpus(n, args.outdir, args.seed, args.size, only)
        summary = f"{len(only or LANGS)} catalogs x {n} messages, {result['planted']} planted defects"
    size = sum(p.stat().st_size for p in (args.outdir / "catalogs").glob("*.po*"))
    print(
        f"{args.outdir}: {summary}; {size / 2**20:.1f} MB of catalogs (MB = 2^20 bytes); {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
