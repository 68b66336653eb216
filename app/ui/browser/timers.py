"""The `Timers` port: `setTimeout`, with a Python callback kept alive until it fires or is cancelled."""

from collections.abc import Callable

from pyodide.ffi import create_proxy
from pyscript import window

from app.player.controller import Cancel


class BrowserTimers:
    def set_timer(self, seconds: float, callback: Callable[[], None]) -> Cancel:
        """Call `callback` in `seconds`; returns what cancels it."""
        done = False

        def fire() -> None:
            nonlocal done
            done = True
            proxy.destroy()
            callback()

        def cancel() -> None:
            nonlocal done
            if not done:
                done = True
                window.clearTimeout(handle)
                proxy.destroy()

        proxy = create_proxy(fire)
        handle = window.setTimeout(proxy, seconds * 1000)
        return cancel
