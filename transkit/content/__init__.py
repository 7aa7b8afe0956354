"""Campaign pages in and out of catalogs: Markdown and HTML pages taken apart into
segments for a template (``transkit extract``), and written again per language from the
catalogs, behind the QA gate (``transkit build``).

A peer of :mod:`transkit.reporting` and :mod:`transkit.maintenance`: it reads catalogs and
findings, and the library calls in :mod:`transkit.api.content` put it together with the
checks. docs/content.md explains the choices (parsers, placeholders, segments, the gate).
"""
