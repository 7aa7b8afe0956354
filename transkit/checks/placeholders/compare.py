"""How a translation's placeholders differ from its source's, form by form.

Arguments are matched by name, or by position where all of them are unnamed; a
placeholder can be missing, added, renamed, converted otherwise, reordered, or the
string can be invalid.  For a plural message every ``msgstr[n]`` is compared with
``msgid_plural``, and the argument that holds n may be left out of a form that one value
of n selects.  Each :class:`Issue` has one :class:`Kind`, which one check of
:mod:`transkit.checks.placeholders` reports.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from transkit.i18n import L_, Message
from transkit.model.catalog import Entry
from transkit.model.findings import Severity
from transkit.po.formats import parse
from transkit.po.formats.brace import nested_fields
from transkit.po.formats.model import FormatString, Placeholder, Syntax
from transkit.po.plural_expression import NUMBERS


class Kind(enum.Enum):
    """What is wrong with a placeholder; one check reports each kind."""

    MISSING = "missing"
    ADDED = "added"
    RENAMED = "renamed"
    CONVERSION = "conversion"
    ORDER = "order"
    INVALID = "invalid"
    NUMBER = "number"


@dataclass(frozen=True)
class Issue:
    """One placeholder problem of one form (``form`` is None for a singular message)."""

    kind: Kind
    form: int | None
    message: str
    severity: Severity | None = None
    """Overrides the check's severity (a warning where gettext allows what is reported)."""


MSGFMT_FEW_VALUES = 4
"""``msgfmt --check`` insists on the number in a plural form that n = 0…1000 select five
times or more; a form selected at most this often may leave it out (measured with msgfmt
0.21: a form for 2…5 passes, one for 0 and 2…5 does not). Within an entry's ``range:``
it insists as soon as two values select the form (gettext's msgfmt-17 test)."""


@dataclass(frozen=True)
class _Form:
    """The ``msgstr[n]`` being compared: its index, the n that select it, what holds n."""

    index: int | None
    values: tuple[int, ...] | None
    """The values of n (0..1000) that select this form; None for a singular message."""
    numbers: frozenset
    """The source argument(s) that may hold n (plural messages only)."""
    python_tuple: bool = False
    """Unnamed python-format arguments: Python needs every one of them in every form."""
    few: int = MSGFMT_FEW_VALUES
    """How many values of n may select a form that leaves the number out (msgfmt)."""

    @property
    def single(self) -> bool:
        """Selected by one value of n at most: gettext lets it leave the number out."""
        return self.values is not None and len(self.values) <= 1 and not self.python_tuple


_COUNT_NAMES = re.compile(r"^(n|num|number|count|cnt|nb|total|amount|quantity|qty)$|count|number", re.I)


@dataclass(frozen=True)
class Reference:
    """The source side of a comparison: the same for every translation of a message, so
    that a check can work it out once for all the languages (:func:`reference`)."""

    msgid: FormatString
    reference: FormatString
    """What translations are compared with: ``msgid_plural`` in a plural message, else ``msgid``."""
    uses: dict
    """Argument → the placeholders of ``reference`` that take it (:func:`_uses`)."""
    numbers: frozenset
    """The argument(s) that may hold n, in a plural message."""
    python_tuple: bool
    """Unnamed python-format arguments: Python needs every one of them in every form."""
    texts: tuple[str, ...]
    """The placeholders of ``reference`` as written, in order."""
    singular_names: dict = field(default_factory=dict)
    """Named arguments only msgid takes, in a plural message: the program passes one
    mapping to both (click's "{value!r} is not {choice}." / "... one of {choices}."), so a
    form may name them too."""


def reference(msgid: FormatString, plural: FormatString | None) -> Reference:
    """The source side of a message's comparison: ``plural`` is its ``msgid_plural``
    read the same way, None for a singular message."""
    ref = plural if plural is not None else msgid
    uses = _uses(ref)
    singular = {} if plural is None else {k: v for k, v in _uses(msgid).items() if isinstance(k, str) and k not in uses}
    return Reference(
        msgid,
        ref,
        uses,
        _number_candidates(msgid, ref) if plural is not None else frozenset(),
        ref.syntax is Syntax.PYTHON and any(isinstance(k, int) for k in uses),
        tuple(p.text for p in ref.placeholders),
        singular,
    )


