"""The `Storage` port: localStorage, which a user's settings may block."""

from pyodide.ffi import JsException
from pyscript import window
from pyscript.ffi import is_none


class BrowserStorage:
    def stored(self, key: str) -> str:
        """What localStorage keeps under `key` ("" for nothing); synchronous, so boot can afford it."""
        try:
            value = window.localStorage.getItem(key)
        except JsException:  # storage blocked by the user's settings: nothing is remembered
            return ""
        return "" if is_none(value) else str(value)

    def store(self, key: str, value: str) -> None:
        """Keep `value` under `key`; "" forgets it."""
        try:
            if value:
                window.localStorage.setItem(key, value)
            else:
                window.localStorage.removeItem(key)
        except JsException:  # storage blocked: the value lasts as long as the page
            pass
