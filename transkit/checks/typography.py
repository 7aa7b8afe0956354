"""Typography of a translation against its source (family ``S``): whitespace, line breaks,
doubled spaces and words, untranslated copies, lengths far off.  Brackets, quotation marks
and final punctuation are checked in :mod:`transkit.checks.punctuation`.

Every rule here knows that languages write differently: French puts a no-break space
before ``?``; Chinese and Japanese drop a space after full-width punctuation; Indonesian
doubles words as grammar; Chinese needs about a third of the English characters.  Layout
problems are warnings, style hints are information; what the source itself does (a
double space, a repeated word) is never held against the translation.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from transkit.checks.api import Applies, CatalogContext, Entry, Fact, Fix, Problem, Severity, entry_check, header_only
from transkit.i18n import L_
from transkit.model.forms import per_form, quote
from transkit.model.languages import Language, base_language
from transkit.po.plural_forms import form_pairs
from transkit.terms.match import NO_SPACE_SCRIPTS, may_normalize_alike, normalize, strip_bidi
from transkit.terms.model import TermKind
from transkit.text.cldr_words import left_in_english
from transkit.text.lengths import counted_characters, expected_length, ratio_to, sentences, source_length
from transkit.text.spacing import double_spaces, edges, inner_line_breaks
from transkit.text.words import ALLOWED_REPEATS, REDUPLICATING, proper_nouns, repeated_words, untranslated_words

# ---------------------------------------------------------------------------------------
# Whitespace and line breaks
# ---------------------------------------------------------------------------------------

_FULL_WIDTH_END = "，。：；！？、）」』】》"


# The same whitespace once bidi controls are read through, yet msgfmt, which compares
# bytes, refuses the catalog: a bidi control stands before (after) one of the line feeds.
_HIDDEN_LINE_FEED = (
    L_(
        "a bidi control stands before the line feed at the start of the source or the translation: msgfmt sees one"
        " begin with a line feed and the other not"
    ),
    L_(
        "a bidi control stands after the line feed at the end of the source or the translation: msgfmt sees one"
        " end with a line feed and the other not"
    ),
)


def _show_ws(ws: str) -> str:
    return quote(ws.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")) if ws else L_("no whitespace")


@entry_check(
    "S101",
    "leading-whitespace-differs",
    Severity.WARNING,
    applies=Applies.TRANSLATED,
    fixes="starts the translation with the source's leading whitespace",
    needs=Fact.EDGE_SPACE,
    local=True,
)
def leading_whitespace_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation starts with other whitespace than its source.

    Leading spaces and line breaks are layout: they indent or separate pieces that the
    program puts together.  Every kind of space counts as a space; line breaks and tabs
    must match.  French typography's no-break space before a ``: ; ! ?`` that opens the
    source (a label's suffix ``":"`` translated ``"\u00a0:"``) is not layout; a breaking
    space there is reported, since it lets the mark start a new line.

    Bad: ``msgid " (optional)"`` → ``msgstr "(facultatif)"``.
    Good: ``msgstr " (facultatif)"``.
    """
    french = base_language(context.catalog.language) == "fr"
    found = []
    fixed: list[tuple[int, str]] = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want, have = edges(source)[0], edges(translation)[0]
        if want == have:
            if translation.startswith("\n") != entry.msgid.startswith("\n"):
                found.append((index, _HIDDEN_LINE_FEED[0]))  # a bidi control in front of one
            continue
        if french and not want and (mark := _french_spaced_mark(source, translation)):
            if translation.lstrip(_FRENCH_NO_BREAK) != translation.lstrip():
                found.append(
                    (
                        index,
                        L_(
                            "a breaking space opens the translation before {mark}: French typography puts a "
                            "no-break space (U+00A0, U+202F) there, which keeps it on the line",
                            mark=quote(mark),
                        ),
                    )
                )
            continue  # « : » with its no-break space: French typography, not layout
        found.append(
            (
                index,
                L_(
                    "the source starts with {source}, the translation with {translation}",
                    source=_show_ws(want),
                    translation=_show_ws(have),
                ),
            )
        )
        fixed.append((index, source[: len(source) - len(source.lstrip())] + translation.lstrip()))
    problems = _refused_by_msgfmt(entry, found, lambda text: text.startswith("\n"))
    yield from _with_fix(problems, fixed, lambda text: edges(text)[0], entry, context)