def syntax_issues(
    entry: Entry, syntax: Syntax, usage: tuple[tuple[int, ...], ...] | None, source: Reference | None = None
) -> Iterator[Issue]:
    """The placeholder problems of a message's translation read as one syntax.

    ``usage`` is, for a plural message, the values of n that select each form.
    ``source`` is the message's :func:`reference` in ``syntax`` when the caller has it:
    a check remembers it for every language.
    """
    if source is None:
        plural = parse(entry.msgid_plural, syntax) if entry.msgid_plural is not None else None
        source = reference(parse(entry.msgid, syntax), plural)
    if not source.reference.usable:
        return  # P113 says so; msgfmt does not compare either (it reads msgid_plural only)
    for index, text in enumerate(entry.msgstr):
        if not text or keeps_placeholders(text, source):
            continue
        values = usage[index] if usage is not None and index < len(usage) else None
        # Within a "range:" msgfmt lets only a form for one value of n leave the number out.
        few = 1 if any(flag.startswith("range:") for flag in entry.flags) else MSGFMT_FEW_VALUES
        form = _Form(index if entry.is_plural else None, values, source.numbers, source.python_tuple, few)
        yield from form_issues(source, text, form)


def singular_issues(msgid: FormatString, plural: FormatString) -> Iterator[Issue]:
    """How a source's msgid differs from its msgid_plural in one syntax.

    Untranslated, gettext shows msgid for n = 1 and msgid_plural for every other n, with
    the arguments the program passes for both; so msgid is judged as a translation of
    msgid_plural in a form used for n = 1 only (it may leave the number out, as
    ``"One file"`` / ``"%d files"`` does), and an argument only msgid takes is one
    msgid_plural loses. Nothing when either is unusable (P113 says so).
    """
    if not msgid.usable or not plural.usable:
        return iter(())
    source = reference(msgid, plural)
    form = _Form(0, (1,), source.numbers, source.python_tuple)
    issues = _compare(plural, source.uses, msgid, form)
    if all(p.position is None for p in (*msgid.directives, *plural.directives)):
        # Named arguments come in one mapping both draw on (click's "{value!r} is not
        # {choice}." / "... one of {choices}."): each may name another of them.
        return (issue for issue in issues if issue.kind is not Kind.RENAMED)
    return issues


def form_issues(source: Reference, text: str, form: _Form) -> Iterator[Issue]:
    """The problems of one form's translation, compared with a usable source."""
    syntax = source.reference.syntax
    translation = parse(text, syntax)
    # A lone "}" copied from a source that has one is the source's fault (P113).
    errors = [e for e in translation.errors if e.fatal or source.reference.valid]
    if errors:
        yield Issue(
            Kind.INVALID,
            form.index,
            L_("not a valid {flag} string: {error}", flag=syntax.flag, error=errors[0].message),
        )
    if translation.usable:
        yield from _compare(source.reference, source.uses, translation, form, source.singular_names)


_STARTS = {Syntax.PYTHON: "%", Syntax.C: "%", Syntax.PYTHON_BRACE: "{}"}
"""The characters a parser of each syntax stops at: text without them is literal text."""


def keeps_placeholders(text: str, source: Reference) -> bool:
    """Whether a translation has the source's placeholders, as written and in order, and
    no other character that starts one.

    Its parse then has the same placeholders (each is read from its own characters and
    numbered in order) and no error the source is free of, so :func:`form_issues` would
    find nothing.  Most translations keep their placeholders so, and this test costs a
    few string searches where the parse and the comparison cost far more.
    """
    starts = _STARTS[source.reference.syntax]
    at = 0
    for placeholder in source.texts:
        found = text.find(placeholder, at)
        if found < 0 or _has_any(text, starts, at, found):
            return False
        at = found + len(placeholder)
    return not _has_any(text, starts, at, len(text))


def _has_any(text: str, chars: str, start: int, end: int) -> bool:
    return any(text.find(char, start, end) >= 0 for char in chars)


def _compare(
    reference: FormatString, ref: dict, translation: FormatString, form: _Form, also: dict | None = None
) -> Iterator[Issue]:
    """Compare the arguments of one form with the source's, by name or by position;
    ``also``: other named arguments the form may take (:attr:`Reference.singular_names`)."""
    got = _uses(translation)
    if also:
        for key in [k for k in got if k in also]:
            yield from _conversion(also[key], got.pop(key), form.index)
    if ref and got and all(isinstance(k, int) for k in (*ref, *got)):
        yield from _compare_positions(reference, ref, translation, got, form)
        return
    missing = [k for k in ref if k not in got]
    added = [k for k in got if k not in ref]
    if form.single and len(missing) > len(added):
        missing = _without_number(missing, form)
    for old, new in zip(missing, added):
        yield Issue(Kind.RENAMED, form.index, _became(_show(ref[old], True), _show(got[new], True)))
    yield from _missing(ref, missing[len(added) :], form)
    for new in added[len(missing) :]:
        yield _added(got[new], form)
    for key in ref:
        if key in got:
            yield from _conversion(ref[key], got[key], form.index)


