"""The words click itself writes (``Usage:``, ``Options``, its error messages), listed so
that they are in transkit's template and translated in its catalogs.

click translates them with :func:`gettext.gettext` in the default domain; while a command
runs, :class:`transkit.cli.common.TranskitGroup` makes that domain transkit's. Nothing
reads this list at run time: ``tools/i18n_template.py`` extracts it, and a test checks
that each string is still one the installed click uses.
"""

from __future__ import annotations

from transkit.i18n import N_, Nn_

MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("default: {default}"),
    N_("required"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Aborted!"),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("file"),
    N_("directory"),
    N_("path"),
)
"""Single messages."""

PLURALS = (
    Nn_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Nn_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    Nn_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Nn_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)
"""Messages with plural forms (click calls :func:`gettext.ngettext`)."""
