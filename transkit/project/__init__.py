"""A project on disk: where its template and catalogs are, how paths are shown, TOML files,
and writes that are atomic and locked.
"""
