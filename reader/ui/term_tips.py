"""The glossary's tooltip on the reading page: hovering a marked word shows the start of
its definition, as plain text.

The definition is escaped, so Qt never reads it as markup (which could show a picture
from anywhere on the computer); anything else under the pointer hides the tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QTextBrowser, QToolTip

from reader.content.links import GLOSSARY_SCHEME


def show_term_tip(view: QTextBrowser, event: QHelpEvent) -> None:
    """Show the tooltip of the glossary word under the pointer, or none."""
    position = event.pos()
    tip = view.cursorForPosition(position).charFormat().toolTip()
    if tip and view.anchorAt(position).startswith(GLOSSARY_SCHEME + ":"):
        QToolTip.showText(event.globalPos(), f"<p>{html.escape(tip)}</p>", view)
    else:
        QToolTip.hideText()
