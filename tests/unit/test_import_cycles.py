"""The app's modules import one another without a cycle: each can be read, tested and loaded on its
own, and a module that imports another at load time never finds it half-made.

Only imports that run when a module loads count: those inside functions (deferred on purpose, to
load less at boot) and those under `if TYPE_CHECKING:` (for the type checker only) do not.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def load_time_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """The imports among a module's top-level statements, looking into `if`, `try` and `with`
    blocks but not into functions, classes' methods or `if TYPE_CHECKING:`."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            pending.extend(node.orelse if is_type_checking(node) else node.body + node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                pending.extend(handler.body)
        elif isinstance(node, ast.With | ast.ClassDef):
            pending.extend(node.body)
    return found


def import_graph(modules: dict[str, ast.Module]) -> dict[str, set[str]]:
    """Which app modules each app module imports when it loads (`from package import module`
    imports the module)."""
    graph: dict[str, set[str]] = {}
    for name, tree in modules.items():
        targets: set[str] = set()
        for node in load_time_imports(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif node.module and node.level == 0:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def app_modules() -> dict[str, ast.Module]:
    return {module_name(path): ast.parse(path.read_text()) for path in sorted(APP.rglob("*.py"))}


def test_the_app_has_no_import_cycle() -> None:
    assert cycles(import_graph(app_modules())) == []


def test_the_check_sees_a_cycle_and_ignores_deferred_imports() -> None:
    sources = {
        "app.a": "from app import b\n",
        "app.b": "import app.c\n",
        "app.c": "from app.a import thing\n",
        "app.d": "def f():\n    import app.e\n",
        "app.e": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import app.d\nimport app.d\n",
        "app": "",
    }
    graph = import_graph({name: ast.parse(source) for name, source in sources.items()})
    assert cycles(graph) == [["app.a", "app.b", "app.c"]]
    assert graph["app.d"] == set() and graph["app.e"] == {"app.d"}
