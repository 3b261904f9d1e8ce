"""Help > How to Use This Reader: a short page of what the reader can do and the keys
for it, built from the action table, so it never disagrees with the menus.

The handbook's first chapter sends readers here ("Help > How to Use This Reader"); this
page must not send them back to the handbook.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.ui.actions import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reader.ui.actions import Actions

CONTEXT = "HelpDialog"

# The tasks a family asks about first, in the order they are met, as (text, action ids
# whose keys are shown beside it).
_TASKS = (
    (QT_TRANSLATE_NOOP("HelpDialog", "Search: type a word in the search box and press Enter."),
     ("focus_search",)),
    (QT_TRANSLATE_NOOP("HelpDialog", "Find a word on this page."), ("find_in_page",)),
    (QT_TRANSLATE_NOOP("HelpDialog",
                       "Underlined words: click one to read what it means in the glossary."),
     ()),
    (QT_TRANSLATE_NOOP("HelpDialog",
                       "In the page: Tab and Shift+Tab go link by link (an underlined word "
                       "only where a section first uses it); Ctrl+Down and Ctrl+Up go "
                       "heading by heading."),
     ()),
    (QT_TRANSLATE_NOOP("HelpDialog", "Move between sections, and back to where you were."),
     ("next_section", "back")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Bookmark this section, and see your bookmarks."),
     ("bookmark", "show_bookmarks")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Make the text bigger or smaller."), ("zoom_in", "zoom_out")),
    (QT_TRANSLATE_NOOP("HelpDialog", "Print, or save pages as a PDF to take home."), ("print",)),
)  # fmt: skip


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _title() -> str:
    return QCoreApplication.translate("HelpDialog", "How to use this reader")


def _keys(actions: Actions, ids: tuple[str, ...]) -> str:
    """The keys of `ids`, as this system writes them ("Ctrl+F")."""
    shown = []
    for action_id in ids:
        keys = actions[action_id].shortcuts()
        if keys:
            shown.append(keys[0].toString(QKeySequence.SequenceFormat.NativeText))
    return ", ".join(shown)


def help_html(actions: Actions) -> str:
    """The page: the common tasks with their keys, then every action that has keys."""
    rows = [f"<h2>{html.escape(_title())}</h2><ul>"]
    for text, ids in _TASKS:
        keys = _keys(actions, ids)
        extra = f" <b>{html.escape(keys)}</b>" if keys else ""
        rows.append(f"<li>{html.escape(_translate(text))}{extra}</li>")
    all_keys = QCoreApplication.translate("HelpDialog", "All keys")
    rows.append(f"</ul><h3>{html.escape(all_keys)}</h3><table>")
    for action in actions:
        keys = action.shortcuts()
        if not keys or not action.isEnabled():
            continue
        name = action.text().replace("&", "").rstrip("…")
        key = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        rows.append(
            f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;<b>{html.escape(key)}</b></td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def help_dialog(parent: QWidget, actions: Actions) -> QDialog:
    """The help page in a dialog of its own, beside the handbook being read."""
    dialog = QDialog(parent)
    dialog.setObjectName("helpDialog")
    dialog.setWindowTitle(_title())
    dialog.setAccessibleName(_title())
    page = QTextBrowser(dialog)
    page.setObjectName("helpText")
    page.setAccessibleName(_title())
    page.setOpenLinks(False)
    page.setHtml(help_html(actions))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.setObjectName("helpButtons")
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(page)
    layout.addWidget(buttons)
    dialog.resize(_room_for_reading(dialog))
    return dialog


def _room_for_reading(dialog: QDialog) -> QSize:
    """About 75 characters a line and 30 lines at the reader's text size, within the
    screen: a fixed 560 x 520 px held five words a line at 300%."""
    metrics = dialog.fontMetrics()
    screen = dialog.screen().availableGeometry()
    width = min(int(screen.width() * 0.9), 75 * metrics.averageCharWidth() + 60)
    height = min(int(screen.height() * 0.85), 30 * metrics.lineSpacing() + 90)
    return QSize(max(width, 360), max(height, 300))
