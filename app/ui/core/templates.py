"""jinja2 with autoescape on: every value a template prints is HTML-escaped unless marked safe."""

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

UI = Path(__file__).parent.parent
TEMPLATES = [
    UI / folder / "templates"
    for folder in ("core", "components", "screens", "screens/openwhyd", "screens/heavy")
]
"""Each template sits beside the code that renders it: the frame's here, a component's with the
components, a screen's with its service's screens. Their names are unique across the folders."""


@cache
def environment() -> Environment:
    from app.ui.core.router import href
    from app.ui.core.wording import noun

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the files never change under a page; the startup snapshot holds them compiled
    )
    env.globals["href"] = href
    env.globals["noun"] = noun
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def render_macro(name: str, macro: str, *args: Any) -> str:
    """One macro of template `name`, called with `args`: a piece of a page drawn again alone."""
    return str(getattr(environment().get_template(name).module, macro)(*args))
