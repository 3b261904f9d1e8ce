"""Access keys are unique in every menu, in English and in Spanish: the real window's
menu bar and each menu (submenus too) are walked, and within one menu no two visible
entries share the letter after "&" (Alt+letter then picks one, not the first of two)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from reader.handbook import Handbook
from reader.handbook.languages import load_handbook_in
from reader.ui.mainwindow import MainWindow
from tests.helpers.interface_language import speaking
from tests.ui.conftest import MakeWindow

_KEY = re.compile(r"&([^&])")


def access_key(text: str) -> str | None:
    found = _KEY.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def clashes(owner: QWidget, texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for text in texts:
        key = access_key(text)
        if key is None:
            continue
        if key in seen:
            found.append(
                f"{owner.objectName() or 'menu bar'}: {seen[key]!r} and {text!r} on {key!r}"
            )
        seen.setdefault(key, text)
    return found


def every_clash(window: MainWindow) -> list[str]:
    bar = window.menuBar()
    found = clashes(bar, [a.text() for a in bar.actions() if a.isVisible()])
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        assert isinstance(menu, QMenu)
        visible = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        found += clashes(menu, [a.text() for a in visible])
        menus += [a.menu() for a in visible if isinstance(a.menu(), QMenu)]
    return found


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield from speaking(qapp, request.param)


def test_access_keys_are_unique_in_every_menu(
    make_window: MakeWindow, handbook: Handbook, language: str
) -> None:
    window = make_window(load_handbook_in(handbook.root, language))
    assert window.menuBar().actions()
    found = every_clash(window)
    assert found == [], "\n".join(found)
