"""File > Open Handbook Folder and Open Handbook File (a packed .handbook), dropping
either on the window, and Open Recent.

The opener hands the session (reader/ui/session.py, `open_in_place`) how to load the
handbook: the session loads it off the window's thread and builds a new window for it
in this one's place, or calls back here so the failure is said in this window, which
stays. A window is built for one handbook (its pages, contents, glossary, search index,
bookmarks key and page store all follow from it), so a fresh one switches every part
at once.

`install(window, ...)` is the one call; tests replace `opener.choose_folder` (and
`choose_file`) the way printing.py lets them replace the PDF save target.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from reader import APP_NAME
from reader.handbook import Handbook, HandbookError
from reader.handbook.languages import load_handbook_in
from reader.handbook.packed import PACK_SUFFIX
from reader.recent import load_recent, remember_handbook
from reader.ui.plain_text import plain_box, plain_tooltip

#: Opens a handbook in this window's place without freezing it: `load` runs in a worker
#: thread, then `opened(handbook)` runs and a new window takes this one's place, or
#: `failed(error)` runs here. Returns whether it started (not while another opens).
Replace = Callable[
    [Callable[[], Handbook], Callable[[Handbook], None], Callable[[Exception], None]], object
]


#: Loads the handbook at a path in a language (as the session shows it: with its clinic).
Load = Callable[[Path, str], Handbook]


class HandbookOpener(QObject):
    """Opens another handbook in place of the window's one."""

    def __init__(
        self,
        window: QMainWindow,
        handbook: Handbook,
        file_menu: QMenu,
        open_folder: QAction,
        open_file: QAction,
        config_dir: Path,
        replace: Replace,
        *,
        load: Load = load_handbook_in,
    ) -> None:
        """`load`: a handbook in a language as the session shows it (with its clinic)."""
        super().__init__(window)
        self.setObjectName("handbookOpener")
        self.window = window
        self.handbook = handbook
        self.file_menu = file_menu
        self.open_file_action = open_file
        self.config_dir = config_dir
        self.replace = replace
        self.load = load
        self.choose_folder: Callable[[], Path | None] = self.ask_folder
        self.choose_file: Callable[[], Path | None] = self.ask_file
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self._add_recent_menu()
        open_folder.triggered.connect(self.open_chosen)
        open_file.triggered.connect(self.open_chosen_file)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.fill_recent_menu()

    def _add_recent_menu(self) -> None:
        menu = self.file_menu
        actions = menu.actions()
        opener = self.open_file_action
        after = actions.index(opener) + 1 if opener in actions else len(actions)
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.recent_menu.setAccessibleName(self.tr("Recent handbooks"))
        if after < len(actions):
            menu.insertMenu(actions[after], self.recent_menu)
        else:
            menu.addMenu(self.recent_menu)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.handbook.root.absolute()
        for number, path in enumerate(load_recent(self.config_dir), start=1):
            # "&&": an ampersand in a folder name is shown, not taken as a shortcut key
            shown = f"{path.name}  ({path.parent})".replace("&", "&&")
            action = QAction(f"&{number} {shown}", self.recent_menu)
            action.setObjectName(f"recent_handbook_{number}")
            action.setToolTip(plain_tooltip(str(path)))
            action.setEnabled(path != current)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Open Handbook Folder"), str(self.handbook.root.parent)
        )
        return Path(chosen) if chosen else None

    def ask_file(self) -> Path | None:
        """A packed handbook (a .handbook file, made by `handbook-reader pack`)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open Handbook File"),
            str(self.handbook.root.parent),
            self.tr("Handbook files (*.handbook)"),
        )
        return Path(chosen) if chosen else None

    def open_chosen(self) -> None:
        path = self.choose_folder()
        if path is not None:
            self.open_path(path)

    def open_chosen_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        """Show the handbook at `path` (a folder, an mkdocs.yml or a .handbook file) in a
        new window that takes this one's place, once it has loaded off the window's
        thread; if it cannot be opened, this window says why and stays."""
        language = self.handbook.language

        def opened(handbook: Handbook) -> None:
            remember_handbook(self.config_dir, self.handbook.root)  # so Recent can go back
            remember_handbook(self.config_dir, handbook.root)  # an mkdocs.yml's folder

        def failed(error: Exception) -> None:
            known = isinstance(error, HandbookError | OSError)  # else a crash of the loader
            self._say_cannot_open(path, str(error) if known else f"{type(error).__name__}: {error}")

        self.replace(lambda: self.load(path, language), opened, failed)

    def _say_cannot_open(self, path: Path, details: str) -> None:
        message = self.tr("%1 could not be opened as a handbook.").replace("%1", path.name)
        self.window.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message,
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        plain_box(box).setObjectName("openErrorDialog")
        box.setDetailedText(details)
        box.open()  # not exec(): the reader's window stays live behind it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A folder (an mkdocs.yml, a .handbook file) dropped anywhere on the window opens it."""
        if watched is self.window:
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                assert isinstance(event, QDragEnterEvent | QDropEvent)
                if _dropped_path(event) is not None:
                    event.acceptProposedAction()
                    return True
            elif kind == QEvent.Type.Drop:
                assert isinstance(event, QDropEvent)
                path = _dropped_path(event)
                if path is not None:
                    event.acceptProposedAction()
                    self.open_path(path)
                    return True
        return super().eventFilter(watched, event)


def _dropped_path(event: QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData() else []
    local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if len(local) != 1:
        return None
    path, name = local[0], local[0].name.lower()
    openable = name in ("mkdocs.yml", "mkdocs.yaml") or name.endswith(PACK_SUFFIX)
    return path if path.is_dir() or openable else None


def install(
    window: QMainWindow,
    handbook: Handbook,
    file_menu: QMenu,
    actions: tuple[QAction, QAction],
    config_dir: Path,
    replace: Replace,
    *,
    load: Load = load_handbook_in,
) -> HandbookOpener:
    """Connect File > Open (folder, file), drag and drop and Open Recent for a window
    whose policy opens files; `actions`: Open Handbook Folder and Open Handbook File."""
    return HandbookOpener(window, handbook, file_menu, *actions, config_dir, replace, load=load)
