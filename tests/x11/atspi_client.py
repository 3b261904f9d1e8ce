"""An AT-SPI client, as a screen reader is one: run with Debian's /usr/bin/python3
(pyatspi is a Debian package, not in the virtualenv). It reads the reading view of the
app started by tests/x11/atspi_app.py, acts on it, and prints what it found as JSON.

Not a test module: tests/ui/test_accessibility_atspi.py runs it and checks the JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

APP_NAME = "atspi_app.py"
VIEW_NAME = "Handbook text"
SEARCH_NAME = "Search the handbook"
HEADER_ROLES = {
    "column header",
    "table column header",
}  # the reading view (the glossary's meaning view is another)
EVENTS: list[dict[str, Any]] = []


def pump() -> None:
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def wait_for(find: Callable[[], Any], seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pump()
        try:
            found = find()
        except Exception:  # the tree changes under us while a page is replaced
            found = None
        if found:
            return found
        time.sleep(0.05)
    return None


def descendants(node: Any) -> list[Any]:
    found = []
    for child in node:
        if child is not None:
            found.append(child)
            found.extend(descendants(child))
    return found


def the_app() -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    return next((a for a in desktop if a is not None and a.name == APP_NAME), None)


def the_document(app: Any) -> Any:
    for node in descendants(app):
        if (
            node.getRoleName() == "document frame"
            and node.parent.name == VIEW_NAME
            and node.childCount > 0
        ):
            return node
    return None


def level(node: Any) -> int:
    attributes = dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
    return int(attributes.get("level", "0"))


def action(node: Any, name: str) -> None:
    actions = node.queryAction()
    for index in range(actions.nActions):
        if actions.getName(index) == name:
            actions.doAction(index)
            return
    raise LookupError(name)


def on_event(event: Any) -> None:
    source = event.source
    EVENTS.append(
        {
            "type": str(event.type),
            "detail1": event.detail1,
            "data": event.any_data if isinstance(event.any_data, str) else "",
            "role": source.getRoleName() if source is not None else "",
            "name": source.name if source is not None else "",
        }
    )


def wait_event(kind: str, check: Callable[[dict[str, Any]], bool], seconds: float = 10) -> Any:
    return wait_for(
        lambda: next((e for e in EVENTS if e["type"] == kind and check(e)), None), seconds
    )


def main() -> int:
    report: dict[str, Any] = {}
    try:
        if sys.argv[1:2] == ["kiosk"]:
            return kiosk_announcements(report)
        if sys.argv[1:2] == ["glossary"]:
            return glossary_definition(report)
        return read_and_act(report)
    except Exception as error:  # the test shows what was found before it went wrong
        report["error"] = repr(error)
        print(json.dumps(report))
        return 1


def read_and_act(report: dict[str, Any]) -> int:
    app = wait_for(the_app, 30)
    document = app and wait_for(lambda: the_document(app), 30)
    if not document:
        print(json.dumps({"error": "no document frame in the app"}))
        return 1
    nodes = descendants(document)
    report["headings"] = [[n.name, level(n)] for n in nodes if n.getRoleName() == "heading"]
    links = [n for n in nodes if n.getRoleName() == "link"]
    report["links"] = [[n.name, n.description] for n in links]
    report["tables"] = [
        {
            "headers": [h.name for h in descendants(t) if h.getRoleName() in HEADER_ROLES],
            "roles": sorted({n.getRoleName() for n in descendants(t)}),
            "cells": sum(1 for c in descendants(t) if c.getRoleName() == "table cell"),
        }
        for t in nodes
        if t.getRoleName() == "table"
    ]
    view = document.parent
    report["view_text"] = view.queryText().getText(0, 300)
    report["view_role"] = view.getRoleName()

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    pyatspi.Registry.registerEventListener(on_event, "object:state-changed:focused")
    word = next(n for n in links if n.description)
    action(word, "Press")
    report["meaning_announced"] = wait_event("object:announcement", lambda e: bool(e["data"]))

    box = next(n for n in descendants(app) if n.name == SEARCH_NAME)
    box.queryEditableText().setTextContents("leukemia")
    report["results_announced"] = wait_event("object:announcement", lambda e: "result" in e["data"])

    results = next(
        n
        for n in descendants(app)
        if n.name == "Search results" and n.getRoleName() in {"list", "list box"}
    )
    results.queryComponent().grabFocus()
    time.sleep(0.3)
    subprocess.run(["xdotool", "key", "Down"], check=True, timeout=30)
    report["result_announced"] = wait_event(
        "object:announcement", lambda e: e["data"].startswith("Result ")
    )

    plain = [n for n in links if not n.description]
    action(plain[0], "SetFocus")
    time.sleep(0.3)
    subprocess.run(["xdotool", "key", "Tab"], check=True, timeout=30)
    report["tab_focus"] = wait_event(
        "object:state-changed:focused", lambda e: e["role"] == "link" and e["detail1"] == 1
    )
    report["first_link_name"] = plain[0].name

    target = plain[-1]
    report["followed_link"] = target.name
    before = report["headings"][0][0]

    def new_first_heading() -> str:
        document = the_document(app)
        first = next(n for n in descendants(document) if n.getRoleName() == "heading")
        return first.name if first.name != before else ""

    action(target, "Press")
    report["heading_after_follow"] = wait_for(new_first_heading, 15)
    report["page_announced"] = wait_event(
        "object:announcement", lambda e: e["data"].startswith("Chapter")
    )
    for key, said in (("F5", "Reading aloud"), ("shift+F5", "Reading aloud stopped")):
        subprocess.run(["xdotool", "key", key], check=True, timeout=30)  # Listen, Stop
        wait_event("object:announcement", lambda e, said=said: e["data"] == said, 10)
    report["announcements"] = [e["data"] for e in EVENTS if e["type"] == "object:announcement"]
    print(json.dumps(report))
    return 0


def kiosk_announcements(report: dict[str, Any]) -> int:
    """Tap an on-screen key and A+, then wait for the "Still reading?" countdown; keep
    every announcement heard."""
    app = wait_for(the_app, 30)
    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    nodes = wait_for(lambda: [n for n in descendants(app) if n.name == "On-screen keyboard"], 30)
    keyboard = nodes[0]
    key = next(n for n in descendants(keyboard) if n.name == "g")
    action(key, "Press")
    larger = next(n for n in descendants(app) if n.name == "Larger text")
    action(larger, "Press")
    # A visit starts with a touch: the quiet-time clock (and then the countdown) with it.
    subprocess.run(["xdotool", "mousemove", "300", "300"], check=True, timeout=30)
    wait_event("object:announcement", lambda e: "Still reading" in e["data"], 30)
    report["announcements"] = [e["data"] for e in EVENTS if e["type"] == "object:announcement"]
    report["key_names"] = sorted(
        n.name for n in descendants(keyboard) if n.getRoleName() == "push button"
    )
    print(json.dumps(report))
    return 0


DEFINITION_NAME = "Significado de la palabra elegida"  # the Spanish window's
GLOSSARY_LIST_NAME = "Palabras del glosario, de la A a la Z"
SOFT_HYPHEN = "\u00ad"


def glossary_definition(report: dict[str, Any]) -> int:
    """Read the glossary's definition of a long word in a narrow pane as a screen reader
    does: all its text, the word at an offset (word navigation), where its first word's
    letters are on screen (does it wrap?), and the glossary list's row names."""
    app = wait_for(the_app, 30)
    view = app and wait_for(
        lambda: next(n for n in descendants(app) if n.name == DEFINITION_NAME), 30
    )
    if not view:
        print(json.dumps({"error": "no glossary definition in the app"}))
        return 1
    text = view.queryText()
    wait_for(lambda: text.getText(0, -1).startswith("Inmu"), 20)
    # The pane breaks its words once laid out: give it the time to put soft hyphens in.
    wait_for(lambda: SOFT_HYPHEN in text.getText(0, -1), 3)
    report["definition_text"] = text.getText(0, -1)
    report["definition_role"] = view.getRoleName()
    report["word_at_6"] = list(text.getTextAtOffset(6, pyatspi.TEXT_BOUNDARY_WORD_START))
    first_word = report["definition_text"].split(" ")[0]
    tops = [text.getCharacterExtents(i, pyatspi.DESKTOP_COORDS)[1] for i in range(len(first_word))]
    report["first_word_lines"] = len(set(tops))
    terms = next(n for n in descendants(app) if n.name == GLOSSARY_LIST_NAME)
    report["list_names"] = [n.name for n in descendants(terms) if n.name]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
