"""transkit reads CLDR data without leaving partial locales in Babel's cache."""

import subprocess
import sys


def test_babel_locales_are_whole_after_transkit_read_their_rules_and_names() -> None:
    # A fresh process: Babel's cache is per process, and other tests may have filled it.
    code = """
from transkit.model.languages import language
from transkit.po.plural_rules import known_rules
from transkit.text.cldr_words import left_in_english
for tag in ("fr", "nl", "de_AT", "pt_BR"):
    known_rules(tag)
left_in_english("November", language("nl"))
from babel import Locale
print(Locale.parse("de_AT").plural_form(1), Locale.parse("pt_BR").plural_form(1))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # Inherited from "de" and "pt": a partial cached locale says "other" for 1.
    assert out.split() == ["one", "one"]