def _compare_positions(
    reference: FormatString, ref: dict, translation: FormatString, got: dict, form: _Form
) -> Iterator[Issue]:
    """Unnamed arguments (``%s``, C's ``%2$s``): the n-th placeholder takes the n-th argument."""
    ref_types = [_form_of(ref[k][0]) for k in sorted(ref)]
    got_types = [_form_of(got[k][0]) for k in sorted(got)]
    if ref_types == got_types:
        return
    numbered = any(p.explicit for p in translation.directives)
    if not numbered and len(ref_types) == len(got_types) and sorted(ref_types) == sorted(got_types):
        yield Issue(Kind.ORDER, form.index, _order_message(reference, translation))
        return
    kept = _subsequence(got_types, ref_types) if not numbered else None
    if kept is not None:  # some left out, the others in order
        gone = [k for i, k in enumerate(sorted(ref)) if i not in kept]
        if reference.syntax is Syntax.C and any(k <= len(got_types) for k in gone):
            yield Issue(
                Kind.ORDER,
                form.index,
                L_(
                    "leaving out {placeholder} shifts the arguments after it; keep it, or number the others ({numbered})",
                    placeholder=_show(ref[gone[0]]),
                    numbered=_numbered(reference, gone),
                ),
            )
            return
        yield from _missing(ref, _without_number(gone, form) if form.single else gone, form)
        return
    extra = _subsequence(ref_types, got_types) if not numbered else None
    if extra is not None:  # some added, the others in order
        for i, key in enumerate(sorted(got)):
            if i not in extra:
                yield _added(got[key], form)
        return
    missing = [k for k in sorted(ref) if k not in got]
    trailing = [k for k in missing if k > max(got)]
    yield from _missing(ref, _without_number(missing, form) if form.single and trailing == missing else missing, form)
    for key in sorted(got):
        if key not in ref:
            yield _added(got[key], form, key)
        else:
            yield from _conversion(ref[key], got[key], form.index)


def _without_number(keys: list, form: _Form) -> list:
    """The missing arguments but the number, which a form for one value of n may leave out."""
    number = next((k for k in keys if k in form.numbers), None)
    return [k for k in keys if k != number]


def _missing(ref: dict, keys: Iterable, form: _Form) -> Iterator[Issue]:
    for key in keys:
        shown = _show(ref[key])
        where = (
            L_(" (argument {number})", number=key) if isinstance(key, int) and ref[key][0].syntax is Syntax.C else ""
        )
        if form.index is not None and form.numbers == {key} and not form.single:
            if form.python_tuple:
                yield Issue(
                    Kind.NUMBER,
                    form.index,
                    L_(
                        "the number {placeholder} is missing: with unnamed placeholders Python needs every "
                        'argument in every form ("not all arguments converted")',
                        placeholder=shown,
                    ),
                )
            elif form.values is not None and len(form.values) <= form.few:
                # msgfmt --check lets such a form leave the number out; its words must
                # then be right for each of these few values ("trois" for 3 to 6 is not)
                yield Issue(
                    Kind.NUMBER,
                    form.index,
                    L_(
                        "the number {placeholder}{where} is missing from a form used for {values}: msgfmt "
                        "allows it for so few values, if the words fit each of them",
                        placeholder=shown,
                        where=where,
                        values=_values(form.values),
                    ),
                    Severity.WARNING,
                )
            else:
                yield Issue(
                    Kind.NUMBER,
                    form.index,
                    L_(
                        "the number {placeholder}{where} is missing, but this form is used for {values}",
                        placeholder=shown,
                        where=where,
                        values=_values(form.values),
                    ),
                )
        elif form.single:
            yield Issue(
                Kind.MISSING,
                form.index,
                L_(
                    "placeholder {placeholder}{where} of the source is missing; gettext allows it in this "
                    "form, used only for {values}, but the reader loses the value",
                    placeholder=shown,
                    where=where,
                    values=_values(form.values),
                ),
                Severity.WARNING,
            )
        else:
            yield Issue(
                Kind.MISSING,
                form.index,
                L_("placeholder {placeholder}{where} of the source is missing", placeholder=shown, where=where),
            )


