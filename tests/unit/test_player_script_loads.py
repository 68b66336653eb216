"""A third-party script is put in the page once, when first needed; a failed one is tried again."""

from app.player.script_loads import Done, ScriptLoads
from app.player.vendors import VendorScript

YT = VendorScript("yt", "https://www.youtube.com/iframe_api", "YT", ("onYouTubeIframeAPIReady",))
VIMEO = VendorScript("vi", "https://player.vimeo.com/api/player.js", "Vimeo")


class Page:
    """Remembers the injections, to finish them when the test says."""

    def __init__(self) -> None:
        self.injected: list[tuple[VendorScript, Done]] = []

    def inject(self, script: VendorScript, done: Done) -> None:
        self.injected.append((script, done))

    def finish(self, index: int, problem: str | None = None) -> None:
        self.injected[index][1](problem)


def asker(heard: list[str], name: str) -> tuple:
    return (lambda: heard.append(f"{name} ready"), lambda problem: heard.append(f"{name} failed: {problem}"))


def test_players_asking_while_it_loads_share_one_injection() -> None:
    page, heard = Page(), []
    loads = ScriptLoads(page.inject)
    loads.require(YT, *asker(heard, "first"))
    loads.require(YT, *asker(heard, "second"))
    assert [script for script, _ in page.injected] == [YT] and heard == []
    page.finish(0)
    assert heard == ["first ready", "second ready"]


def test_a_loaded_script_is_ready_at_once_and_never_injected_again() -> None:
    page, heard = Page(), []
    loads = ScriptLoads(page.inject)
    loads.require(YT, *asker(heard, "first"))
    page.finish(0)
    loads.require(YT, *asker(heard, "later"))
    assert heard == ["first ready", "later ready"] and len(page.injected) == 1


def test_each_script_loads_on_its_own() -> None:
    page, heard = Page(), []
    loads = ScriptLoads(page.inject)
    loads.require(YT, *asker(heard, "youtube"))
    loads.require(VIMEO, *asker(heard, "vimeo"))
    page.finish(1)
    assert heard == ["vimeo ready"]
    assert [script for script, _ in page.injected] == [YT, VIMEO]


def test_a_failed_load_tells_everyone_waiting_and_the_next_ask_tries_again() -> None:
    page, heard = Page(), []
    loads = ScriptLoads(page.inject)
    loads.require(YT, *asker(heard, "first"))
    loads.require(YT, *asker(heard, "second"))
    page.finish(0, "offline")
    assert heard == ["first failed: offline", "second failed: offline"]
    loads.require(YT, *asker(heard, "retry"))
    assert len(page.injected) == 2
    page.finish(1)
    assert heard[-1] == "retry ready"
