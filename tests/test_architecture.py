"""The house rules that keep the core usable without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent

# Every module outside reader/ui/: the core, which must run without a display.
CORE = sorted(
    ".".join(("reader", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
    if "ui" not in path.relative_to(PACKAGE).parts and path.name != "__main__.py"
)


def test_core_modules_import_no_qt_widgets() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6.QtWidgets'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imports Qt widgets: {result.stdout}"


def test_command_line_help_needs_no_display() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--help"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
    )
    assert result.returncode == 0
    assert "toc" in result.stdout and "export-pdf" in result.stdout


def test_core_list_reaches_into_every_feature_package() -> None:
    packages = {name.split(".")[1] for name in CORE if name.count(".") >= 2}
    assert {"handbook", "content", "search", "pdf", "bookmarks", "kiosk", "commands"} <= packages


def test_no_core_module_is_two_things() -> None:
    """A module past ~400 lines holds two responsibilities (house style)."""
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert long == {}


# --- the layers: which package may import which ------------------------------------
#
# A node of the import graph is a package under reader/ (reader.handbook, reader.ui, ...)
# or a top-level module (reader.cli, reader.paths, ...); `reader` itself is the package's
# names (APP_ID, __version__). Every import counts: inside functions, under
# TYPE_CHECKING, relative ones. A lazy import still ties two packages together: it only
# moves the moment the tie is felt.

#: From the bottom up. A package imports only from the layers below it, and from its own
#: layer unless that layer is in INDEPENDENT_LAYERS.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "foundation",
        frozenset({
            "reader", "reader.storage", "reader.paths", "reader.problems", "reader.dates",
            "reader.folding", "reader.safe_output", "reader.terminal", "reader.preferences",
            "reader.recent", "reader.history", "reader.pyside_locks",
        }),
    ),
    ("handbook", frozenset({"reader.handbook"})),
    ("clinic", frozenset({"reader.clinic"})),
    ("content", frozenset({"reader.content"})),
    (
        "features",
        frozenset({
            "reader.search", "reader.pdf", "reader.speech", "reader.bookmarks", "reader.kiosk",
        }),
    ),
    ("check", frozenset({"reader.check"})),
    ("commands", frozenset({"reader.commands"})),
    ("ui", frozenset({"reader.ui"})),
    (
        "entry",
        frozenset({"reader.cli", "reader.cli_parser", "reader.cli_spanish", "reader.__main__"}),
    ),
)  # fmt: skip

#: Layers whose packages never import each other: search, PDF, speech, bookmarks and
#: the kiosk each change (or are left out) alone; what two of them share goes lower.
INDEPENDENT_LAYERS = frozenset({"features"})

#: Imports that break the rule on purpose: (importer, imported) -> why. None today; one
#: added here is a decision to explain in the review, not a way to make a test pass.
LAYER_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = ("reader", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts).removesuffix(".__init__")


def _nodes() -> set[str]:
    """Every package under reader/ and every top-level module, and `reader` itself."""
    return {".".join(_module_name(path).split(".")[:2]) for path in PACKAGE.rglob("*.py")}


def _node(name: str, nodes: set[str]) -> str:
    """reader.handbook.gate -> reader.handbook; reader.APP_ID (a name) -> reader."""
    package = ".".join(name.split(".")[:2])
    return package if package in nodes else "reader"


def _imported_names(path: Path) -> list[tuple[str, int]]:
    """Every module or name a file imports, absolute, with its line."""
    module = _module_name(path)
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: list[tuple[str, int]] = []
    for statement in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(statement, ast.Import):
            found += [(alias.name, statement.lineno) for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom):
            if statement.level:
                base = here[: len(here) - statement.level + 1]
                origin = ".".join([*base, *filter(None, [statement.module])])
            else:
                origin = statement.module or ""
            found.append((origin, statement.lineno))
            found += [(f"{origin}.{alias.name}", statement.lineno) for alias in statement.names]
    return found


def package_imports() -> dict[tuple[str, str], str]:
    """(importer, imported) package pairs, each with one `module:line` that makes it."""
    nodes = _nodes()
    edges: dict[tuple[str, str], str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = _node(_module_name(path), nodes)
        for name, line in _imported_names(path):
            if name != "reader" and not name.startswith("reader."):
                continue
            imported = _node(name, nodes)
            if imported != importer:
                edges.setdefault((importer, imported), f"{_module_name(path)}:{line}")
    return edges


def find_cycle(edges: Iterable[tuple[str, str]]) -> list[str]:
    """One cycle in the graph as [a, b, ..., a], or [] when there is none."""
    following: dict[str, list[str]] = {}
    for importer, imported in sorted(edges):
        following.setdefault(importer, []).append(imported)
    done: set[str] = set()

    def walk(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return []
        for after in following.get(node, []):
            if cycle := walk(after, [*path, node]):
                return cycle
        done.add(node)
        return []

    for start in sorted(following):
        if cycle := walk(start, []):
            return cycle
    return []


def test_packages_import_each_other_in_one_direction_only() -> None:
    """A cycle between packages means neither can be read, tested or moved alone."""
    edges = package_imports()
    # The graph must see what a cycle hides behind: imports inside a function
    # (cli.py starts the window that way) and names from `reader` itself.
    assert {("reader.cli", "reader.ui"), ("reader.paths", "reader")} <= edges.keys()
    assert find_cycle([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]) == ["a", "b", "c", "a"]
    cycle = find_cycle(edges)
    steps = [f"{a} -> {b} ({edges[(a, b)]})" for a, b in pairwise(cycle)]
    assert cycle == [], "import cycle between packages:\n" + "\n".join(steps)


def _layer_of() -> dict[str, int]:
    return {node: level for level, (_, nodes) in enumerate(LAYERS) for node in nodes}


def test_every_package_has_a_layer() -> None:
    """A new package or top-level module is placed in LAYERS on purpose."""
    placed, nodes = _layer_of(), _nodes()
    assert nodes - placed.keys() == set(), "add these to LAYERS in tests/test_architecture.py"
    assert placed.keys() - nodes == set(), "LAYERS names packages that no longer exist"


def _goes_up(importer: int, imported: int) -> bool:
    """Up a layer, or sideways in a layer whose packages stand alone."""
    sideways = imported == importer and LAYERS[importer][0] in INDEPENDENT_LAYERS
    return imported > importer or sideways


def test_packages_import_only_the_layers_below_them() -> None:
    """The layers read from the bottom up: each can be understood, and tested, with only
    what lies beneath it (the order is documented in LAYERS above)."""
    layer = _layer_of()
    wrong = sorted(
        f"{importer} ({LAYERS[layer[importer]][0]}) imports {imported} "
        f"({LAYERS[layer[imported]][0]}) at {where}"
        for (importer, imported), where in package_imports().items()
        if importer in layer and imported in layer
        and _goes_up(layer[importer], layer[imported])
        and (importer, imported) not in LAYER_EXCEPTIONS
    )  # fmt: skip
    assert wrong == [], "imports against the layers:\n" + "\n".join(wrong)


# -- the window layer (#34) ----------------------------------------------------------

#: Parts of the window: built with only what they use, so none may know the window.
WINDOW_PART_FOLDERS = ("ui/window", "ui/panels", "ui/read_aloud", "ui/kiosk")
#: Where the place may be asked about: the code that decides it, and nowhere else.
KIOSK_PACKAGES = ("ui/kiosk", "kiosk")
MAX_MODULES_ASKING_ABOUT_KIOSK = 2


def _imports_of(path: Path) -> set[str]:
    """Every name imported by the module, anywhere in it (TYPE_CHECKING blocks and
    function bodies included): `from a.b import C` gives "a.b.C" and "a.b"."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _names(path: Path) -> set[str]:
    """The names code uses (not strings: "MainWindow" is also a translation context)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
    }


def test_no_window_part_imports_the_main_window() -> None:
    """A part gets widgets and services, never the window (#34): grep-level, so a
    type-only import fails too."""
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for folder in WINDOW_PART_FOLDERS
        for path in (PACKAGE / folder).rglob("*.py")
        if {"reader.ui.mainwindow", "reader.ui.mainwindow.MainWindow"} & _imports_of(path)
        or _names(path) & {"MainWindow", "mainwindow"}
    )
    assert offenders == [], f"these parts know the whole window: {offenders}"


def _asks_about_kiosk(path: Path) -> list[int]:
    """Lines where code (not a comment or a string) names a kiosk: a variable, an
    attribute, an argument or a keyword."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = (
            node.id if isinstance(node, ast.Name)
            else node.attr if isinstance(node, ast.Attribute)
            else node.arg if isinstance(node, ast.arg | ast.keyword)
            else None
        )  # fmt: skip
        if name and "kiosk" in name.lower():
            lines.append(node.lineno)
    return lines


def test_only_two_modules_outside_the_kiosk_ask_whether_this_is_a_kiosk() -> None:
    """What differs on a kiosk is a WindowPolicy, decided where the session is made;
    the rest of the code reads the policy's fields."""
    asking = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if not any(path.relative_to(PACKAGE).is_relative_to(p) for p in KIOSK_PACKAGES)
        and (lines := _asks_about_kiosk(path))
    }
    assert len(asking) <= MAX_MODULES_ASKING_ABOUT_KIOSK, asking
