"""Work packages for translators: what ``transkit export`` writes and ``transkit import``
reads back (XLIFF 2.0, XLIFF 1.2, XLSX, CSV, PO), around one model of a unit of work.

A package leaves the project and comes back from a CAT tool, an agency or a volunteer's
spreadsheet, so everything read here is untrusted input: see :mod:`transkit.handoff.safety`.
The decisions (unit ids, states, inline codes, limits) are explained in docs/handoff.md.
"""
