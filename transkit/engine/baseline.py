"""Adopting transkit on an old project: record today's findings, then report only new ones.

A fingerprint names a finding by what it is about, not where it is: language, msgctxt,
msgid and code.  Moving a message, re-wrapping the file or merging a new template changes
line numbers but not fingerprints.  Counts matter: if a message had one finding of a code
and now has two, one is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from transkit.errors import TranskitError
from transkit.model.findings import GATE_CODES, Finding
from transkit.project.paths import display_path

BASELINE_VERSION = 1


class BaselineError(TranskitError):
    """A baseline file that cannot be read."""


def fingerprint(finding: Finding) -> str:
    parts = [finding.language or "", finding.msgctxt or "", finding.msgid or "", finding.code]
    if finding.msgid is None:
        parts.append(finding.file)  # a catalog-level finding: one per file
    # surrogatepass: a msgid read with surrogate escapes (undecodable bytes) still has a print.
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32]


def render(findings: Iterable[Finding]) -> str:
    """The baseline file: sorted fingerprints with enough context to read it in a diff."""
    rows = sorted(
        (
            {
                "fingerprint": fingerprint(f),
                "code": f.code,
                "language": f.language,
                "msgctxt": f.msgctxt,
                "msgid": f.msgid,
            }
            for f in findings
        ),
        key=lambda row: (
            row["language"] or "",
            row["code"],
            row["msgctxt"] or "",
            row["msgid"] or "",
            row["fingerprint"],
        ),
    )
    return json.dumps({"version": BASELINE_VERSION, "findings": rows}, ensure_ascii=False, indent=1) + "\n"


def load(path: Path) -> Counter[str]:
    shown = display_path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"baseline file not found; record one with `transkit check --write-baseline {shown}`", shown
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"cannot read baseline: {error}", shown) from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"not a baseline (invalid JSON: {error.msg})", shown, error.lineno) from None
    if (
        not isinstance(document, dict)
        or document.get("version") != BASELINE_VERSION
        or not isinstance(document.get("findings"), list)
    ):
        raise BaselineError(f"not a transkit baseline of version {BASELINE_VERSION}", shown)
    try:
        return Counter(str(row["fingerprint"]) for row in document["findings"])
    except (TypeError, KeyError):
        raise BaselineError("not a transkit baseline: a finding without a fingerprint", shown) from None


def new_findings(findings: Iterable[Finding], known: Counter[str]) -> list[Finding]:
    """The findings beyond those the baseline counts, in their original order."""
    remaining = Counter(known)
    fresh = []
    for finding in findings:
        key = fingerprint(finding)
        if finding.code in GATE_CODES:
            fresh.append(finding)  # a gate is judged on every run, never grandfathered
        elif remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return fresh
