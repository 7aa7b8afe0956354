"""transkit's own words in the user's language: its messages, help and report interface.

transkit is used by translators of many languages, so what it says goes through gettext
with its own domain, ``transkit``: the template ``transkit/locale/transkit.pot`` and a
compiled catalog per language under ``transkit/locale/<lang>/LC_MESSAGES/transkit.mo``.

Which language, in the order GNU gettext's tools use: ``LANGUAGE`` (a colon list, the
first language that has a catalog wins, the next ones fill its gaps), then the locale,
``LC_ALL``, then ``LC_MESSAGES``, then ``LANG`` (the first one set). As with GNU gettext
(glibc), a locale of exactly ``C`` or ``POSIX`` means English and ``LANGUAGE`` is then
ignored, while ``C.UTF-8`` (the default of many containers) keeps ``LANGUAGE``. Unlike
GNU gettext, ``LANGUAGE`` is also honoured when no locale variable is set at all (glibc
treats that as ``C``): CI runners often set none, and a person who writes
``LANGUAGE=fr transkit check`` asks for French. Python's :mod:`gettext` does the same.

Two ways to say something:

- :func:`_` and :func:`ngettext` translate now, for what is shown at once (a command's
  summary line, an error);
- :func:`L_` and :func:`Ln_` make a :class:`Message`: the English text, as a ``str``, that
  remembers its template and arguments. Findings carry one, so that the JSON, SARIF and
  every other machine format hold the English text whatever the language, while the text
  renderer shows :func:`translate`'d text. :func:`N_` only marks a string for the template
  (click's help texts, translated when help is shown).

Templates use ``str.format`` fields with names (``{count}``), never positions, so that a
translation may put them in any order.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "L_",
    "Ln_",
    "Message",
    "N_",
    "Nn_",
    "_",
    "join",
    "languages",
    "ngettext",
    "translate",
    "translations",
]

DOMAIN = "transkit"
LOCALEDIR = Path(__file__).resolve().parent.parent / "locale"
"""``transkit/locale``: the template, the ``.po`` catalogs and their compiled ``.mo``."""

_C_LOCALES = frozenset({"C", "POSIX"})


def languages(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages asked for, best first (empty: English).

    ``LANGUAGE`` when set (and the locale is not explicitly C or POSIX), else the first
    of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, as gettext reads them."""
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    if locale in _C_LOCALES:  # C.UTF-8 is not: glibc honours LANGUAGE there
        return ()
    wanted = env.get("LANGUAGE") or locale
    return tuple(part for part in wanted.split(":") if part and part.split(".")[0] not in _C_LOCALES)


@functools.cache
def _translations_for(wanted: tuple[str, ...]) -> _gettext.NullTranslations:
    if not wanted:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, str(LOCALEDIR), languages=list(wanted), fallback=True)


def translations(environ: Mapping[str, str] | None = None) -> _gettext.NullTranslations:
    """The catalog for the languages the environment asks for (read anew at each call,
    loaded once per set of languages); English when none has a catalog."""
    return _translations_for(languages(environ))


