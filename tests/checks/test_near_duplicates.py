"""H112 on messages that are near-duplicates in the template itself: the catalog's copies
of both are reported, at the later one, in every language (the visible keys of the
template's messages are worked out once per run)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from transkit.cli import main

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {language}\\n"\n\n'
MESSAGES = [
    ("Report a case", "{x} un cas"),
    ("Report a case ", "{x} un cas "),
    ("Café", "Café {x}"),
    ("Cafe\u0301", "Café {x}"),
]


def test_near_duplicates_of_the_template_are_reported_in_each_catalog(in_tmp: Path) -> None:
    folder = in_tmp / "catalogs"
    folder.mkdir()
    (folder / "app.pot").write_text(
        HEADER.format(language="") + "".join(f'msgid "{source}"\nmsgstr ""\n\n' for source, _ in MESSAGES),
        encoding="utf-8",
    )
    for language, word in (("fr", "Signaler"), ("nl", "Melden")):
        (folder / f"{language}.po").write_text(
            HEADER.format(language=language)
            + "".join(f'msgid "{source}"\nmsgstr "{text.format(x=word)}"\n\n' for source, text in MESSAGES),
            encoding="utf-8",
        )
    result = CliRunner().invoke(main, ["check", "catalogs", "--select", "H112", "--format", "json", "--no-cache"])
    found = sorted((f["language"], f["line"], f["msgid"]) for f in json.loads(result.stdout)["findings"])
    # msgid lines: the header takes 4 lines and a blank; each message 2 and a blank
    assert found == [
        ("fr", 9, "Report a case "),
        ("fr", 15, "Cafe\u0301"),
        ("nl", 9, "Report a case "),
        ("nl", 15, "Cafe\u0301"),
    ]
