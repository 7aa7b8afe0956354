"""``python -m transkit``: the command line, for environments without the script on PATH."""

from transkit.cli.script import run

if __name__ == "__main__":
    run()
