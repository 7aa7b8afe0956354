"""The model: catalogs, entries, languages, coverage and findings, as plain frozen data.

The lowest layer: it imports nothing of transkit but :mod:`transkit.errors`, so every
other layer can speak in its terms.
"""
