"""axe-core, the vendored accessibility checker, run inside a page: what it finds that matters."""

from pathlib import Path

from playwright.sync_api import Page

from buildkit.lock import read_lock
from buildkit.paths import VENDOR

BLOCKING = {"serious", "critical"}
"""The impacts a view may not have; minor and moderate findings are left to judgement."""


def axe_script() -> Path:
    """The pinned axe-core that `build.py vendor` laid out beside the runtime, for tests only."""
    pin = next(pin for pin in read_lock() if pin.name == "axe-core")
    return VENDOR / pin.into / "axe.min.js"


def blocking_violations(page: Page, rules: list[str] | None = None) -> list[dict]:
    """axe's serious and critical violations on the page as it is now, of all its rules or only
    `rules`; axe is evaluated from disk, never fetched, and not as an inline script, which the
    page's policy blocks."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script().read_text())
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    results = page.evaluate("options => axe.run(document, options)", options)
    return [violation for violation in results["violations"] if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """Each violation's rule, what it asks and the nodes that break it: enough to find and fix them."""
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']}, see {rule['helpUrl']}")
        for node in rule["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)
