"""The kiosk's WindowPolicy: what a window built for a shared, public computer may do.

The kiosk settings (reader/kiosk/settings.py) decide it once, before the window is
built; the window and its parts read the policy and never ask whether they are on a
kiosk. The shell (shell.py) then dresses that window: full screen, touch controls, the
visit reset.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.handbook import Handbook
from reader.kiosk.settings import KioskConfig
from reader.kiosk.visit import kiosk_print_target
from reader.ui.window.policy import DirectPrint, WindowPolicy

if TYPE_CHECKING:
    from reader.pdf.compose import ComposedDocument

#: The side panels' first widths on a touch layout: room for larger tab labels.
TOUCH_PANEL_WIDTHS = (420, 460)


def kiosk_policy(config: KioskConfig, handbook: Handbook) -> WindowPolicy:
    """No files opened, no other programs, nothing remembered; printouts go to the
    configured folder or printer; the visit starts on the configured page and size."""
    return WindowPolicy(
        touch=True,
        remembers=False,
        opens_files=False,
        system_dialogs=False,
        printing=config.print_target != "none",
        pdf_target=kiosk_print_target(config),
        direct_print=_printer(config),
        start_page=_start_page(config, handbook),
        text_size=config.text_size,
        panel_widths=TOUCH_PANEL_WIDTHS,
        printout_words=printout_words,
        language_menu=False,
    )


def printout_words(saved: Path | None, pages: int) -> str:
    """What a visitor is told when a printout is done: "Printed" or "Saved to the USB
    drive", in the visitor's language; never a file path (it means nothing at a kiosk,
    and shows how the computer is set up)."""
    translate = QCoreApplication.translate  # plain strings: lupdate misses %n plurals here
    if saved is None:
        if pages == 1:
            return translate("KioskPrinting", "Printed: 1 page. Please take it from the printer.")
        text = translate("KioskPrinting", "Printed: %1 pages. Please take them from the printer.")
    elif pages == 1:
        return translate("KioskPrinting", "Saved to the USB drive: 1 page.")
    else:
        text = translate("KioskPrinting", "Saved to the USB drive: %1 pages.")
    return text.replace("%1", str(pages))


def _start_page(config: KioskConfig, handbook: Handbook) -> str:
    wanted = config.start_page
    if wanted and handbook.section(wanted) is None:
        sys.stderr.write(
            f"kiosk: start_page '{wanted}' is not a section of this handbook; "
            "using the handbook's first page.\n"
        )
        return ""
    return wanted or ""


def _printer(config: KioskConfig) -> DirectPrint | None:
    """Straight to the configured printer, when the kiosk prints on paper."""
    if config.print_target != "printer":
        return None
    name = config.printer_name

    def print_document(document: ComposedDocument) -> None:
        from reader.ui.kiosk.printing import print_to_named_printer

        print_to_named_printer(document, name)

    return print_document
