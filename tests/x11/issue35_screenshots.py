"""Screenshots for issue #35, of the real windows on a real X display.

usage: xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
           python tests/x11/issue35_screenshots.py kiosk resources/screenshots
       xvfb-run -a -s "-screen 0 1024x768x24" env QT_QPA_PLATFORM=xcb \\
           python tests/x11/issue35_screenshots.py desktop resources/screenshots

kiosk: the kiosk (printing to a folder, so Print is on its toolbar) after A+ three
times, and after a visitor's switch to Spanish. desktop: the window at 300% on the
whole screen, in English and in Spanish, with a bookmark and its panel open, then
with the glossary opened beside "How it works" (the left column gives way to it).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from reader.handbook.languages import load_handbook_in
from reader.kiosk.settings import KioskConfig
from reader.paths import UserDirs, bundled_handbook_dir
from reader.preferences import Preferences
from reader.ui.app import make_application
from reader.ui.kiosk.session import kiosk_session
from reader.ui.kiosk.shell import KioskShell
from reader.ui.mainwindow import MainWindow
from reader.ui.translations import install_translators
from tests.helpers.text_fit import words_broken_inside
from tests.x11.kiosk_screenshots import settle


def grab(target: Path) -> None:
    screen = QApplication.primaryScreen()
    if not screen.grabWindow(0).save(str(target)):
        raise SystemExit(f"could not save {target}")


def kiosk(app: QApplication, folder: Path, scratch: Path) -> None:
    config = KioskConfig(enabled=True, print_target="folder", print_folder=scratch)
    dirs = UserDirs.under(scratch / "home")
    handbook = load_handbook_in(bundled_handbook_dir(), "en")
    session = kiosk_session(app, handbook, config, dirs, [])
    settle(3000)
    shell = session.shell
    assert isinstance(shell, KioskShell)
    for _ in range(3):
        QTest.mouseClick(shell.text_size_buttons.larger, Qt.MouseButton.LeftButton)
        settle(300)
    settle()
    grab(folder / "kiosk-1366x768-a-plus-3.png")
    shell.reset_visit()
    settle()
    button = session.window.findChild(QToolButton, "kioskLanguageButton")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(3000)
    grab(folder / "kiosk-1366x768-spanish.png")
    new_shell = session.shell
    assert isinstance(new_shell, KioskShell)
    new_shell.release()
    session.close()


def say_broken_words(window: MainWindow) -> None:
    """What a reader would see broken inside a word on the page just taken (none)."""
    broken = words_broken_inside(window.content)
    print(f"{window.navigator.shown_chapter_id}: {len(broken)} words broken", *broken[:5])


def desktop(app: QApplication, folder: Path, scratch: Path) -> None:
    for language in ("en", "es"):
        translators = install_translators(app, language)
        handbook = load_handbook_in(bundled_handbook_dir(), language)
        window = MainWindow(handbook, Preferences(), cache_dir=scratch)
        window.start()
        window.showMaximized()
        settle()
        window.setGeometry(app.primaryScreen().geometry())
        window.comfort.apply_zoom(300)
        window.bookmarks.toggle(window.navigator.current_section_id)
        window.action_set["show_bookmarks"].trigger()
        settle()
        grab(folder / f"desktop-300-1024x768-{language}.png")
        say_broken_words(window)
        window.navigator.navigate("how-it-works")
        window.action_set["show_glossary"].trigger()  # the left column gives way
        settle()
        grab(folder / f"desktop-300-1024x768-{language}-glossary.png")
        say_broken_words(window)
        window.search_index.shut_down()
        window.close()
        for translator in translators:
            app.removeTranslator(translator)


def main(mode: str, folder: Path) -> int:
    app = make_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["HANDBOOK_READER_HOME"] = str(Path(scratch) / "home")
        (kiosk if mode == "kiosk" else desktop)(app, folder, Path(scratch))
    return 0


if __name__ == "__main__":
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or len(sys.argv) != 3:
        sys.stderr.write(__doc__ or "")
        sys.exit(2)
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
