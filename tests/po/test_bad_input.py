"""Bad input: one clear ``path:line: what is wrong`` line, exit 2, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, PROJECTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.cli import main
from transkit.errors import CatalogError
from transkit.po.reader import decode, parse_catalog, read_catalog

BAD = DATA / "bad"
TEMPLATE = PROJECTS / "lc_messages" / "site.pot"

# file → (line or None, words the message must hold)
EXPECTED = {
    "unterminated_string.po": (9, "end-of-line within string"),
    "bad_escape.po": (9, "invalid control sequence"),
    "invalid_utf8.po": (9, "not valid in the declared charset utf-8"),
    "unknown_charset.po": (5, "unknown charset 'KLINGON-8'"),
    "duplicate_entry.po": (11, "duplicate message definition"),
    "binary_mo.po": (None, "compiled MO file"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_catalog_alone_exits_2_with_path_and_line(name: str, in_tmp: Path) -> None:
    line, words = EXPECTED[name]
    shutil.copy(BAD / name, in_tmp / "fr.po")
    result = CliRunner().invoke(main, ["check", "fr.po", "--template", str(TEMPLATE)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    expected_prefix = f"fr.po:{line}: " if line else "fr.po: "
    [message] = result.stderr.splitlines()
    assert message.startswith(expected_prefix) and words in message
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_catalog_among_good_ones_is_reported_and_others_checked(name: str, in_tmp: Path) -> None:
    shutil.copytree(PROJECTS / "lc_messages", in_tmp / "p")
    shutil.copy(BAD / name, in_tmp / "p" / "nl.po")
    result = CliRunner().invoke(main, ["check", "p"])
    assert result.exit_code == 1
    line, words = EXPECTED[name]
    where = f"p/nl.po:{line}:" if line else "p/nl.po:"
    assert any(
        line.startswith(f"{where} error F001 unreadable-catalog: ") and words in line
        for line in result.stdout.splitlines()
    )
    assert "complete (3): de fr pt-BR" in result.stdout


def test_bad_template_exits_2(in_tmp: Path) -> None:
    shutil.copy(BAD / "unterminated_string.po", in_tmp / "site.pot")
    shutil.copy(PROJECTS / "lc_messages" / "fr" / "LC_MESSAGES" / "site.po", in_tmp / "fr.po")
    result = CliRunner().invoke(main, ["stats", "."])
    assert result.exit_code == 2
    assert result.stderr == "site.pot:9: end-of-line within string\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "nowhere"], "nowhere: no such file or folder"),
        (["check", "empty"], "empty: no catalogs (*.po) found"),
        (["check", "only_po", "--template", "missing.pot"], "missing.pot: template not found"),
        (
            ["update", "only_po"],
            "only_po: no template (*.pot) found here or in the parent folder; name one with --template "
            "(check, stats and terms work without one)\n",
        ),
        (["stats", "two_templates"], "two_templates: several templates (a.pot, b.pot)"),
    ],
)
def test_project_errors(args: list[str], message: str, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    (in_tmp / "empty" / "site.pot").write_bytes(TEMPLATE.read_bytes())
    (in_tmp / "only_po").mkdir()
    shutil.copy(PROJECTS / "lc_messages" / "fr" / "LC_MESSAGES" / "site.po", in_tmp / "only_po" / "fr.po")
    (in_tmp / "two_templates").mkdir()
    for name in ("a.pot", "b.pot"):
        (in_tmp / "two_templates" / name).write_bytes(TEMPLATE.read_bytes())
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_no_catalogs_folder_anywhere_says_how_to_name_the_catalogs(in_tmp: Path) -> None:
    """A translator runs `transkit check` beside the fr.po an agency sent."""
    shutil.copy(PROJECTS / "lc_messages" / "fr" / "LC_MESSAGES" / "site.po", in_tmp / "fr.po")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert result.stderr == (
        "catalogs: no such folder here or above, and no configuration names the catalogs: "
        "give catalog folders or .po files (transkit check fr.po)\n"
    )
    assert CliRunner().invoke(main, ["check", "fr.po"]).exit_code in (0, 1)


def test_unreadable_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "fr.po"
    target.write_text("x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(CatalogError) as caught:
        read_catalog(target, "fr.po")
    assert str(caught.value) == "fr.po: cannot read file: Permission denied"


def test_latin1_catalog_is_decoded_by_its_declared_charset() -> None:
    data = (BAD / "invalid_utf8.po").read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1")
    text = decode(data, "fr.po")
    assert "Politique de confidentialité" in text


def test_charset_is_found_after_a_long_opening_comment() -> None:
    # Found by the fuzz campaign: a header behind 64 KB of comments was decoded as UTF-8
    # whatever it declared, and a Latin-1 catalog was refused.
    data = (BAD / "invalid_utf8.po").read_bytes().replace(b"charset=UTF-8", b"charset=ISO-8859-1")
    text = decode(b"# " + b"x" * 70_000 + b"\n" + data, "fr.po")
    assert "Politique de confidentialité" in text


def test_crlf_is_read_like_lf() -> None:
    plain = (PROJECTS / "flat" / "fr.po").read_bytes()
    expected = parse_catalog(decode(plain, "fr.po"), Path("fr.po"), "fr.po")
    crlf = plain.replace(b"\n", b"\r\n")
    parsed = parse_catalog(decode(crlf, "fr.po"), Path("fr.po"), "fr.po")
    assert parsed.entries == expected.entries


def test_byte_order_mark_is_refused_as_msgfmt_refuses_it() -> None:
    data = b"\xef\xbb\xbf" + (PROJECTS / "flat" / "fr.po").read_bytes()
    with pytest.raises(CatalogError) as caught:
        parse_catalog(decode(data, "fr.po"), Path("fr.po"), "fr.po")
    assert str(caught.value) == "fr.po:1: syntax error: unexpected byte order mark"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_loader_never_crashes_on_random_bytes(data: bytes) -> None:
    try:
        catalog = parse_catalog(decode(data, "x.po"), Path("x.po"), "x.po")
    except CatalogError as error:
        assert error.path == "x.po" and error.message
    else:
        assert all(entry.line > 0 for entry in catalog.entries)


_VALID = (PROJECTS / "flat" / "nl.po").read_bytes()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(_VALID) - 1), st.binary(min_size=0, max_size=3))
def test_loader_never_crashes_on_mutated_catalogs(position: int, replacement: bytes) -> None:
    data = _VALID[:position] + replacement + _VALID[position + 1 :]
    try:
        catalog = parse_catalog(decode(data, "x.po"), Path("x.po"), "x.po")
    except CatalogError as error:
        assert error.message
    else:
        assert all(entry.line > 0 for entry in catalog.entries)


MALFORMED = DATA / "malformed"
# Valid for msgfmt, refused by the loader on purpose (documented in the README). An empty
# file or one of comments only is read: a catalog without a header (H113).
STRICTER_THAN_MSGFMT = {"nul_in_string.po"}


@pytest.mark.parametrize("path", sorted(MALFORMED.glob("*/*.po")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_loader_verdict_on_the_msgfmt_corpus(path: Path) -> None:
    """Every file msgfmt rejects is refused by the loader; valid ones are read."""
    try:
        read_catalog(path, path.name)
    except CatalogError as error:
        assert path.parent.name == "invalid" or path.name in STRICTER_THAN_MSGFMT, str(error)
        assert str(error).startswith(path.name)
    else:
        assert path.parent.name == "valid" and path.name not in STRICTER_THAN_MSGFMT


@pytest.mark.parametrize("charset", ["zlib_codec", "base64_codec", "rot13", "hex"])
def test_regression_a_codec_that_is_no_charset_is_an_unknown_charset(tmp_path: Path, charset: str) -> None:
    """``charset=zlib_codec`` is in Python's codec registry, but turns bytes into bytes:
    decoding with it raised a LookupError, a traceback (issue 17)."""
    path = tmp_path / "fr.po"
    path.write_bytes(
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=' + charset.encode() + b'\\n"\n\n'
        b'msgid "a"\nmsgstr "b"\n'
    )
    with pytest.raises(CatalogError, match=f"unknown charset '{charset}'") as refused:
        read_catalog(path, path.name)
    assert refused.value.line == 3
