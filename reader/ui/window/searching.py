"""Search in the window: starting the engine after the first paint, showing the results
panel while the reader types, opening a result, and shutting the index down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.ui.startup import forget_module_sources, import_search_engine

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class SearchCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchCommands")
        self.window = window

    def start(self) -> None:
        """Import Whoosh here, on the main thread, then open the index in a worker."""
        import_search_engine()
        forget_module_sources()  # Whoosh's, this time
        self.window.search_loader.start()

    def text_changed(self, text: str) -> None:
        """Typing shows the results beside the page; clearing the box brings back
        whatever the reader had there before."""
        window = self.window
        window.content.clear_highlights()  # a new query: the old matches are stale
        if text.strip():
            if not window.search_dock.isVisible():
                window.search_dock.show()
            window.search_dock.raise_()
        elif window.search_dock.isVisible():
            window.toc_dock.raise_()

    def open_result(self, section_id: str, words: list[str], lead: str = "") -> None:
        """Open a result where its snippet is: the snippet's sentence near the top of
        the view, the matched words (whole) highlighted."""
        window = self.window
        if not window.navigator.navigate(section_id):
            return
        section = window.handbook.section(section_id)
        if section is None:
            return
        start = window.content.anchor_position(section.anchor)
        count = window.content.highlight_words(words, start_at=start, lead=lead)
        if count:
            message = self.tr("%1 matches highlighted on this page.").replace("%1", str(count))
            window.statusBar().showMessage(message, 5000)

    def shut_down(self) -> None:
        """Stop the index builder and close the index (tests and closing the window)."""
        window = self.window
        window.search_loader.stop()
        window.search_loader.join(5)
        index = window.search_panel.index
        window.search_panel.set_index(None)
        if index is not None:
            index.close()
