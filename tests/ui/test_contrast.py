"""Every theme's text and link colours reach WCAG AA (4.5:1), read from the real palette,
style sheets and widgets after a theme switch."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.ui.contrast import (
    AA_LARGE_OR_FOCUS,
    AA_TEXT,
    contrast_ratio,
    style_sheet_pairs,
)
from reader.ui.mainwindow import MainWindow

THEMES = ("light", "dark", "contrast")


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#1d5fa8", "#1b1f24") < 3  # the old dark-theme leftover


def definition_link_colors(window: MainWindow) -> list[QColor]:
    document = window.glossary_panel.definition.document()
    colors = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            if char_format.isAnchor() and char_format.anchorHref():
                colors.append(char_format.foreground().color())
            iterator += 1
        block = block.next()
    return colors


@pytest.mark.parametrize("name", THEMES)
def test_text_and_links_reach_aa_in_every_theme_and_panel(window: MainWindow, name: str) -> None:
    window.glossary_panel.show()
    window.show_term("graft-versus-host-disease")
    window.comfort.apply_theme("light" if name != "light" else "dark")  # a switch, not a start
    theme = window.comfort.apply_theme(name)
    palette = QApplication.palette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    checks: list[tuple[str, QColor | str, QColor | str]] = [
        ("text", palette.color(role.Text), palette.color(role.Base)),
        ("window text", palette.color(role.WindowText), palette.color(role.Window)),
        ("button text", palette.color(role.ButtonText), palette.color(role.Button)),
        ("link", palette.color(role.Link), palette.color(role.Base)),
        ("hint", palette.color(role.PlaceholderText), palette.color(role.Base)),
        ("disabled", palette.color(group.Disabled, role.Text), palette.color(role.Base)),
        ("disabled label", palette.color(group.Disabled, role.WindowText),
         palette.color(role.Window)),
        ("selection", palette.color(role.HighlightedText), palette.color(role.Highlight)),
        ("tool tip", palette.color(role.ToolTipText), palette.color(role.ToolTipBase)),
        ("search highlight", "#1f2933", "#ffe08a"),
        ("link in a box", theme.link, theme.box),
        ("link in a warning", theme.link, theme.box_important),
        ("heading in a box", theme.heading, theme.box),
    ]  # fmt: skip
    for selector, color, background in style_sheet_pairs(theme.app_qss(), theme.window):
        checks.append((f"app.qss {selector}", color, background))
    for selector, color, background in style_sheet_pairs(theme.reading_css(), theme.page):
        checks.append((f"reading.css {selector}", color, background))
    base = window.glossary_panel.definition.viewport().palette().color(role.Base)
    links = definition_link_colors(window)
    assert links, "the glossary entry should have links"
    checks += [("glossary definition link", color, base) for color in links]
    for widget in (
        window.toc,
        window.glossary_panel.list,
        window.search_panel,
        window.status_label,
    ):
        widget_palette = widget.palette()
        checks.append(
            (widget.objectName(), widget_palette.color(role.Text), widget_palette.color(role.Base))
        )
    low = [
        f"{what}: {QColor(fg).name()} on {QColor(bg).name()} = {contrast_ratio(fg, bg):.2f}"
        for what, fg, bg in checks
        if contrast_ratio(fg, bg) < AA_TEXT
    ]
    assert low == [], "\n".join(low)
    focus = theme.colors()["focus"]
    assert contrast_ratio(focus, theme.window) >= AA_LARGE_OR_FOCUS
    assert contrast_ratio(focus, theme.page) >= AA_LARGE_OR_FOCUS
