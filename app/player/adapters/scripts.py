"""Puts a vendor's `<script>` in the page, once, when a player first needs it (see
`app/player/script_loads.py`), and tells when it is usable or why it is not."""

from collections.abc import Callable

import js
from pyodide.ffi import create_proxy
from pyscript.ffi import is_none

from app.player.script_loads import Done, ScriptLoads
from app.player.vendors import VendorScript


def _inject(script: VendorScript, done: Done) -> None:
    element = js.document.createElement("script")
    element.src = script.url
    hook_owner = _hook_owner(script.ready_hook)

    def finish(problem: str | None) -> None:
        element.onload = element.onerror = None
        if hook_owner is not None:
            js.Reflect.deleteProperty(hook_owner, script.ready_hook[-1])
        ready.destroy()
        failed.destroy()
        if problem is None and is_none(getattr(js.window, script.ready_global, None)):
            problem = f"it did not define {script.ready_global}"
        if problem is not None:
            element.remove()
        done(problem)

    ready = create_proxy(lambda *args: finish(None))
    failed = create_proxy(lambda *args: finish("the network or the browser refused it"))
    if hook_owner is None:
        element.onload = ready
    else:
        setattr(hook_owner, script.ready_hook[-1], ready)
    element.onerror = failed
    js.document.head.append(element)


def _hook_owner(path: tuple[str, ...]) -> object | None:
    """The object on `window` that gets the ready callback, made as the vendor documents it
    (`window.dailymotion = {onScriptLoaded}`) when it is not there yet."""
    if not path:
        return None
    owner = js.window
    for name in path[:-1]:
        if is_none(getattr(owner, name, None)):
            setattr(owner, name, js.Object.new())
        owner = getattr(owner, name)
    return owner


LOADS = ScriptLoads(_inject)


def require_script(
    script: VendorScript, on_ready: Callable[[], None], on_failed: Callable[[str], None]
) -> None:
    LOADS.require(script, on_ready, on_failed)
