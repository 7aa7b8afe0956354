"""``python -m transkit``: the command line, for environments without the script on PATH."""

from transkit.cli import main

if __name__ == "__main__":
    main(prog_name="transkit")
