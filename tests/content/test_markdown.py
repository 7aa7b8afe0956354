"""Markdown pages: what becomes a segment, how inline markup looks to a translator, and
that a page built from its own segments renders as the source does."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transkit.content.markdown import MarkdownPage, new_parser, render_html
from transkit.content.messages import MarkupRejected, parse, validate
from transkit.errors import ContentError

PAGE = """\
---
title: Call the helpline
description: Free, anonymous, 24/7.
layout: page
---
# Get help

Call [078 055 800](tel:+3278055800 "Call now") or write to <help@stophumantrafficking.be>.

<!-- transkit: skip -->
This paragraph is for the web team only.

## Signs

- Someone *else* keeps your **passport**
- Run `make site` to rebuild

| Centre | City |
|---|---|
| PAG-ASA | Brussels |

```
code is never a segment
```

![A blue heart](heart.png)
"""


def _page(text: str) -> MarkdownPage:
    return MarkdownPage(Path("content/help.md"), "content/help.md", text)


def _messages(text: str) -> list[str]:
    return [segment.message for segment in _page(text).segments]


def test_segments_are_the_blocks_a_reader_sees_with_markup_as_placeholders() -> None:
    assert _messages(PAGE) == [
        "Call the helpline",
        "Free, anonymous, 24/7.",
        "Get help",
        "Call <a1>078 055 800</a1> or write to <a2/>.",
        "Call now",
        "Signs",
        "Someone <em>else</em> keeps your <strong>passport</strong>",
        "Run <code1/> to rebuild",
        "Centre",
        "City",
        "PAG-ASA",
        "Brussels",
        "A blue heart",
    ]


def test_a_segment_knows_its_line_section_and_what_its_placeholders_stand_for() -> None:
    page = _page(PAGE)
    call = page.segments[3]
    assert call.line == 8
    assert call.section == ("Get help",)
    assert call.notes == ("<a1> links to tel:+3278055800", "<a2/> is <help@stophumantrafficking.be>")
    code = next(s for s in page.segments if s.message.startswith("Run"))
    assert code.section == ("Get help", "Signs")
    assert code.notes == ("<code1/> is the code make site",)
    assert page.title == "Call the helpline"


def test_a_translated_page_keeps_structure_targets_and_the_other_front_matter() -> None:
    french = {
        "Get help": "Obtenir de l’aide",
        "Call <a1>078 055 800</a1> or write to <a2/>.": "Appelez le <a1>078 055 800</a1> ou écrivez à <a2/>.",
        "Call now": "Appeler",
        "Call the helpline": "Appeler la ligne d’aide",
        "Someone <em>else</em> keeps your <strong>passport</strong>": "Quelqu’un garde votre <strong>passeport</strong> <em>à votre place</em>",
    }
    built = _page(PAGE).build(lambda m: parse(french.get(m, m)), "fr", "ltr")
    assert 'title: "Appeler la ligne d’aide"' in built
    assert "layout: page" in built
    assert "# Obtenir de l’aide" in built
    html = render_html(built)
    assert '<a href="tel:+3278055800" title="Appeler">078 055 800</a>' in html
    assert '<a href="mailto:help@stophumantrafficking.be">help@stophumantrafficking.be</a>' in html
    assert "<li>Quelqu’un garde votre <strong>passeport</strong> <em>à votre place</em></li>" in html
    assert "This paragraph is for the web team only." in html  # skipped, so kept as written
    assert "<code>make site</code>" in html


def test_markdown_in_a_translation_is_text_not_syntax() -> None:
    hostile = "# Not a heading [x](javascript:alert(1)) <script>alert(1)</script> *no*"
    page = _page("Hello there\n")
    built = page.build(lambda m: [hostile], "fr", "ltr")
    html = render_html(built)
    assert "<script>" not in html and "<a " not in html and "<em>" not in html and "<h1>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "translation",
    [
        "<script>alert(1)</script>Appelez",
        '<a1 onerror="alert(1)">Appelez</a1>',
        "Appelez <a1>ici</a1> <a1>là</a1>",
        "Appelez <a2>ici</a2>",
        "Appelez <a1>ici",
    ],
)
def test_a_translation_with_markup_its_source_lacks_is_rejected(translation: str) -> None:
    with pytest.raises(MarkupRejected):
        validate("Call <a1>here</a1>", translation)


def test_placeholders_may_move() -> None:
    tree = validate("Call <a1>here</a1> <em>now</em>", "<em>Maintenant</em>, appelez <a1>ici</a1>")
    assert [getattr(node, "name", node) for node in tree] == ["em", ", appelez ", "a1"]


def test_front_matter_that_does_not_parse_is_bad_input_with_its_line() -> None:
    with pytest.raises(ContentError) as caught:
        _page("---\ntitle: ok\ndescription: [unclosed\n---\nText\n")
    assert caught.value.path == "content/help.md"
    assert caught.value.line == 3  # the line YAML stopped at
    assert "front matter is not valid YAML" in caught.value.message


def test_lines_of_a_paragraph_become_one_message_and_hard_breaks_a_br() -> None:
    assert _messages("> first line\n> second line  \n> third\n") == ["first line second line<br>third"]
    built = _page("> first line\n> second line  \n> third\n").build(parse, "fr", "ltr")
    assert render_html(built) == "<blockquote>\n<p>first line second line<br />\nthird</p>\n</blockquote>\n"


# --------------------------------------------------------------------------
# The round trip, on documents Hypothesis writes.

_WORDS = st.sampled_from(
    ["help", "call", "078 055 800", "Blue Heart", "a*b", "x_y", "[note]", "<tag>", "&amp;", "1.", "#", "-", "|", "!"]
)
_INLINE = st.one_of(
    _WORDS,
    _WORDS.map(lambda w: f"*{w}*"),
    _WORDS.map(lambda w: f"**{w}**"),
    _WORDS.map(lambda w: f"`{w}`"),
    _WORDS.map(lambda w: f"[{w}](https://stophumantrafficking.be/{len(w)} 'title {w}')"),
    _WORDS.map(lambda w: f"![{w}](img/{len(w)}.png)"),
    st.just("<https://stoptraite.be>"),
    st.just("<b>bold</b>"),
)
_LINE = st.lists(_INLINE, min_size=1, max_size=6).map(" ".join)
_BLOCK = st.one_of(
    _LINE,
    _LINE.map(lambda text: "# " + text),
    _LINE.map(lambda text: text + "\n===="),
    _LINE.map(lambda text: "> " + text),
    st.lists(_LINE, min_size=1, max_size=3).map(lambda items: "\n".join("- " + item for item in items)),
    st.lists(_LINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))),
    st.tuples(_LINE, _LINE).map(lambda pair: f"{pair[0]}\n{pair[1]}"),
    st.tuples(_LINE, _LINE).map(lambda pair: f"{pair[0]}  \n{pair[1]}"),
    st.tuples(_WORDS, _WORDS).map(lambda pair: f"| {pair[0]} | {pair[1]} |\n|---|---|\n| {pair[1]} | {pair[0]} |"),
    st.just("```\ncode *kept*\n```"),
)
_DOCUMENT = st.lists(_BLOCK, min_size=1, max_size=6).map(lambda blocks: "\n\n".join(blocks) + "\n")


def _spaced(text: str) -> str:
    renderer = new_parser()
    renderer.add_render_rule("softbreak", lambda *_: " ")
    return renderer.render(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT)
def test_a_page_built_from_its_own_segments_renders_like_the_source(document: str) -> None:
    built = _page(document).build(parse, "en", "ltr")
    assert _spaced(built) == _spaced(document)


@settings(max_examples=200, deadline=None)
@given(_DOCUMENT, st.lists(_WORDS, min_size=1, max_size=4).map(" ".join))
def test_whatever_the_translation_says_no_new_markup_reaches_the_page(document: str, words: str) -> None:
    """Text a translation puts where its source had text comes out as text: every element
    of the built page's HTML is one the source's HTML has, whatever characters the
    translation uses (``<tag>``, ``[note]``, ``a*b``, ``#``, ``1.``, ``|``...)."""
    built = _page(document).build(lambda m: [words], "fr", "ltr")
    elements = Counter(re.findall(r"<([a-z][a-z0-9]*)", _spaced(built)))
    allowed = Counter(re.findall(r"<([a-z][a-z0-9]*)", _spaced(document)))
    assert not elements - allowed


def test_a_block_whose_text_cannot_be_placed_back_is_refused_not_left_untranslated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If transkit cannot find where a block's text is in its lines, the page is bad input:
    leaving the block out would publish it in the source language in every language."""
    monkeypatch.setattr(MarkdownPage, "_prefixes", lambda self, first, content: None)
    with pytest.raises(ContentError, match="cannot find this block's text") as caught:
        _page("# Title\n\nSome text.\n")
    assert caught.value.line == 3


def test_a_page_with_crlf_lines_keeps_them() -> None:
    page = _page("# Title\r\n\r\nSome text\r\non two lines.\r\n")
    assert [s.message for s in page.segments] == ["Title", "Some text on two lines."]
    assert page.build(lambda m: parse(m.upper()), "fr", "ltr") == "# TITLE\r\n\r\nSOME TEXT ON TWO LINES.\r\n"


def test_the_skip_marker_keeps_out_the_next_block_of_its_own_container_only() -> None:
    page = "> quoted\n>\n> <!-- transkit: skip -->\n\nAfter the quote.\n\n<!-- transkit: skip -->\n- a list\n- all of it\n\nKept.\n"
    assert _messages(page) == ["quoted", "After the quote.", "Kept."]
