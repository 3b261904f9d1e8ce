"""Carry translations over when a text moves to another class (another context).

pyside6-lupdate keys a text by its context, the class whose `tr()` asks for it, so a
text moved from MainWindow to a small controller arrives "unfinished" in the new
context while its translation waits, "vanished", in the old one. This fills each
unfinished entry from a vanished entry with the same source text (and comment), and
drops vanished entries whose text is asked for elsewhere. update.sh runs it between
lupdate and lrelease.

usage: carry_over.py FILE.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _key(message: ET.Element) -> tuple[str, str]:
    return (message.findtext("source") or "", message.findtext("comment") or "")


def carry_over(ts: Path) -> int:
    tree = ET.parse(ts)
    vanished: dict[tuple[str, str], ET.Element] = {}
    unfinished: list[ET.Element] = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type")
        if kind in ("vanished", "obsolete") and (translation.text or "").strip():
            vanished.setdefault(_key(message), message)
        elif kind == "unfinished":  # empty, or lupdate's same-text guess, still unchecked
            unfinished.append(message)
    carried = 0
    for message in unfinished:
        old = vanished.get(_key(message))
        if old is None:
            continue
        translation = message.find("translation")
        assert translation is not None
        translation.text = old.findtext("translation")
        del translation.attrib["type"]
        carried += 1
    dropped = 0
    for context in tree.getroot().iter("context"):
        for message in list(context.iter("message")):
            if message in vanished.values() and _asked_for(tree, _key(message)):
                context.remove(message)
                dropped += 1
    if carried or dropped:  # else leave lupdate's own formatting alone
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return carried


def _asked_for(tree: ET.ElementTree, key: tuple[str, str]) -> bool:
    """Whether the code still asks for this text somewhere (not only vanished copies)."""
    for message in tree.iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else None
        if _key(message) == key and kind not in ("vanished", "obsolete"):
            return True
    return False


if __name__ == "__main__":
    print(f"carried over {carry_over(Path(sys.argv[1]))} translations")