def _added(uses: list[Placeholder], form: _Form, key: int | None = None) -> Issue:
    where = L_(" (argument {number})", number=key) if key is not None else ""
    return Issue(
        Kind.ADDED,
        form.index,
        L_(
            "placeholder {placeholder}{where} is not in the source{hint}",
            placeholder=_show(uses),
            where=where,
            hint=_percent_hint(uses),
        ),
    )


def _conversion(ref: list[Placeholder], got: list[Placeholder], form: int | None) -> Iterator[Issue]:
    """One argument converted otherwise: another type, or (braces) another spec as written."""
    if ref[0].syntax is Syntax.PYTHON_BRACE and all(p.explicit for p in ref):
        automatic = next((p for p in got if not p.explicit), None)
        if automatic is not None:
            what = L_("numbered and automatic fields differ (msgfmt cannot read {{}})")
            yield Issue(Kind.CONVERSION, form, _became(_show(ref[0], True), _show(automatic, True), what))
            return
    wanted, have = {_form_of(p) for p in ref}, {_form_of(p) for p in got}
    changed = next(((ref[0], p) for p in got if _form_of(p) not in wanted), None)
    changed = changed or next(((p, got[0]) for p in ref if _form_of(p) not in have), None)
    if changed is None:
        return
    old, new = changed
    what = (
        _became(old.type, new.type)
        if new.syntax is not Syntax.PYTHON_BRACE
        else L_("the conversion or format spec changed")
    )
    yield Issue(Kind.CONVERSION, form, _became(_show(old, True), _show(new, True), what))


def _became(old: str, new: str, why: str = "") -> Message:
    """``old became new``, and why when given."""
    if why:
        return L_("{old} became {new}: {why}", old=old, new=new, why=why)
    return L_("{old} became {new}", old=old, new=new)


def _uses(string: FormatString) -> dict:
    """Argument → the placeholders that take it, in order of first use.

    A ``*`` width or precision takes an integer argument of its own, and so does a
    field nested in a brace spec (``{:{width}}``).
    """
    uses: dict = {}
    auto = 0  # the next automatic brace field's number, nested ones counted
    for p in string.directives:
        if p.argument is not None:
            uses.setdefault(p.argument, []).append(p)
        if p.syntax is Syntax.PYTHON_BRACE and not p.explicit and p.position is not None:
            auto = p.position + 1
        if p.spec and "{" in p.spec:
            for inner in nested_fields(p, auto):
                uses.setdefault(inner.argument, []).append(inner)
                auto += inner.explicit is False
        for star in (p.width_position, p.precision_position):
            if star is not None:
                uses.setdefault(star, []).append(_star(p))
    return uses


def _star(p: Placeholder) -> Placeholder:
    """The integer argument a ``*`` takes, shown as its directive."""
    integer = "int" if p.syntax is Syntax.C else "integer"
    return Placeholder(p.syntax, p.text, p.start, p.end, type=integer, conversion="*")


def _form_of(p: Placeholder) -> str:
    """What must stay the same for one argument: its type; for braces, as msgfmt compares
    them, the conversion and the spec as written, and whether the field is numbered."""
    if p.syntax is Syntax.PYTHON_BRACE:
        # "{}" and "{!s}" format a value alike (format() of an empty spec is str());
        # "{}" and "{0}" read the same argument: Python lets a translation number the
        # fields of a source that does not ("{}{}{}" as "{2}{1}{0}", for another word
        # order), and msgfmt's one objection, to a "{}" where the source numbers its
        # fields, is _conversion's.
        conversion = "" if p.conversion == "s" and not p.spec else p.conversion
        return f"!{conversion}:{p.spec}" if p.spec else f"!{conversion}"
    return p.type


def _show(uses: list[Placeholder] | Placeholder, quoted: bool = False) -> str:
    """A placeholder as written; quoted in "became" messages, and when it holds a space."""
    p = uses[0] if isinstance(uses, list) else uses
    if p.conversion == "*":
        return (
            L_('the * of "{directive}"', directive=p.text) if quoted else L_("the * of {directive}", directive=p.text)
        )
    return f'"{p.text}"' if quoted or any(c.isspace() for c in p.text) else p.text


