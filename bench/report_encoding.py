"""Time writing a large report as JSON and SARIF: the standard library's encoder against
the one transkit uses (``transkit.reporting.json_report.dumps``).

Not part of the test run. Usage:

    python bench/report_encoding.py REPORT.json [--findings 43000] [--repeat 5]

REPORT.json is the output of ``transkit check --format json`` (for instance on the corpus of
bench/real_corpus.py); its first ``--findings`` findings are made into a report again, and
each step is timed ``--repeat`` times in this process (CPU time, the best run): building the
JSON document, encoding it with ``json.dumps(..., ensure_ascii=False, indent=2)`` (what
transkit used before) and with ``json_report.dumps``, and the same for the SARIF document.
The two encoders' texts are compared, so the run also says whether they are identical.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from transkit.model.coverage import Coverage
from transkit.model.findings import Finding, Report, Severity
from transkit.reporting import json_report, sarif


def best(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        step()
        times.append(time.process_time() - start)
    return min(times)


def report_from(path: Path, count: int) -> Report:
    data = json.loads(path.read_text(encoding="utf-8"))
    findings = tuple(
        Finding(
            file=f["file"],
            line=f["line"],
            code=f["code"],
            check=f["check"],
            severity=Severity(f["severity"]),
            message=f["message"],
            language=f["language"],
            msgctxt=f["msgctxt"],
            msgid=f["msgid"],
            domain=f.get("domain"),
        )
        for f in data["findings"][:count]
    )
    coverage = tuple(Coverage(**c) for c in data["coverage"])
    return Report(template=data["template"], findings=findings, coverage=coverage)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--findings", type=int, default=43000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    report = report_from(args.report, args.findings)
    document = {
        "findings": [json_report.finding_dict(f) for f in report.findings],
        "coverage": [c.as_dict() for c in report.coverage],
    }
    sarif_document = sarif.document(report)

    def stdlib(doc: object) -> str:
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    rows = [
        ("JSON: build the document (finding_dict)", lambda: [json_report.finding_dict(f) for f in report.findings]),
        ("JSON: json.dumps, indent=2 (before)", lambda: stdlib(document)),
        ("JSON: json_report.dumps (orjson)", lambda: json_report.dumps(document)),
        ("SARIF: build the document (sarif.document)", lambda: sarif.document(report)),
        ("SARIF: json.dumps, indent=2 (before)", lambda: stdlib(sarif_document)),
        ("SARIF: json_report.dumps (orjson)", lambda: json_report.dumps(sarif_document)),
    ]
    print(f"{len(report.findings):,} findings, best of {args.repeat}, CPU seconds")
    print("| step | s |\n|---|---:|")
    for name, step in rows:
        print(f"| {name} | {best(step, args.repeat):.3f} |")
    same = stdlib(document) == json_report.dumps(document) and stdlib(sarif_document) == json_report.dumps(
        sarif_document
    )
    print(f"\nthe two encoders' texts are {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
