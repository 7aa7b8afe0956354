"""The gettext formats: reading PO files as msgfmt does, writing them as gettext lays them
out, MO files, plural expressions and rules, and the format-string parsers that the
placeholder checks and the writer share.
"""
