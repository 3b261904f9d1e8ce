"""The kiosk shell on the real main window and handbook: no way out for a visitor, the
administrator's way out, the idle reset, touch sizes, printing without file browsers,
and nothing about a visit written to disk."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QContextMenuEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.handbook import Handbook
from reader.kiosk.pin import PinLockout, hash_pin
from reader.kiosk.settings import KioskConfig, load_kiosk_config
from reader.pdf.compose import compose_document
from reader.pdf.plan import PdfRequest
from reader.ui.kiosk.printing import KioskPrintError, print_to_named_printer
from reader.ui.kiosk.shell import KioskShell
from reader.ui.kiosk.widgets import AdminPinDialog
from tests.bench.kiosk_soak import soak
from tests.helpers.kiosk_window import kiosk_shell

PIN = "73915824"
PIN_HASH = hash_pin(PIN)
MakeKiosk = Callable[..., KioskShell]


@pytest.fixture
def make_kiosk(qtbot: QtBot, qapp: QApplication) -> Iterator[MakeKiosk]:
    """Build the window and shell the way app.py does in kiosk mode."""
    shells: list[KioskShell] = []

    def make(
        handbook: Handbook, config: KioskConfig | None = None, **options: object
    ) -> KioskShell:
        config = config or KioskConfig(enabled=True, admin_pin_hash=PIN_HASH)
        shell = kiosk_shell(qtbot, handbook, config, qapp, **options)
        shells.append(shell)
        return shell

    yield make
    for shell in shells:
        shell.release()


@pytest.fixture
def shell(make_kiosk: MakeKiosk, handbook: Handbook) -> KioskShell:
    return make_kiosk(handbook, hold_ms=250)


def _short(**settings: object) -> KioskConfig:
    return KioskConfig(
        enabled=True, idle_timeout=0.3, countdown=0.6, admin_pin_hash=PIN_HASH, **settings
    )  # type: ignore[arg-type]


def _section_in(handbook: Handbook, chapter_id: str) -> str:
    chapter = handbook.chapter(chapter_id)
    assert chapter is not None and len(chapter.sections) >= 2
    return chapter.sections[-1].id


def _open_pin_dialog(qtbot: QtBot, shell: KioskShell) -> AdminPinDialog:
    modifiers = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(shell.window.content, Qt.Key.Key_Q, modifiers)
    dialog = shell.window.findChild(QDialog, "adminPinDialog")
    assert isinstance(dialog, AdminPinDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _type_pin(qtbot: QtBot, dialog: AdminPinDialog, pin: str) -> None:
    qtbot.keyClicks(dialog.box, pin)
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)


# -- no way out for a visitor ---------------------------------------------------------


def test_kiosk_window_is_full_screen_without_a_frame_or_menus(shell: KioskShell) -> None:
    window = shell.window
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isSizeGripEnabled()


def test_closing_the_window_and_alt_f4_are_refused(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    assert not window.close()
    event = QCloseEvent()
    QApplication.sendEvent(window, event)  # what the window manager sends for Alt+F4
    assert not event.isAccepted()
    qtbot.keyClick(window.content, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible() and window.isFullScreen()


def test_ctrl_q_ctrl_w_and_escape_do_nothing(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    for key, modifiers in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):  # fmt: skip
        qtbot.keyClick(window.content, key, modifiers)
        qtbot.keyClick(window, key, modifiers)
    assert window.isVisible() and window.isFullScreen()


def test_quit_and_file_actions_are_gone(shell: KioskShell) -> None:
    window = shell.window
    for action_id in ("quit", "open_handbook", "open_packed", "export_bookmarks",
                      "import_bookmarks", "export_pdf"):  # fmt: skip
        action = window.action_set[action_id]
        assert not action.isEnabled() and not action.isVisible(), action_id
        assert action.shortcuts() == []
        for menu in window.menus.values():
            assert action not in menu.actions(), action_id
    window.action_set["quit"].trigger()
    assert window.isVisible()


def test_minimising_returns_to_full_screen(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized())
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen)


def test_there_are_no_right_click_menus(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    for widget in (window, *window.findChildren(QWidget)):
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, widget
    for target in (window.content.viewport(), window.search_box, window.toolbar):
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
        QApplication.sendEvent(target, event)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


# -- the administrator's way out -------------------------------------------------------


def test_admin_keys_and_the_right_pin_close_the_kiosk(qtbot: QtBot, shell: KioskShell) -> None:
    dialog = _open_pin_dialog(qtbot, shell)
    with qtbot.waitSignal(shell.exit_requested):
        _type_pin(qtbot, dialog, PIN)
    assert not shell.window.isVisible()
    assert not dialog.isVisible()


def test_the_pin_and_clinic_details_open_the_form_and_keep_the_kiosk(
    qtbot: QtBot, shell: KioskShell
) -> None:
    """Clinic details on a kiosk only after the administrator's PIN (#32); a wrong PIN
    asks nothing, and the right one leaves the kiosk running."""
    dialog = _open_pin_dialog(qtbot, shell)
    with qtbot.assertNotEmitted(shell.clinic_requested, wait=100):
        qtbot.keyClicks(dialog.box, "1111")
        qtbot.mouseClick(dialog.clinic_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(shell.exit_requested), qtbot.waitSignal(shell.clinic_requested):
        qtbot.keyClicks(dialog.box, PIN)
        qtbot.mouseClick(dialog.clinic_button, Qt.MouseButton.LeftButton)
    assert shell.window.isVisible() and not dialog.isVisible()


def test_the_keypad_enters_the_pin(qtbot: QtBot, shell: KioskShell) -> None:
    dialog = _open_pin_dialog(qtbot, shell)
    keys = {key.text(): key for key in dialog.keys}
    for digit in PIN:
        qtbot.mouseClick(keys[digit], Qt.MouseButton.LeftButton)
    assert dialog.box.text() == PIN
    with qtbot.waitSignal(shell.exit_requested):
        qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)


def test_holding_the_bottom_left_corner_asks_for_the_pin(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    corner = QPoint(4, window.height() - 4)
    target = window.childAt(corner) or window
    at = target.mapFrom(window, corner)
    with qtbot.waitSignal(shell.admin_requested, timeout=3000):
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=at)
    dialog = window.findChild(QDialog, "adminPinDialog")
    assert dialog is not None and dialog.isVisible()
    assert window.isVisible()


def test_a_short_tap_in_the_corner_does_not_ask(qtbot: QtBot, shell: KioskShell) -> None:
    window = shell.window
    corner = QPoint(4, window.height() - 4)
    target = window.childAt(corner) or window
    with qtbot.assertNotEmitted(shell.admin_requested, wait=400):
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))


def test_a_wrong_pin_keeps_the_kiosk_and_five_lock_the_dialog(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, lockout=PinLockout(max_tries=5, lockout_seconds=60))
    dialog = _open_pin_dialog(qtbot, shell)
    with qtbot.assertNotEmitted(shell.exit_requested):
        _type_pin(qtbot, dialog, "1111")
        assert "not right" in dialog.message.text()
        for _ in range(4):
            _type_pin(qtbot, dialog, "1111")
    assert "Too many wrong tries" in dialog.message.text()
    assert not dialog.box.isEnabled() and not dialog.leave_button.isEnabled()
    dialog.pin_submitted.emit(PIN)  # even the right PIN waits out the lockout
    assert shell.window.isVisible() and shell.window.isFullScreen()


def test_the_lockout_ends_and_the_right_pin_then_works(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, lockout=PinLockout(max_tries=2, lockout_seconds=0.3))
    dialog = _open_pin_dialog(qtbot, shell)
    _type_pin(qtbot, dialog, "1111")
    _type_pin(qtbot, dialog, "1111")
    assert not dialog.box.isEnabled()
    qtbot.waitUntil(dialog.box.isEnabled, timeout=3000)
    with qtbot.waitSignal(shell.exit_requested):
        _type_pin(qtbot, dialog, PIN)


def test_without_a_pin_the_gesture_only_explains_it_cannot_close(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, KioskConfig(enabled=True))
    modifiers = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(shell.window.content, Qt.Key.Key_Q, modifiers)
    message = shell.window.findChild(QMessageBox, "kioskNoPinMessage")
    assert message is not None and message.isVisible()
    assert "handbook-reader kiosk-pin" not in message.text()  # that is in the log
    assert shell.window.findChild(QDialog, "adminPinDialog") is None
    assert shell.window.isVisible()


# -- the idle reset -----------------------------------------------------------------------


def test_an_idle_visit_shows_a_countdown_then_starts_over(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, _short())
    window = shell.window
    start = window.navigator.current_section_id
    window.navigator.navigate(_section_in(handbook, "history"))
    window.action_set["zoom_in"].trigger()
    with qtbot.waitSignal(shell.countdown_started, timeout=3000):
        qtbot.keyClicks(window.search_box, "lentivirus")
    overlay = window.findChild(QWidget, "kioskCountdown")
    assert overlay is not None and overlay.isVisible()
    text = overlay.findChild(QLabel, "kioskCountdownText")
    assert text is not None and "Still reading?" in text.text() and "seconds" in text.text()
    assert window.search_box.text() == "lentivirus"
    with qtbot.waitSignal(shell.visit_reset, timeout=3000):
        pass
    assert not overlay.isVisible()
    assert window.navigator.current_section_id == start
    assert window.search_box.text() == ""
    assert window.preferences.zoom == 125
    assert not window.history.can_go_back and not window.action_set["back"].isEnabled()


def test_input_during_the_countdown_keeps_the_visit(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, _short())
    window = shell.window
    with qtbot.waitSignal(shell.countdown_started, timeout=3000):
        qtbot.keyClicks(window.search_box, "GVHD")
    with qtbot.waitSignal(shell.countdown_cancelled):
        qtbot.keyClick(window.content, Qt.Key.Key_Down)
    assert not shell.counting_down
    assert window.search_box.text() == "GVHD"


def test_the_keep_reading_button_keeps_the_visit(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, _short())
    with qtbot.waitSignal(shell.countdown_started, timeout=3000):
        qtbot.keyClicks(shell.window.search_box, "GVHD")
    with qtbot.waitSignal(shell.countdown_cancelled):
        qtbot.mouseClick(shell.overlay.button, Qt.MouseButton.LeftButton)
    assert shell.window.search_box.text() == "GVHD"


def test_an_untouched_kiosk_does_not_count_down(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook, _short())
    with qtbot.assertNotEmitted(shell.countdown_started, wait=600):
        pass


def test_the_reset_goes_to_the_configured_start_page_and_text_size(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    start = _section_in(handbook, "limits")
    shell = make_kiosk(handbook, _short(start_page=start, text_size=125))
    window = shell.window
    assert window.navigator.current_section_id == start and window.preferences.zoom == 125
    window.navigator.navigate(_section_in(handbook, "history"))
    window.action_set["zoom_in"].trigger()
    shell.reset_visit()
    assert window.navigator.current_section_id == start and window.preferences.zoom == 125


def test_the_reset_closes_what_the_visitor_opened_and_removes_visit_files(
    qtbot: QtBot, shell: KioskShell
) -> None:
    window = shell.window
    box = QMessageBox(QMessageBox.Icon.Information, "Link", "text", parent=window)
    box.open()
    dialog = _open_pin_dialog(qtbot, shell)
    qtbot.keyClicks(dialog.box, "12")
    spooled = shell.visit_files.new_path(".pdf")
    spooled.write_bytes(b"%PDF-1.4")
    QApplication.clipboard().setText("a visitor's note")
    shell.reset_visit()
    assert not box.isVisible() and not dialog.isVisible() and dialog.box.text() == ""
    assert not spooled.exists() and not spooled.parent.exists()
    assert QApplication.clipboard().text() == ""


# -- touch sizes ----------------------------------------------------------------------------


def test_controls_are_touch_sized(shell: KioskShell) -> None:
    window = shell.window
    assert window.search_box.height() >= 44
    assert window.search_box.font().pointSizeF() >= 14
    buttons = [
        b
        for b in window.toolbar.findChildren(QToolButton)
        if b.isVisible() and b.parent() is window.toolbar
    ]
    assert len(buttons) >= 4
    for button in buttons:
        assert button.height() >= 48 and button.width() >= 48, button.objectName()
    toc = window.toc
    item = toc.topLevelItem(0)
    assert item is not None and toc.visualItemRect(item).height() >= 44


def test_text_size_buttons_are_on_the_toolbar_and_change_the_size(
    qtbot: QtBot, shell: KioskShell
) -> None:
    window = shell.window
    larger = window.findChild(QToolButton, "kioskTextLarger")
    smaller = window.findChild(QToolButton, "kioskTextSmaller")
    assert larger is not None and smaller is not None
    assert larger.isVisible() and smaller.isVisible()
    assert (smaller.text(), larger.text()) == ("A−", "A+")
    assert larger.accessibleName() and smaller.accessibleName()
    qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
    assert window.preferences.zoom == 150
    qtbot.mouseClick(smaller, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(smaller, Qt.MouseButton.LeftButton)
    assert window.preferences.zoom == 110


# -- printing --------------------------------------------------------------------------------


def _file_dialogs() -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QFileDialog | QPrintDialog) and w.isVisible()
    ]


def test_printouts_go_to_the_configured_folder_without_a_file_browser(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    shell = make_kiosk(handbook, _short(print_target="folder", print_folder=usb))
    pdf_target = shell.parts.policy.pdf_target
    assert pdf_target is not None
    target = pdf_target()
    assert target is not None and target.parent == usb
    assert target.name.startswith("handbook-") and target.suffix == ".pdf"
    assert not target.exists()
    shell.window.action_set["print"].trigger()
    assert _file_dialogs() == []


def test_with_printing_off_the_print_button_is_gone(shell: KioskShell) -> None:
    action = shell.window.action_set["print"]
    assert shell.config.print_target == "none"
    assert not action.isVisible() and not action.isEnabled()
    assert action not in shell.window.toolbar.actions()
    pdf_target = shell.parts.policy.pdf_target
    assert pdf_target is None or pdf_target() is None


def test_a_file_dialog_that_opens_anyway_is_closed(qtbot: QtBot, shell: KioskShell) -> None:
    dialog = QFileDialog(shell.window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_printing_to_a_missing_printer_says_so_without_a_dialog(
    shell: KioskShell, handbook: Handbook
) -> None:
    document = compose_document(handbook, PdfRequest(scope="chapter", chapter_id="limits"))
    with pytest.raises(KioskPrintError, match="no-such-printer"):
        print_to_named_printer(document, "no-such-printer")
    assert _file_dialogs() == []


# -- privacy and long running -----------------------------------------------------------------


def test_a_kiosk_visit_writes_nothing_to_data_or_config(
    qtbot: QtBot, make_kiosk: MakeKiosk, handbook: Handbook, user_home: Path
) -> None:
    config = load_kiosk_config()  # the real search list: system file, then user folder
    shell = make_kiosk(handbook, _short(text_size=config.text_size))
    window = shell.window
    window.navigator.navigate(_section_in(handbook, "how-it-works"))
    qtbot.keyClicks(window.search_box, "leukemia")
    qtbot.mouseClick(shell.text_size_buttons.larger, Qt.MouseButton.LeftButton)
    window.action_set["bookmark"].trigger()
    with qtbot.waitSignal(shell.visit_reset, timeout=4000):
        pass
    qtbot.keyClicks(window.search_box, "episome")
    shell.leave()
    assert not window.isVisible()
    written = [
        path.relative_to(user_home)
        for folder in ("data", "config")
        for path in (user_home / folder).rglob("*")
        if path.is_file()
    ]
    assert os.environ["HANDBOOK_READER_HOME"] == str(user_home)
    assert written == []


def test_soak_runs_scripted_visits_and_reports_memory(
    make_kiosk: MakeKiosk, handbook: Handbook
) -> None:
    shell = make_kiosk(handbook)
    result = soak(shell, 10)
    assert result.resets == 10
    assert result.rss_after_10_kib > 0 and result.rss_after_n_kib > 0
    assert shell.window.navigator.current_section_id == shell.start_section_id
    assert shell.window.search_box.text() == ""
    assert not shell.counting_down
    event = QEvent(QEvent.Type.User)
    QApplication.sendEvent(shell.window, event)  # the window still works afterwards


def test_side_panel_tabs_show_their_whole_labels(qtbot: QtBot, shell: KioskShell) -> None:
    """Seen at 1920x1080: "Cont…", "Search re…", "Bookm…" in the touch font."""
    qtbot.waitExposed(shell.window)
    bars = [bar for bar in shell.window.findChildren(QTabBar) if bar.isVisible()]
    assert bars
    for bar in bars:
        for index in range(bar.count()):
            label = bar.tabText(index)
            assert bar.tabRect(index).width() > bar.fontMetrics().horizontalAdvance(label), label


def test_the_search_magnifier_grows_with_the_kiosk_text(shell: KioskShell, qtbot: QtBot) -> None:
    """It was Qt's 16 px speck in the kiosk's 17 pt field."""
    box = shell.window.search_box
    [magnifier] = [b for b in box.findChildren(QToolButton) if b.isVisible()]
    text_height = box.fontMetrics().height()
    assert text_height > 24  # the kiosk's large type is in force
    assert box.icon_size() == text_height
    assert magnifier.width() >= text_height
    assert box.textMargins().left() == text_height // 4
