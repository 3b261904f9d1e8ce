"""Handbook words shown as words: labels, message boxes and tooltips that never read a
title, an edition, a file name or a message as HTML.

Qt guesses: a QLabel, a QMessageBox or a tooltip whose text looks like markup
(`Qt::mightBeRichText`) is rendered as rich text, so a handbook titled
`<img src="file:///…">` would show a picture from anywhere on the computer, and a link in
it would open with no question. Every place that shows text a handbook (or a file) chose
goes through one of these.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_label(label: QLabel) -> QLabel:
    """Make `label` show its text exactly as given, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    """Make a message box show its text exactly as given (its details always are)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: unchanged when Qt would read it as plain
    text anyway, else escaped inside a paragraph (tooltips have no text format).

    Qt reads text as rich only if it has a "<" (a tag) or an "&" (as in "&lt;"), so
    text with neither is returned without asking Qt: the contents and the glossary give
    hundreds of tooltips at start-up, and the first use of QtGui's Qt namespace makes
    its 93 enum classes (about 10 ms before the first paint)."""
    if "<" not in text and "&" not in text:
        return text
    from PySide6.QtGui import Qt as GuiText  # the Qt namespace of QtGui: its text helpers

    if not GuiText.mightBeRichText(text):
        return text
    return GuiText.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def escaped(text: str) -> str:
    """`text` for a place in our own rich text (About): every character shown as is."""
    return html.escape(text, quote=True)
