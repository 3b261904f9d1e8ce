"""Saving a composed PDF to the path the user chose, through the one safe writer.

A device, pipe, socket or folder at the path is refused before the slow work starts,
a link is written through, and every failure is one plain translated sentence.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.pdf.request import PdfExportError
from reader.safe_output import OutputRefused, output_target, write_atomically

if TYPE_CHECKING:  # compose imports this module
    from reader.pdf.compose import ComposedDocument


@dataclass(frozen=True)
class PdfReport:
    """What `export_pdf` wrote."""

    pages: int
    path: Path
    page_size: str = "A4"
    size_bytes: int = 0
    parts: tuple[str, ...] = ()


def check_target(out: Path) -> None:
    """Fail before the slow work when the target cannot or must not be written."""
    try:
        output_target(out)
    except OutputRefused as refused:
        raise PdfExportError(refused_message(refused)) from None
    except OSError as error:
        raise PdfExportError(write_error_message(error, out)) from None


def write_pdf(out: Path, data: bytes, check: Callable[[Path], None] | None = None) -> None:
    """The PDF's bytes to `out` through the one safe writer of user-chosen paths, all or
    nothing; `check` sees the finished temporary file and raises to leave `out` alone."""
    try:
        write_atomically(out, data, check=check)
    except OutputRefused as refused:
        raise PdfExportError(refused_message(refused)) from None
    except OSError as error:
        raise PdfExportError(write_error_message(error, out)) from None


def write_document(
    document: ComposedDocument,
    out: Path,
    *,
    on_page: Callable[[int], None] | None = None,
    check: Callable[[Path], None] | None = None,
) -> PdfReport:
    """Paint a composed printout as a PDF and write it to `out` all or nothing. `on_page`
    hears of each page painted and `check` sees the finished temporary file; either
    raises to stop, and then `out` is left as it was."""
    data = document.to_pdf_bytes(on_page)
    write_pdf(out, data, check)
    return PdfReport(
        pages=document.page_count,
        path=out,
        page_size=document.request.page_size,
        size_bytes=len(data),
        parts=tuple(part.id for part in document.parts),
    )


def refused_message(refused: OutputRefused) -> str:
    """One plain line: what is at the path, and that it was left alone."""
    if refused.what == "a folder":
        return write_error_message(IsADirectoryError(), refused.path)
    what = {
        "a device": QCoreApplication.translate("Pdf", "a device"),
        "a named pipe": QCoreApplication.translate("Pdf", "a named pipe"),
        "a socket": QCoreApplication.translate("Pdf", "a socket"),
        "a link loop": QCoreApplication.translate("Pdf", "a link loop"),
        "a link to nothing": QCoreApplication.translate("Pdf", "a link to nothing"),
    }.get(refused.what, refused.what)
    return QCoreApplication.translate(
        "Pdf", "Could not write the PDF: {path} is {what}, not a file, so it was left alone."
    ).format(path=refused.path, what=what)


def write_error_message(error: OSError, out: Path) -> str:
    """A plain-language sentence for a failed write."""
    reasons = {
        errno.ENOSPC: QCoreApplication.translate("Pdf", "the disk is full"),
        errno.EDQUOT: QCoreApplication.translate("Pdf", "the disk is full"),
        errno.EFBIG: QCoreApplication.translate("Pdf", "the file is too large for this disk"),
        errno.EROFS: QCoreApplication.translate("Pdf", "the disk is read-only"),
        errno.EACCES: QCoreApplication.translate("Pdf", "you may not save files in that folder"),
        errno.EPERM: QCoreApplication.translate("Pdf", "you may not save files in that folder"),
    }
    if isinstance(error, IsADirectoryError):
        reason = QCoreApplication.translate("Pdf", "there is a folder with that name")
    elif isinstance(error, FileNotFoundError | NotADirectoryError):
        reason = QCoreApplication.translate("Pdf", "the folder does not exist")
    else:
        reason = reasons.get(error.errno or 0) or (error.strerror or str(error)).lower()
    return QCoreApplication.translate("Pdf", "Could not write the PDF: {reason} ({path}).").format(
        reason=reason, path=out
    )
