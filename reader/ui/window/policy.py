"""What kind of place the window runs in, decided once by whoever builds it.

A desktop window and a kiosk window are the same window with a different policy: the
desktop passes `DESKTOP`, the kiosk shell builds one from its settings
(reader/ui/kiosk/policy.py). Parts read the field they need (`policy.remembers`,
`policy.pdf_target`) instead of asking "is this a kiosk?", so a new kind of place (a
classroom, a locked-down laptop) is a new policy, not a new branch in twenty modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # printing is imported when first used, to keep start-up quick
    from reader.handbook import Handbook
    from reader.pdf.compose import ComposedDocument

#: Where a PDF goes: a function that names a new file, or None for "ask with a dialog".
PdfTarget = Callable[[], Path | None]
#: Printing without a dialog, to a printer chosen in advance. Raises to say it failed.
DirectPrint = Callable[["ComposedDocument"], None]
#: How a finished printout is told: (the saved file, or None when printed on paper;
#: its pages) -> the message. None says the file's path (a person's own computer).
PrintoutWords = Callable[[Path | None, int], str]


@dataclass(frozen=True)
class WindowPolicy:
    """Everything that differs between a person's own computer and a shared kiosk."""

    #: Finger-sized controls: touch lists, no size grip, wider side panels.
    touch: bool = False
    #: Keep the reader's place, layout, preferences and recent handbooks between runs.
    remembers: bool = True
    #: File > Open, drag and drop, bookmark import and export.
    opens_files: bool = True
    #: Other programs and system dialogs: print preview, a web browser for outside
    #: links, opening a saved PDF, the system's print dialog.
    system_dialogs: bool = True
    #: Print and Save as PDF are offered at all.
    printing: bool = True
    #: Where a saved PDF goes; None asks the reader with a save dialog.
    pdf_target: PdfTarget | None = None
    #: Print straight to a printer (no dialog); None uses the system's print dialog.
    direct_print: DirectPrint | None = None
    #: The section the window opens on and comes Home to; "" is the handbook's own.
    start_page: str = ""
    #: The text size (percent) a visit starts with; None keeps the reader's preference.
    text_size: int | None = None
    #: The side panels' first widths (left, right) in pixels.
    panel_widths: tuple[int, int] = (290, 340)
    #: Tells how a printout went in a visitor's words (no file paths), when set.
    printout_words: PrintoutWords | None = None
    #: Languages can be switched from a menu (a kiosk has its own large button).
    language_menu: bool = True


#: The policy of a person's own computer.
DESKTOP = WindowPolicy()


def start_section(handbook: Handbook, policy: WindowPolicy) -> str:
    """The section the window opens on and comes Home to: the policy's start page if
    the handbook has it, else the handbook's own first page."""
    wanted = policy.start_page
    if wanted and handbook.section(wanted) is not None:
        return wanted
    return handbook.start_section_id or ""
