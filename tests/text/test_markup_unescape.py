"""Character references of any length read as html.unescape reads them, never a crash."""

import html

from hypothesis import given
from hypothesis import strategies as st

from transkit.text.markup import missing_entities, unescape


def test_a_reference_of_thousands_of_digits_is_no_character() -> None:
    # Python refuses int() of more than 4,300 digits: html.unescape raises on these.
    assert unescape("a &#" + "9" * 5000 + "; b") == "a \ufffd b"
    assert unescape("&#" + "0" * 5000 + "65;") == "A"
    assert missing_entities("Entity &copy; here", "Entité &#" + "9" * 5000 + "; ici") == ["&copy;"]


@given(st.text(alphabet="&#0123456789;xAa b", max_size=40))
def test_short_text_unescapes_as_the_standard_library_does(text: str) -> None:
    assert unescape(text) == html.unescape(text)
