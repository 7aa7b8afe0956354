"""What the hand-off tests share: a copy of the campaign, the command line, and a
simulated translator who edits XLIFF 2.0 packages the way a CAT tool writes them."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result
from conftest import CATALOGS, OTHER_DOMAINS, ROOT
from lxml import etree

from transkit.cli import main

X = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"


def copy_campaign(folder: Path) -> Path:
    """The shipped catalogs and termbase, copied into ``folder``."""
    shutil.copytree(CATALOGS, folder / "catalogs", ignore=OTHER_DOMAINS)
    shutil.copytree(ROOT / "glossary", folder / "glossary")
    return folder


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


class Xliff:
    """An exported XLIFF 2.0 package, edited as a translator's tool would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = etree.parse(str(path)).getroot()

    def unit(self, msgid: str):
        for unit in self.root.iter(f"{{{X}}}unit"):
            meta = {m.get("type"): m.text for m in unit.iter(f"{{{MDA}}}meta")}
            if meta.get("msgid") == msgid:
                return unit
        raise KeyError(msgid)

    def translate(self, msgid: str, *parts: str, state: str = "final", form: int = 0) -> None:
        """Set a segment's target to ``parts``: text, or ``{code}`` for the inline code
        whose original text is ``code`` (``{%(filename)s}``)."""
        unit = self.unit(msgid)
        data = {d.text: d.get("id") for d in unit.iter(f"{{{X}}}data")}
        segment = unit.findall(f"{{{X}}}segment")[form]
        codes = {ph.get("dataRef"): ph.get("id") for ph in segment.find(f"{{{X}}}source").iter(f"{{{X}}}ph")}
        target = segment.find(f"{{{X}}}target")
        if target is None:
            target = etree.SubElement(segment, f"{{{X}}}target")
        for child in list(target):
            target.remove(child)
        target.text = ""
        last = None
        for part in parts:
            if part.startswith("{") and part.endswith("}") and part[1:-1] in data:
                ref = data[part[1:-1]]
                last = etree.SubElement(target, f"{{{X}}}ph", id=codes[ref], dataRef=ref)
            elif last is None:
                target.text += part
            else:
                last.tail = (last.tail or "") + part
        segment.set("state", state)

    def save(self) -> None:
        self.path.write_bytes(etree.tostring(self.root, xml_declaration=True, encoding="UTF-8"))
