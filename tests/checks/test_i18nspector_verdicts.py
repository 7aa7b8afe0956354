"""i18nspector's blackbox tests as an oracle for the families transkit claims.

``tests/data/peers/i18nspector`` holds files of jwilk/i18nspector's ``tests/blackbox_tests``
(Expat licence, notice beside them): each states the tags i18nspector must emit. The
scoring is ``bench/peer_suites.py``'s (which runs on the whole suite): for every tag of a
claimed family, transkit must report one of the codes the script maps it to, and it must
report no error on a file i18nspector expects nothing of. Where transkit deliberately
differs, the file is listed below with the reason (docs/anchors.md says the same).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import DATA

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from peer_suites import CLAIMED, REFUSING, expected_tags, transkit_codes

FOLDER = DATA / "peers" / "i18nspector"
FILES = sorted(p for p in FOLDER.iterdir() if p.suffix in (".po", ".pot"))

DIFFERENT = {
    "codomain-error-in-plural-forms-1a.po": "a last form only fractions select is CLDR's, on purpose (H107)",
    "language-disparity-poedit.po": "X-Poedit-Language is Poedit 1's own field; gettext reads Language only",
    "python-format-string-missing-non-numeral.po": "%(N)s may hold n in Python (Django counts)",
    "python-format-string-missing-non-numeral.pot": "%(N)s may hold n in Python (Django counts)",
    "unrepresentable-characters.po": "an inverted question mark is a Spanish letter, not a sign of loss",
    "unrepresentable-characters-euro.po": "an inverted question mark is a Spanish letter, not a sign of loss",
}


def _missed(path: Path) -> list[str]:
    codes, _ = transkit_codes(path)
    tags = [tag for _, tag in expected_tags(path)]
    refused = "F001" in codes and any(tag in REFUSING for tag in tags)
    return [
        tag
        for tag in dict.fromkeys(tags)
        if tag in CLAIMED and not (refused and tag not in REFUSING) and not codes & set(CLAIMED[tag])
    ]


def test_the_vendored_suite_is_there_with_its_notice() -> None:
    assert "Jakub Wilk" in (FOLDER / "LICENSE").read_text(encoding="utf-8")
    assert len(FILES) > 100


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_claimed_tag_is_found(path: Path) -> None:
    missed = _missed(path)
    if path.name in DIFFERENT:
        assert missed, f"now found: remove {path.name} from DIFFERENT and from docs/anchors.md"
    else:
        assert not missed, f"{path.name}: i18nspector says {missed}"


@pytest.mark.parametrize(
    "path", [p for p in FILES if not any(letter in "EW" for letter, _ in expected_tags(p))], ids=lambda p: p.name
)
def test_no_error_where_i18nspector_sees_nothing_wrong(path: Path) -> None:
    _, errors = transkit_codes(path)
    assert not errors - {"F001"}, errors