def _(text: str) -> str:
    """``text`` in the user's language, now."""
    return translations().gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` in the user's language (French counts 0 as singular), now."""
    return translations().ngettext(singular, plural, count)


def N_(text: str) -> str:
    """Mark ``text`` for the template only; it is translated where it is shown."""
    return text


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the template only."""
    return singular, plural


_ARGUMENT_TYPES = (str, int, float)


class Message(str):
    """English text that remembers how it was made, so it can be shown in another language.

    It *is* the English ``str`` (compared, hashed, written to JSON as such), plus the
    template (and plural, with the ``number`` that chooses the form) and the arguments that
    :func:`translate` needs. Arguments are strings, numbers or other messages; anything
    else is kept as its ``str``. Operations on it (slicing, concatenation) give plain
    ``str``: build a new message instead.
    """

    template: str
    plural: str | None
    number: int | None
    args: dict[str, Any]

    def __new__(
        cls, template: str, args: Mapping[str, Any], plural: str | None = None, count: int | None = None
    ) -> Message:
        plain = {name: value if isinstance(value, _ARGUMENT_TYPES) else str(value) for name, value in args.items()}
        chosen = template if plural is None or count == 1 else plural
        self = super().__new__(cls, chosen.format(**plain))
        self.template, self.plural, self.number, self.args = template, plural, count, plain
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled to worker processes and back
        return (Message, (self.template, self.args, self.plural, self.number))

    def translated(self, catalog: _gettext.NullTranslations | None = None) -> str:
        """This message in ``catalog``'s language (default: the user's); English when the
        translation does not fit its arguments."""
        catalog = catalog or translations()
        if self.plural is None:
            text = catalog.gettext(self.template)
        else:
            text = catalog.ngettext(self.template, self.plural, self.number or 0)
        args = {name: translate(value, catalog) for name, value in self.args.items()}
        try:
            return text.format(**args)
        except (KeyError, IndexError, ValueError):
            return str.__str__(self)

    def as_data(self) -> dict[str, Any]:
        """JSON-able, for the run cache: :meth:`from_data` gives the message back."""
        args = {name: value.as_data() if isinstance(value, Message) else value for name, value in self.args.items()}
        data: dict[str, Any] = {"template": self.template, "args": args}
        if self.plural is not None:
            data.update(plural=self.plural, number=self.number)
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        args = {
            name: cls.from_data(value) if isinstance(value, dict) else value for name, value in data["args"].items()
        }
        return cls(str(data["template"]), args, data.get("plural"), data.get("number"))

    @classmethod
    def restored(cls, text: str, data: Mapping[str, Any]) -> Message:
        """The message :meth:`as_data` gave, whose English ``text`` was kept beside it:
        equal to what :meth:`from_data` gives, without formatting the template again, and
        with the template and arguments read from ``data`` only when asked for (the run
        cache restores 100,000 messages of a large project, which a JSON or SARIF report
        writes in English; the text was made by the same code, which the cache's key
        covers)."""
        if not isinstance(data["template"], str) or not isinstance(data["args"], dict):
            raise TypeError("not a message's data")
        self = str.__new__(_Stored, text)
        self._stored = data
        return self


class _Stored(Message):
    """A :class:`Message` read back from the run cache (:meth:`Message.restored`)."""

    _stored: Mapping[str, Any]

    @property
    def template(self) -> str:  # type: ignore[override]
        return str(self._stored["template"])

    @property
    def plural(self) -> str | None:  # type: ignore[override]
        return self._stored.get("plural")

    @property
    def number(self) -> int | None:  # type: ignore[override]
        return self._stored.get("number")

    @functools.cached_property
    def args(self) -> dict[str, Any]:  # type: ignore[override]
        return {
            name: Message.from_data(value)
            if isinstance(value, dict)
            else value
            if isinstance(value, _ARGUMENT_TYPES)
            else str(value)
            for name, value in self._stored["args"].items()
        }


def L_(template: str, /, **args: Any) -> Message:
    """A message translated when shown: ``L_("{count} messages", count=3)``."""
    return Message(template, args)


def Ln_(singular: str, plural: str, count: int, /, **args: Any) -> Message:
    """A message with plural forms, translated when shown; ``count`` is also an argument."""
    return Message(singular, {"count": count, **args}, plural, count)


def join(separator: str, parts: Sequence[str]) -> Message:
    """``separator.join(parts)`` that translates each part when shown (the separator is
    punctuation, the same in every language)."""
    names = [f"part{number}" for number in range(len(parts))]
    template = separator.replace("{", "{{").replace("}", "}}").join("{" + name + "}" for name in names)
    return Message(template, dict(zip(names, parts)))


def translate(text: Any, catalog: _gettext.NullTranslations | None = None) -> Any:
    """``text`` for a person: a :class:`Message` in the user's language; anything else as is
    (text that was never a template, such as a plugin's message, stays English)."""
    if isinstance(text, Message):
        return text.translated(catalog)
    return text
