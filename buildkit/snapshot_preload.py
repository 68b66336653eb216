"""Run by make_snapshot.mjs inside Pyodide: imports every app module that needs no browser, and
compiles every template, so a page restored from the snapshot starts with them in memory.

Modules that reach for `js` or `pyscript` at import are left out (with whatever they pulled in):
the JS objects they would hold belong to the page, not to the build.
"""

import importlib
import pkgutil
import sys

BROWSER_ONLY = ("js", "pyscript", "pyodide_js")


class RefuseBrowserModules:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.partition(".")[0] in BROWSER_ONLY:
            raise ImportError(f"{name} is only in the browser")


def preload() -> list[str]:
    sys.meta_path.insert(0, RefuseBrowserModules)
    try:
        import app

        left_out = []
        for info in pkgutil.walk_packages(app.__path__, "app."):
            before = set(sys.modules)
            try:
                importlib.import_module(info.name)
            except ImportError:
                left_out.append(info.name)
                for name in set(sys.modules) - before:
                    del sys.modules[name]
        from app.ui.core.templates import environment

        env = environment()
        for name in env.list_templates():
            env.get_template(name)
        return left_out
    finally:
        sys.meta_path.remove(RefuseBrowserModules)
