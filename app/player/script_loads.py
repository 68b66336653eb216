"""Third-party scripts load once, when a player first needs them. The bookkeeping is here, pure;
`app/player/adapters/scripts.py` puts the `<script>` in the page."""

from collections.abc import Callable

from app.player.vendors import VendorScript

Done = Callable[[str | None], None]
"""Told once how an injected script went: None when it is usable, else what went wrong."""
Inject = Callable[[VendorScript, Done], None]


class ScriptLoads:
    """Each script is injected on the first `require` only; players that ask while it loads wait
    for that same load. A failed load is forgotten, so the next track of its source tries again."""

    def __init__(self, inject: Inject) -> None:
        self._inject = inject
        self._ready: set[str] = set()
        self._waiting: dict[str, list[tuple[Callable[[], None], Callable[[str], None]]]] = {}

    def require(
        self, script: VendorScript, on_ready: Callable[[], None], on_failed: Callable[[str], None]
    ) -> None:
        """Call `on_ready` once the script is usable (right away if it is), or `on_failed` with
        the reason it could not load."""
        if script.url in self._ready:
            on_ready()
            return
        waiting = self._waiting.setdefault(script.url, [])
        waiting.append((on_ready, on_failed))
        if len(waiting) == 1:
            self._inject(script, lambda problem: self._done(script.url, problem))

    def _done(self, url: str, problem: str | None) -> None:
        if problem is None:
            self._ready.add(url)
        for on_ready, on_failed in self._waiting.pop(url, []):
            if problem is None:
                on_ready()
            else:
                on_failed(problem)
