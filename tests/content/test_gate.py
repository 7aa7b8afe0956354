"""The gate's verdict for one page in one language, and the isolation of numbers in
right-to-left text."""

from __future__ import annotations

from pathlib import Path

from transkit.content.gate import LRI, PDI, decide, isolate_numbers
from transkit.content.markdown import MarkdownPage
from transkit.model.catalog import Catalog, Entry
from transkit.model.languages import language

PAGE = MarkdownPage(Path("help.md"), "help.md", "# Call now\n\nCall now\n\nCall 078 055 800 today.\n")


def _catalog(code: str, entries: dict[str, str]) -> Catalog:
    return Catalog(
        path=Path(f"{code}.po"),
        display_path=f"{code}.po",
        header=(),
        header_line=1,
        entries=tuple(Entry(msgid, (msgstr,)) for msgid, msgstr in entries.items()),
        language=language(code),
    )


def test_a_message_used_twice_in_a_page_is_judged_once() -> None:
    decision = decide(PAGE, "fr/help.md", _catalog("fr", {}), {}, (), fallback=False)
    assert decision.status == "held-back"
    assert [(r.segment, r.line) for r in decision.reasons] == [("Call now", 1), ("Call 078 055 800 today.", 5)]


def test_numbers_in_a_right_to_left_page_are_isolated_once() -> None:
    catalog = _catalog(
        "ar", {"Call now": "اتصل الآن", "Call 078 055 800 today.": f"اتصل على {LRI}078 055 800{PDI} اليوم."}
    )
    decision = decide(PAGE, "ar/help.md", catalog, {}, (), fallback=False)
    assert decision.isolated == ()  # the translator isolated it already
    catalog = _catalog("ar", {"Call now": "اتصل الآن", "Call 078 055 800 today.": "اتصل على ٠٧٨ ٠٥٥ ٨٠٠ اليوم."})
    decision = decide(PAGE, "ar/help.md", catalog, {}, (), fallback=False)
    assert decision.isolated == ("٠٧٨ ٠٥٥ ٨٠٠",)
    assert f"{LRI}٠٧٨ ٠٥٥ ٨٠٠{PDI}" in (decision.text or "")


def test_isolation_leaves_lone_numbers_and_left_to_right_text_alone() -> None:
    found: list[str] = []
    assert isolate_numbers("Call 112 or +32 78 05 58 00", found) == f"Call 112 or {LRI}+32 78 05 58 00{PDI}"
    assert found == ["+32 78 05 58 00"]
    catalog = _catalog("fr", {"Call now": "Appelez", "Call 078 055 800 today.": "Appelez le 078 055 800."})
    assert decide(PAGE, "fr/help.md", catalog, {}, (), fallback=False).isolated == ()
