"""Language codes from headers and paths, normalised with langcodes."""

from __future__ import annotations

import pytest

from transkit.model.languages import language, same_language, to_tag


@pytest.mark.parametrize(
    "code, tag",
    [
        ("pt_BR", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("zh_Hans", "zh-Hans"),
        ("sr@latin", "sr-Latn"),
        ("de_DE.UTF-8", "de-DE"),
        ("ca@valencia", "ca"),
        ("tl", "tl"),
        ("xx", None),
        ("", None),
        ("not a code", None),
    ],
)
def test_to_tag(code: str, tag: str | None) -> None:
    assert to_tag(code) == tag


def test_names_and_direction() -> None:
    fa = language("fa")
    assert fa and (fa.english_name, fa.native_name, fa.rtl) == ("Persian", "فارسی", True)
    zh = language("zh_Hans")
    assert zh and zh.english_name == "Chinese (Simplified)" and not zh.rtl
    assert language("ps").rtl and language("ar").rtl and not language("ti").rtl
    assert language("pt_BR").native_name == "português (Brasil)"


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("pt_BR", "pt-BR", True),
        ("fr", "fr_BE", True),
        ("zh_Hans", "zh_CN", True),
        ("zh_Hans", "zh_TW", False),
        ("pt_BR", "pt_PT", False),
        ("nl", "fr", False),
        ("xx", "xx", False),
    ],
)
def test_same_language(first: str, second: str, same: bool) -> None:
    assert same_language(first, second) is same
