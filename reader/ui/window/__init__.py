"""The main window's parts: its chrome (toolbar, menus, docks), the wiring of its
actions, and the controllers for printing, bookmarks and reading comfort. The window
itself (reader/ui/mainwindow.py) composes them."""
