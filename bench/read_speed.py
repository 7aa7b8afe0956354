"""Time reading catalogs as ``transkit check`` reads them: the template, then each catalog
against it.

Not part of the test run. Usage:

    python bench/read_speed.py FOLDER [--catalogs fr,ja,ru,pl] [--repeat 5]

FOLDER holds one template (``*.pot``) and the catalogs (``LANG.po``), as the corpus of
bench/real_corpus.py does. Each run reads the template and the named catalogs (the first
four by default) in this process; the CPU time of the template's reading and the mean of a
catalog's are printed for each run, then their medians. The cyclic collector is off, as
check and stats keep it paused while they read (transkit/engine/collection.py). To compare
two versions of transkit on a shared machine, alternate them, for instance with an older
checkout first on the path:

    for i in 1 2 3; do PYTHONPATH=/tmp/old python bench/read_speed.py FOLDER --repeat 1
        python bench/read_speed.py FOLDER --repeat 1; done
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from transkit.po.reader import read_catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--catalogs", default="", help="languages to read, comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    [template_path] = sorted(args.folder.glob("*.pot"))
    names = args.catalogs.split(",") if args.catalogs else [p.stem for p in sorted(args.folder.glob("*.po"))][:4]
    paths = [args.folder / f"{name}.po" for name in names]
    gc.disable()
    templates, catalogs = [], []
    for _ in range(args.repeat):
        start = time.process_time()
        template = read_catalog(template_path, is_template=True)
        read = time.process_time()
        index = {entry.key: entry for entry in template.entries}
        begun = time.process_time()
        for path in paths:
            read_catalog(path, path_language=path.stem, template=index)
        done = time.process_time()
        templates.append(read - start)
        catalogs.append((done - begun) / len(paths))
        print(f"template {templates[-1]:.3f} s, a catalog {catalogs[-1]:.3f} s CPU")
        del template, index
    print(
        f"median of {args.repeat}: template {statistics.median(templates):.3f} s, "
        f"a catalog {statistics.median(catalogs):.3f} s CPU ({', '.join(names)})"
    )


if __name__ == "__main__":
    main()