def _subsequence(short: list[str], long: list[str]) -> set[int] | None:
    """Indexes of ``long`` that spell ``short`` in order (greedy), or None."""
    kept, at = set(), 0
    for item in short:
        while at < len(long) and long[at] != item:
            at += 1
        if at == len(long):
            return None
        kept.add(at)
        at += 1
    return kept


def _order_message(reference: FormatString, translation: FormatString) -> str:
    before = " … ".join(p.text for p in reference.directives)
    after = " … ".join(p.text for p in translation.directives)
    if reference.syntax is Syntax.PYTHON:
        return L_(
            'the placeholders are in another order: "{before}" became "{after}"; unnamed python-format '
            "placeholders cannot be reordered (the source needs named ones, %(name)s)",
            before=before,
            after=after,
        )
    free = {p.position: p for p in reference.directives if p.position is not None}
    suggestion = []
    for p in (p for p in translation.directives if p.position is not None):
        match = next((k for k, q in sorted(free.items()) if q.type == p.type), None)
        if match is None:
            break
        suggestion.append(p.text.replace("%", f"%{match}$", 1))
        free.pop(match)
    complete = len(suggestion) == sum(p.position is not None for p in translation.directives)
    if complete:
        return L_(
            'the arguments are in another order: "{before}" became "{after}"; number them to reorder: "{numbered}"',
            before=before,
            after=after,
            numbered=" … ".join(suggestion),
        )
    return L_('the arguments are in another order: "{before}" became "{after}"', before=before, after=after)


def _numbered(reference: FormatString, gone: list[int]) -> str:
    return " … ".join(
        p.text.replace("%", f"%{p.position}$", 1)
        for p in reference.directives
        if p.position is not None and p.position not in gone
    )


def _percent_hint(uses: list[Placeholder]) -> str:
    p = uses[0]
    if p.syntax is not Syntax.PYTHON_BRACE and " " in p.flags:
        return L_("; a percent sign before a space starts a placeholder: write %%")
    return ""


def _values(values: tuple[int, ...] | None) -> str:
    if not values:
        return L_("no n")
    if len(values) == len(NUMBERS):
        return L_("every n")
    shown = ", ".join(str(n) for n in values[:6])
    return f"n = {shown}{', …' if len(values) > 6 else ''}"


def _number_candidates(msgid: FormatString, plural: FormatString) -> frozenset:
    """The argument(s) that may hold n: what msgid_plural has and msgid lacks ("One file" /
    "%d files"), else a count-like name (``%(count)s`` too: Django formats numbers with
    ``%s``), else any integer argument, else the only argument there is."""
    ref = {k: ps for k, ps in _uses(plural).items() if ps[0].conversion != "*" and _may_hold_number(ps[0])}
    integer = {k for k, ps in ref.items() if ps[0].type in _INTEGER_TYPES}
    only_plural = {k for k in ref if k not in _uses(msgid)} if msgid.usable else set()
    counted = {k for k in ref if isinstance(k, str) and _COUNT_NAMES.search(re.sub(r"\W.*", "", k))}
    sole = set(ref) if len(ref) == 1 else set()
    for group in (only_plural & integer, only_plural & counted, counted, only_plural, integer, sole):
        if group:
            return frozenset(group)
    return frozenset()


def _may_hold_number(p: Placeholder) -> bool:
    """Whether a placeholder can show n: C's ``%s`` and a brace ``{n:s}`` cannot (they
    raise, or print garbage, on an integer), so a form may not leave them out as "the
    number". Python's ``%s`` can: Django formats counts with ``%(count)s``."""
    if p.syntax is Syntax.C:
        return p.type in _INTEGER_TYPES
    return p.type != "string" or p.syntax is Syntax.PYTHON


_INTEGER_TYPES = frozenset(
    {
        "integer",
        "any",
        "int",
        "unsigned int",
        "short",
        "unsigned short",
        "long",
        "unsigned long",
        "long long",
        "unsigned long long",
        "signed char",
        "unsigned char",
        "intmax_t",
        "uintmax_t",
        "ssize_t",
        "size_t",
        "ptrdiff_t",
        "unsigned ptrdiff_t",
        "intptr_t",
        "uintptr_t",
        *(f"{u}int{kind}{bits}_t" for u in ("", "u") for kind in ("", "_least", "_fast") for bits in (8, 16, 32, 64)),
    }
)
"""Types that can hold n: integers of any size (and brace fields, which take anything)."""
