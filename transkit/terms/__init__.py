"""The termbase of critical terms: its model, its file formats and its matcher."""

from __future__ import annotations

from pathlib import Path

from transkit.errors import GlossaryError, TermbaseInvalid
from transkit.project.paths import display_path
from transkit.terms.model import ANY_LANGUAGE, Form, Term, Termbase, TermKind

__all__ = ["ANY_LANGUAGE", "Form", "GlossaryError", "Term", "TermKind", "Termbase", "load_termbase"]


def load_termbase(path: Path) -> Termbase:
    """A termbase from a file (TOML, TBX or CSV) or from every ``*.toml`` of a folder."""
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
    elif path.is_file():
        files = [path]
    else:
        raise GlossaryError("termbase not found", display_path(path))
    terms: list[Term] = []
    seen: dict[str, str] = {}
    for file in files:
        for term in _read(file).terms:
            if term.id in seen:
                raise TermbaseInvalid(f"duplicate term id {term.id!r} (also in {seen[term.id]})", display_path(file))
            seen[term.id] = term.origin or display_path(file)
            terms.append(term)
    return Termbase(terms=tuple(terms), sources=tuple(files))


def _read(path: Path) -> Termbase:
    suffix = path.suffix.lower()
    if suffix == ".toml":
        from transkit.terms.toml_format import load_toml

        return load_toml(path)
    if suffix in (".tbx", ".xml"):
        from transkit.terms.tbx import read_tbx

        return read_tbx(path)
    if suffix == ".csv":
        from transkit.terms.csv_format import read_csv

        return read_csv(path)
    raise GlossaryError(f"unknown termbase format {path.suffix!r}; use .toml, .tbx or .csv", display_path(path))
