"""HTML pages: the runs of text that become segments, what stays out, what does not
parse, and a folder of pages that comes back the same from its own segments."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from transkit.content.html import HtmlPage
from transkit.content.messages import parse
from transkit.content.pages import find_sources, read_page
from transkit.errors import ContentError

PAGES = DATA / "content" / "html"


def _page(name: str) -> HtmlPage:
    page = read_page(PAGES / name)
    assert isinstance(page, HtmlPage)
    return page


def _messages(name: str) -> list[str]:
    return [segment.message for segment in _page(name).segments]


def test_segments_of_a_page_with_navigation_table_form_and_code() -> None:
    assert _messages("signs.html") == [
        "Recognising the signs",
        "Home",
        "<a1>Help</a1>",
        "<a1>Signs</a1>",
        "Signs of trafficking",
        "Recognising the signs",
        "A person may be a victim when <strong>someone else</strong> keeps their passport, their wages or their <abbr1>ID</abbr1> card.",
        "identity",
        "Sign",
        "What to do",
        "No access to documents",
        "Call <a1>078\u00a0055\u00a0800</a1>",
        "Your message",
        "Describe what you saw",
        "Run <code1/> to publish. Say &lt;hello> & more.",
    ]


def test_text_beside_block_elements_is_a_segment_of_its_own() -> None:
    assert _messages("about.htm") == [
        "Blue Heart is a <em>UN</em> campaign.",
        "Belgium joined it in <b>2009</b>.",
        "Thanks for reading.",
    ]


def test_references_point_at_the_line_of_the_text() -> None:
    lines = {segment.message: segment.line for segment in _page("signs.html").segments}
    assert lines["No access to documents"] == 11
    assert lines["Describe what you saw"] == 12


def test_a_folder_of_pages_built_from_their_own_segments_is_the_same_document() -> None:
    for source in find_sources([PAGES]):
        page = read_page(source.path)
        built = page.build(parse, "en", "ltr")
        parser = etree.HTMLParser()
        before = etree.fromstring(source.path.read_text(encoding="utf-8"), parser)
        after = etree.fromstring(built, parser)
        after.attrib.pop("lang", None), after.attrib.pop("dir", None)
        before.attrib.pop("lang", None)
        # The same tree, text collapsed as a browser shows it.
        assert _shape(after) == _shape(before), source.path.name


def _shape(element: etree._Element) -> list:
    shape = []
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else "#comment"
        shape.append((tag, sorted(node.attrib.items()) if isinstance(node.tag, str) else None))
        shape.append(" ".join((node.text or "").split()))
        shape.append(" ".join((node.tail or "").split()))
    return shape


def test_the_built_page_says_its_language_and_direction_and_escapes_text() -> None:
    page = _page("about.htm")
    hostile = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>'
    built = page.build(lambda message: [hostile], "ar", "rtl")
    root = etree.fromstring(built, etree.HTMLParser())
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"
    assert root.find(".//script") is None and root.find(".//img") is None
    assert "&lt;script&gt;" in built


def test_translate_no_skip_marker_script_and_pre_stay_as_written() -> None:
    built = _page("signs.html").build(lambda message: _words_replaced(parse(message)), "fr", "ltr")
    assert "XXX <code>transkit build</code> XXX" in built and "Run " not in built
    assert "<p>Editors only.</p>" in built
    assert "<pre>078 055 800</pre>" in built
    assert 'document.title = "x";' in built


def _words_replaced(tree: list) -> list:
    """Every text of a tree replaced by XXX, the placeholders kept: a translation."""
    for index, node in enumerate(tree):
        if isinstance(node, str):
            tree[index] = " XXX " if node.strip() else node
        else:
            _words_replaced(node.children)
    return tree


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("<html><body>\n<p>Unclosed <b>bold</p>\n</body></html>", 2, "Opening and ending tag mismatch"),
        ("<html><body>\n\n<p>ok</p></div>\n</body></html>", 3, "Unexpected end tag"),
    ],
)
def test_html_whose_structure_the_parser_had_to_guess_does_not_parse(
    tmp_path: Path, text: str, line: int, what: str
) -> None:
    path = tmp_path / "bad.html"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_page(path)
    assert caught.value.line == line
    assert what in caught.value.message


def test_a_page_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Title\n\nCaf\xe9 au lait\n".encode("latin-1"))
    with pytest.raises(ContentError) as caught:
        read_page(path)
    assert (caught.value.line, caught.value.message) == (3, "not UTF-8 (byte 0xe9)")


def test_an_unknown_file_type_named_directly_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(ContentError, match="unknown file type '.txt'"):
        find_sources([path])


def test_two_pages_that_would_be_built_to_the_same_place_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text("<p>Hello</p>", encoding="utf-8")
    with pytest.raises(ContentError, match=r"would be built to the same place as .*a/index.html \(index.html\)"):
        find_sources([tmp_path / "a" / "index.html", tmp_path / "b" / "index.html"])
    assert [s.relative.as_posix() for s in find_sources([tmp_path])] == ["a/index.html", "b/index.html"]


# --------------------------------------------------------------------------
# The round trip, on pages Hypothesis writes.

_WORD = st.sampled_from(
    ["help", "078 055 800", "a &lt; b", "&amp;", "&lt;b&gt;", "“quoted”", "Sürya", "x\n  y", "&nbsp;"]
)
_INLINE = st.one_of(
    _WORD,
    _WORD.map(lambda w: f"<em>{w}</em>"),
    _WORD.map(lambda w: f'<a href="tel:+3278055800" title="Call {w}">{w}</a>'),
    _WORD.map(lambda w: f"<code>{w}</code>"),
    _WORD.map(lambda w: f'<span class="n">{w}</span>'),
    _WORD.map(lambda w: f'<img src="data:," alt="{w}">'),
    _WORD.map(lambda w: f'<a href="/signs"><strong>{w}</strong> and <abbr title="{w}">ID</abbr></a>'),
    st.just("<br>"),
    st.just("<!-- a comment -->"),
)
_RUN = st.lists(_INLINE, min_size=1, max_size=5).map(" ".join)
_BLOCK = st.one_of(
    _RUN.map(lambda r: f"<p>{r}</p>"),
    _RUN.map(lambda r: f"<h2>{r}</h2>"),
    st.lists(_RUN, min_size=1, max_size=3).map(
        lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    ),
    st.tuples(_RUN, _RUN).map(lambda pair: f"<div>{pair[0]}<p>{pair[1]}</p>{pair[0]}</div>"),
    st.tuples(_RUN, _RUN).map(lambda pair: f"<table><tr><td>{pair[0]}</td><td>{pair[1]}</td></tr></table>"),
    _RUN.map(lambda r: f'<p translate="no">{r}</p>'),
    _RUN,  # text directly in <body>, between blocks
)
_HTML = st.lists(_BLOCK, min_size=1, max_size=5).map(
    lambda blocks: (
        '<!DOCTYPE html>\n<html lang="en"><head><title>Page</title></head><body>\n'
        + "\n".join(blocks)
        + "\n</body></html>\n"
    )
)


@settings(max_examples=200, deadline=None)
@given(_HTML)
def test_a_page_built_from_its_own_segments_is_the_same_document(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    page = HtmlPage(Path("page.html"), "page.html", text)
    built = page.build(parse, "en", "ltr")
    before = etree.fromstring(text, etree.HTMLParser())
    after = etree.fromstring(built, etree.HTMLParser())
    after.attrib.pop("dir", None)
    assert _shape(after) == _shape(before)
