"""Maintaining catalogs: a new language from the template, msgmerge-style updates, and
compiling to MO files.
"""
