"""The layers stay apart: the app runs in a browser that has neither the services nor the build
tools, and the services run where the build tools may not be installed."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_packages(folder: str) -> dict[str, set[str]]:
    """Top-level packages each module of `folder` imports, wherever in the module the import is."""
    found = {}
    for path in (ROOT / folder).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.partition(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


LAYERS = [("server", {"buildkit", "app", "tests"}), ("app", {"server", "buildkit", "tests"})]


@pytest.mark.parametrize(("folder", "forbidden"), LAYERS)
def test_a_layer_imports_nothing_above_or_beside_it(folder: str, forbidden: set[str]) -> None:
    offending = {module: names & forbidden for module, names in imported_packages(folder).items()}
    assert {module: names for module, names in offending.items() if names} == {}