# French typography (Imprimerie nationale; the Office québécois de la langue française
# for the colon, and a thin space or none before ; ! ? in Quebec) puts a no-break space
# before the high marks: a source that opens with one ("Name" + ":") is translated " :".
_FRENCH_HIGH_MARKS = ":;!?"
_FRENCH_NO_BREAK = "\u00a0\u202f"


def _french_spaced_mark(source: str, translation: str) -> str | None:
    """The mark ``: ; ! ?`` that opens the source and, after spaces, the translation."""
    mark = source[:1]
    if mark and mark in _FRENCH_HIGH_MARKS and translation.lstrip()[:1] == mark:
        return mark
    return None


@entry_check(
    "S102",
    "trailing-whitespace-differs",
    Severity.WARNING,
    applies=Applies.TRANSLATED,
    fixes="ends the translation with the source's trailing whitespace",
    needs=Fact.EDGE_SPACE,
    local=True,
)
def trailing_whitespace_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation ends with other whitespace than its source.

    A trailing space often separates the message from what the program appends.  Chinese
    and Japanese may drop a trailing space after full-width punctuation (``：``), which
    carries its own spacing; Tibetan and Dzongkha may follow a final shad with a space.

    Bad: ``msgid "Name: "`` → ``msgstr "Nom :"``.
    Good: ``msgstr "Nom\u00a0: "``.
    """
    language = context.catalog.language
    cjk = language is not None and language.script in {"Hans", "Hant", "Jpan", "Hani"}
    tibetan = base_language(language) in ("bo", "dz")
    found = []
    fixed: list[tuple[int, str]] = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want, have = edges(source)[1], edges(translation)[1]
        if want == have:
            if translation.endswith("\n") != entry.msgid.endswith("\n"):
                found.append((index, _HIDDEN_LINE_FEED[1]))  # a bidi control after one
            continue
        last = strip_bidi(translation).rstrip()[-1:]
        if want.strip(" ") == have.strip(" ") and ((cjk and last in _FULL_WIDTH_END) or (tibetan and last in "།༌་")):
            continue
        found.append(
            (
                index,
                L_(
                    "the source ends with {source}, the translation with {translation}",
                    source=_show_ws(want),
                    translation=_show_ws(have),
                ),
            )
        )
        fixed.append((index, translation.rstrip() + source[len(source.rstrip()) :]))
    problems = _refused_by_msgfmt(entry, found, lambda text: text.endswith("\n"))
    yield from _with_fix(problems, fixed, lambda text: edges(text)[1], entry, context)


def _refused_by_msgfmt(
    entry: Entry, found: Sequence[tuple[int, str]], newline: Callable[[str], bool]
) -> Iterator[Problem]:
    """The problems of ``found``, as errors where msgfmt refuses the message: it compiles
    no catalog where a translation does not begin (or end) with a line feed as its msgid
    does ("entries do not both begin with '\\n'"), even without ``--check``. msgfmt
    compares every form with the msgid itself, byte for byte (a bidi control in front
    counts), and skips only a message whose every form is empty; other whitespace stays
    a warning."""
    if not found:
        return iter(())
    want = newline(entry.msgid)
    complete = any(entry.msgstr)
    refused = [item for item in found if complete and newline(entry.msgstr[item[0]]) != want]
    if not refused:
        return per_form(entry, found)
    kept = [item for item in found if item not in refused]
    errors = (replace(problem, severity=Severity.ERROR) for problem in per_form(entry, refused))
    return itertools.chain(errors, per_form(entry, kept))


def _with_fix(
    problems: Iterator[Problem],
    fixed: list[tuple[int, str]],
    edge: Callable[[str], str],
    entry: Entry,
    context: CatalogContext,
) -> Iterator[Problem]:
    """The problems, each with the fix of every form when the fix is certain: a form whose
    edge is hidden behind a bidi control (``edges`` reads through them, ``strip`` does
    not) keeps its text, and then no form is fixed."""
    sources = {index: source for index, source, _ in form_pairs(entry, context.catalog)}
    certain = all(edge(text) == edge(sources[index]) for index, text in fixed)
    fix = Fix(msgstr=tuple(fixed)) if fixed and certain else None
    for problem in problems:
        yield replace(problem, fix=fix) if fix is not None else problem


@entry_check(
    "S103", "line-break-count-differs", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.LINE_BREAK, local=True
)
def line_break_count_differs(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has more or fewer line breaks (``\\n``) inside it than its source.

    Line breaks shape e-mails, SMS texts and preformatted blocks; a lost one runs two
    lines together.  Breaks at the start or end are reported by ``S101``/``S102``.  A
    source whose every break is followed by an indentation (a string wrapped in an HTML
    template) may be translated on one line, and prose wrapped to a width (a console
    help text) may be wrapped anew, as long as its paragraphs and the blank lines between
    them are kept.

    Bad: ``msgid "Helpline:\\n078 055 800"`` → ``msgstr "Ligne d’assistance : 078 055 800"``.
    Good: ``msgstr "Ligne d’assistance :\\n078 055 800"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        want, have = inner_line_breaks(source), inner_line_breaks(translation)
        if want and not have and _wrapped_in_markup(source):
            continue  # the template's wrapping, which the page does not show (see below)
        if want != have and _rewrapped(source, translation):
            continue  # prose wrapped to a width: the translation wraps its own lines
        if want != have:
            found.append(
                (
                    index,
                    L_(
                        "the source has {source} line break(s) inside it, the translation {translation}",
                        source=want,
                        translation=have,
                    ),
                )
            )
    yield from per_form(entry, found)


_INDENTED_BREAK = re.compile(r"\n[ \t]{2,}\S")
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")
WRAP_WIDTH = 60
"""A line broken where the next word would have taken it past this width is wrapping."""


def _rewrapped(source: str, translation: str) -> bool:
    """Whether the source is prose wrapped to a width (a console help text: every line
    that goes on in the next one was broken where the next word would have taken it past
    sixty characters) and the translation keeps its paragraphs and the blank lines
    between them: words of another length wrap at other places, and a translator
    rewraps ("sphinx-build generates ... places it\nin OUTPUTDIR").  Paragraph breaks
    must still match."""
    inner, other = source.strip("\n"), translation.strip("\n")
    if _PARAGRAPH_BREAK.findall(inner) != _PARAGRAPH_BREAK.findall(other):
        return False
    broken = 0
    for paragraph in _PARAGRAPH_BREAK.split(inner):
        lines = paragraph.split("\n")
        for line, following in zip(lines, lines[1:], strict=False):
            if not following.split() or len(line) + 1 + len(following.split()[0]) <= WRAP_WIDTH:
                return False  # a break the next word would have fitted before: meant
            broken += 1
    return broken > 0


def _wrapped_in_markup(source: str) -> bool:
    """Whether every inner line break of a source is its template's wrapping: followed
    by an indentation, as in a string cut from an HTML template ("that contain\\n
    all words", Sphinx). A translation on one line is then right; a browser shows no
    break there."""
    inner = source.strip()
    return inner.count("\n") == len(_INDENTED_BREAK.findall(inner))


# Characters a text never shows: C0 controls but tab and line feed (carriage return, a
# Windows line end, is S103's and the writer's matter), DEL, C1; a byte order mark inside
# a text (U+FEFF, the remnant of a file pasted in); the 66 noncharacters (U+FDD0-U+FDEF
# and the last two code points of each plane, U+FFFF among them). NUL is refused on reading.
_NONCHARACTERS = "".join(chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF))
_CONTROL = re.compile(f"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufdd0-\ufdef{_NONCHARACTERS}]")


# The plan's CONTROL fact covers C0, DEL and C1 only, not U+FEFF or the noncharacters:
# UNPRINTABLE covers them all (none is printable).
@entry_check(
    "S104", "control-character", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.UNPRINTABLE, local=True
)
def control_character(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has a control character, a byte order mark or a noncharacter its source has not.

    Control characters are C0 ones (ESC), DEL and C1 ones; a byte order mark (U+FEFF)
    inside a text is invisible; a noncharacter (U+FFFF) is never text.

    Nothing displays one the same way: a box, a gap, nothing, or text cut short where a
    program stops at it; inside a number or an address it breaks copying and dialling.
    Usually the remnant of an editor, a pasted file or a bad conversion.

    Bad: ``msgstr "Appelez le 078\\177055 800"`` (a DEL, octal 177).
    Good: ``msgstr "Appelez le 078 055 800"``.
    """
    if all(map(str.isprintable, entry.msgstr)):
        return  # most messages: none of these characters is printable
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if not translation.isprintable() and (controls := set(_CONTROL.findall(translation))):
            extra = sorted(controls - set(_CONTROL.findall(source)))
            if extra:
                shown = ", ".join(f"U+{ord(char):04X}" for char in extra)
                found.append((index, L_("control character {characters} in the translation", characters=shown)))
    yield from per_form(entry, found)


# msgcat's mark where merged catalogs disagree: "#-#-#-#-#  fr.po (Project 1.0)  #-#-#-#-#".
_CONFLICT_MARKER = re.compile(r"#-#-#-#-#  .*  #-#-#-#-#")


@entry_check(
    "S105", "conflict-marker", Severity.ERROR, applies=Applies.TRANSLATED, needs=Fact.CONFLICT_MARK, local=True
)
def conflict_marker(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation holds msgcat's conflict markers: catalogs were merged, not resolved.

    Where the catalogs ``msgcat`` merges translate a message differently, it keeps every
    translation, each after a ``#-#-#-#-#  file  #-#-#-#-#`` line; compiled as it is, users
    read the markers and both translations. Resolve it before a release.

    Bad: ``msgstr "#-#-#-#-#  fr.po  #-#-#-#-#\\nAppelez-nous\\n#-#-#-#-#  fr-old.po  #-#-#-#-#\\nAppelez"``.
    Good: ``msgstr "Appelez-nous"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if "#-#-#-#-#" in translation and (marker := _CONFLICT_MARKER.search(translation)):
            if not _CONFLICT_MARKER.search(source):
                found.append((index, L_("unresolved msgcat conflict marker {text!r}", text=marker.group(0)[:60])))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Double spaces and repeated words
# ---------------------------------------------------------------------------------------


@entry_check("S121", "double-space", Severity.INFO, applies=Applies.TRANSLATED, needs=Fact.DOUBLE_SPACE, local=True)
def double_space(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation has two spaces in a row where its source has none.

    Information only: HTML shows one space for several, but e-mails, SMS and plain text
    show the gap, and it often marks a word left out.  No script writes double spaces as
    a rule, so every language is checked; a source with double spaces is taken as
    intentional (Weblate's rule).

    Bad: ``msgstr "Appelez le  078 055 800"``.
    Good: ``msgstr "Appelez le 078 055 800"``.
    """
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        positions = double_spaces(translation)
        if not positions or double_spaces(source):
            continue  # the source is read only when the translation has double spaces
        inner = strip_bidi(translation).strip()
        for position in positions:
            before = inner[:position].split()[-1:] or [""]
            found.append(
                (
                    index,
                    L_("double space after {text}", text=quote(before[0][-20:]))
                    if before[0]
                    else L_("double space at the start"),
                )
            )
    yield from per_form(entry, found)


@header_only
def _allowed_repeats(context: CatalogContext) -> frozenset[str] | None:
    """The words the catalog's language may write twice, or None when S122 does not judge
    the language at all (reduplication is grammar, or no spaces delimit words)."""
    language = context.catalog.language
    base = base_language(language)
    if base in REDUPLICATING or (language is not None and language.script in NO_SPACE_SCRIPTS):
        return None
    return ALLOWED_REPEATS.get(base, frozenset())


@entry_check("S122", "repeated-word", Severity.WARNING, applies=Applies.TRANSLATED, local=True)
def repeated_word(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation writes the same word twice in a row (``the the``).

    Usually a slip of editing that readers notice.  Not checked for languages where
    reduplication is grammar (Indonesian, Tagalog, Vietnamese, Turkish, Persian, Hindi…)
    or for scripts without spaces (Chinese, Japanese, Thai); a few repeats that are
    correct (French « vous vous », German „das das“) are accepted, and so is a source that
    repeats words itself.

    Bad: ``msgstr "Appelez la la ligne d’assistance"``.
    Good: ``msgstr "Appelez la ligne d’assistance"``.
    """
    allowed = context.per_catalog(_allowed_repeats)
    if allowed is None:
        return
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        repeats = repeated_words(translation, allowed)
        if not repeats or repeated_words(source, ALLOWED_REPEATS.get(context.source_base, frozenset())):
            continue  # the source is read only when the translation repeats a word (rarely)
        for word in repeats:
            found.append((index, L_("{word} is written twice in a row", word=quote(word))))
    yield from per_form(entry, found)


# ---------------------------------------------------------------------------------------
# Untranslated copies
# ---------------------------------------------------------------------------------------


def _names(context: CatalogContext) -> tuple[frozenset[str], tuple[str, ...]]:
    """The template's proper nouns and the termbase's names (normalised, longest first):
    what an untranslated copy may keep; once per catalog."""
    return context.per_catalog(_template_names)


@header_only
def _template_names(context: CatalogContext) -> tuple[frozenset[str], tuple[str, ...]]:
    template = context.project.template
    texts = [t for e in template.entries if not e.obsolete for t in (e.msgid, e.msgid_plural) if t]
    forms: set[str] = set()
    for term in context.termbase.by_kind(TermKind.NAME):
        forms.update(term.source)
        forms.update(f for group in term.approved.values() for form in group for f in form)
    return proper_nouns(texts), tuple(sorted((normalize(f) for f in forms if f.strip()), key=len, reverse=True))


@header_only
def _in_source_language(context: CatalogContext) -> bool:
    """Whether the catalog is written in the source's language (``en_GB`` of an English
    template), where a translation may rightly be its source."""
    return base_language(context.catalog.language) == context.source_base


@entry_check("S141", "identical-to-source", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.COPY, local=True)
def identical_to_source(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is the source unchanged.

    Usually text copied into the translation and forgotten: the reader gets English.  Not
    reported when what is left once names (the termbase's, and words the template
    capitalises in mid-sentence), acronyms, placeholders, numbers, URLs and markup are
    taken away is nothing, nor in catalogs of the source's language (English unless the
    template or the configuration names another: ``source-language``).  A translation that
    differs in case only (``November`` as ``november``) is a translation, and single letters
    (a column ``A``, a grade) are nobody's words.

    A single word left may be a cognate or a loanword the language writes the same way
    (French « Options », German « Filter », Malay « November »), which nothing short of a
    dictionary tells from English left behind.  It is reported, as information, only when
    it is a name CLDR records in both languages (a month, a day, ``a.m.``, a language, a
    territory, a script) and the language's own data writes it otherwise: « Punjabi » in a
    French catalog, where CLDR writes « pendjabi » (not « sep » in Spanish: it begins
    « septiembre », the language's own abbreviation).

    Bad: ``msgstr "Send the report"`` in a French catalog.
    Good: ``msgstr "Envoyer le signalement"``; ``"PAG-ASA (Brussels)"`` kept as is.
    """
    if context.per_catalog(_in_source_language):
        return
    found = []
    for index, source, translation in form_pairs(entry, context.catalog):
        if not may_normalize_alike(source, translation):
            continue
        if normalize(source, fold_case=False) != normalize(translation, fold_case=False):
            continue  # "November" as "november": the case is the language's, a translation
        nouns, names = _names(context)  # asked for copies only, which most catalogs have none of
        words = [word for word in untranslated_words(source, nouns, names) if len(word) > 1]
        if len(words) == 1:
            # One word may be a cognate or a loanword (« Options », « Filter »): only the
            # names CLDR records in both languages tell a copy from the language's word.
            own = left_in_english(words[0], context.catalog.language)
            if own is not None:
                shown = ", ".join(quote(name) for name in own[:3])
                found.append(
                    (
                        index,
                        L_(
                            "the translation is the source unchanged (one word, {word}; CLDR writes {names})",
                            word=quote(words[0]),
                            names=shown,
                        ),
                    )
                )
        elif words:
            found.append((index, L_("the translation is the source unchanged")))
    for problem in per_form(entry, found):
        yield Problem(problem.message, severity=Severity.INFO if "one word" in problem.message else None)


# ---------------------------------------------------------------------------------------
# Length
# ---------------------------------------------------------------------------------------

TOO_SHORT, TOO_LONG = 0.3, 3.0
"""Translations under 30 % or above three times their expected length are reported."""
LONG_SENTENCE = 100
"""A sentence of this many characters (some fifteen words) or more is not rendered whole
by an idiom a third its length; a shorter one may be (« Takk for i dag. »)."""


def _length_ratio(source: str, translation: str, context: CatalogContext) -> tuple[int, float, float] | None:
    """:func:`~transkit.text.lengths.length_ratio`, with the source's length (masking
    it is the costly part) worked out once for every language."""
    if context.source_is_english:
        length = context.for_source(source_length, source)
    else:  # measured in English characters, as the translation is
        length = context.for_source(source_length, source, context.source_language)
    return None if length is None else ratio_to(length, translation, context.catalog.language)


def _measured_forms(
    entry: Entry, context: CatalogContext
) -> tuple[tuple[int, str, str, tuple[int, float, float] | None], ...]:
    """Each form's index, source, translation and :func:`_length_ratio`: what S151 and
    S152 both read, measured once."""
    return tuple(
        (index, source, translation, _length_ratio(source, translation, context))
        for index, source, translation in form_pairs(entry, context.catalog)
    )


def _length_message(translation: str, length: int, language: Language | None) -> str:
    have = len(counted_characters(translation))
    expected = expected_length(translation, length, language)
    return L_(
        "{count} characters for a source of {length} (about {expected} expected)",
        count=have,
        length=length,
        expected=expected,
    )


@entry_check(
    "S151", "translation-too-short", Severity.WARNING, applies=Applies.TRANSLATED, needs=Fact.LONG_SOURCE, local=True
)
def translation_too_short(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is far shorter than its source, for its script: text may be missing.

    Expected lengths are per script (Chinese about 0.36 of the English characters,
    Japanese 0.5, Thai 0.83, Latin 1.1), character by character, so that a name in Latin
    letters inside Chinese text counts as Latin; translations under 30 % of the expected
    length of a source of thirty characters or more are measured.

    A length says little about one short sentence: an idiom renders "Thanks for spending
    some quality time with the Web site today." as « Takk for i dag. », and Japanese says
    "lists all sections and subsections" in five characters.  So a short translation is
    reported when it has no text of its own (only placeholders or markup), when it has
    fewer sentences than its source (one dropped), or when the source is a sentence of a
    hundred characters or more.

    Bad: ``msgid "The helpline is confidential. You do not have to give your name."`` → ``msgstr "Confidentiel."``.
    Good: ``msgstr "La ligne d’assistance est confidentielle. Vous n’avez pas à donner votre nom."``.
    """
    found = []
    for index, source, translation, measured in context.for_entry(_measured_forms, entry):
        if not measured or measured[2] >= TOO_SHORT or measured[0] - measured[1] < 20:
            continue
        if measured[0] < LONG_SENTENCE and 0 < sentences(translation) >= sentences(source):
            continue  # as many sentences, and short ones: an idiom or a compact script
        found.append((index, _length_message(translation, measured[0], context.catalog.language)))
    yield from per_form(entry, found)


@entry_check(
    "S152", "translation-too-long", Severity.INFO, applies=Applies.TRANSLATED, needs=Fact.LONG_SOURCE, local=True
)
def translation_too_long(entry: Entry, context: CatalogContext) -> Iterator[Problem]:
    """The translation is far longer than its source, for its script.

    Information: it may explain more, or hold a second message pasted in, or overflow a
    button.  Reported above three times the expected length of a source of thirty
    characters or more.

    Bad: ``msgid "Choose your language and then continue"`` → a paragraph.
    Good: ``msgstr "Choisissez votre langue, puis continuez"``.
    """
    found = []
    for index, _, translation, measured in context.for_entry(_measured_forms, entry):
        if measured and measured[2] > TOO_LONG and measured[1] - measured[0] >= 30:
            found.append((index, _length_message(translation, measured[0], context.catalog.language)))
    yield from per_form(entry, found)
