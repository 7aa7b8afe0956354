"""Inline codes shared by the XLIFF formats: which code of a target is which code of its
source, so a CAT tool shows them as the same protected token."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from transkit.handoff.units import Code, Piece, pieces


def numbered(source: str, target: str, prefix: str) -> tuple[list[tuple[Piece, str]], list[tuple[Piece, str]]]:
    """Source and target pieces, each code with its id: ``prefix`` and a number in the
    source; in the target, the id of the source code written the same (first unused), so
    a moved placeholder keeps its id, and a new one for a code the source does not have."""
    source_pieces = pieces(source)
    result_source: list[tuple[Piece, str]] = []
    free: dict[tuple[str, str], list[str]] = {}
    pair_ids: dict[int, str] = {}
    count = 0
    for piece in source_pieces:
        if isinstance(piece, Code):
            if piece.kind == "close":
                code_id = pair_ids[piece.pair]
            else:
                count += 1
                code_id = f"{prefix}{count}"
                pair_ids[piece.pair] = code_id
                free.setdefault((piece.kind, piece.text), []).append(code_id)
            result_source.append((piece, code_id))
        else:
            result_source.append((piece, ""))
    result_target: list[tuple[Piece, str]] = []
    target_pairs: dict[int, str] = {}
    extra = 0
    for piece in pieces(target):
        if isinstance(piece, Code):
            if piece.kind == "close":
                code_id = target_pairs[piece.pair]
            else:
                available = free.get((piece.kind, piece.text))
                if available:
                    code_id = available.pop(0)
                else:
                    extra += 1
                    code_id = f"{prefix}t{extra}"
                target_pairs[piece.pair] = code_id
            result_target.append((piece, code_id))
        else:
            result_target.append((piece, ""))
    return result_source, result_target


def nest(items: Sequence[tuple[Piece, str]], emit_text: Callable[[str], None], emit_code: Callable[..., None]) -> None:
    """Walk pieces as a tree: ``emit_code(kind, code, id, children)`` for a code, where a
    paired code's ``children`` are the pieces between its opening and closing tag."""
    index = 0
    while index < len(items):
        piece, code_id = items[index]
        if isinstance(piece, str):
            emit_text(piece)
            index += 1
            continue
        if piece.kind == "open":
            # Pair numbers are unique within a text and pairs nest (see pieces()).
            end = next(later for later in range(index + 1, len(items)) if _closes(items[later][0], piece.pair))
            closing = items[end][0]
            assert isinstance(closing, Code)
            emit_code("pair", piece, code_id, items[index + 1 : end], closing)
            index = end + 1
            continue
        emit_code("ph", piece, code_id, (), None)
        index += 1


def _closes(piece: Piece, pair: int) -> bool:
    return isinstance(piece, Code) and piece.kind == "close" and piece.pair == pair


MakeCode = Callable[[Any, str, Code, str, Sequence[tuple[Piece, str]], "Code | None", Any], Any]
"""Writes one code into an element: ``(element, kind, code, id, children, closing, last)``
→ the element written last (whose tail takes the text that follows)."""


def fill(element: Any, items: Sequence[tuple[Piece, str]], make_code: MakeCode, last: Any = None) -> Any:
    """Write pieces into an XML element: text into the element's text or the tail of the
    code written last, each code by ``make_code``. Returns the child written last."""

    def add_text(text: str) -> None:
        if last is not None:
            last.tail = (last.tail or "") + text
        else:
            element.text = (element.text or "") + text

    def add_code(
        kind: str, piece: Code, code_id: str, children: Sequence[tuple[Piece, str]], closing: Code | None
    ) -> None:
        nonlocal last
        last = make_code(element, kind, piece, code_id, children, closing, last)

    nest(items, add_text, add_code)
    return last
