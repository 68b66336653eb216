"""A heavy patch played from the player bar, heard through its level meter and its parameters, and
a new version handed over by dropping files, a zip or a folder on the upload box."""

import base64
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.heavy_steps import SINE, heavy_sign_in, issue_token, only_refusals_logged, open_fresh, zipped

USER = "demo"
SYNTH = Path(__file__).parent.parent / "unit" / "pd_fixtures" / "synth"

# Test-only ears: every AnalyserNode the page makes is kept where the test can read it. The app's
# own analyser feeds its level meter; here it also tells which frequency is loudest.
KEEP_ANALYSERS = """() => {
  const create = BaseAudioContext.prototype.createAnalyser;
  window.testAnalysers = [];
  BaseAudioContext.prototype.createAnalyser = function () {
    const analyser = create.call(this);
    window.testAnalysers.push(analyser);
    return analyser;
  };
}"""
LOUDEST_BETWEEN = """([low, high]) => {
  const analyser = window.testAnalysers.at(-1);
  if (!analyser) return false;
  const bins = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(bins);
  const loudest = bins.indexOf(Math.max(...bins)) * analyser.context.sampleRate / analyser.fftSize;
  return low < loudest && loudest < high;
}"""
FILES = """(files) => {
  const transfer = new DataTransfer();
  for (const [name, encoded] of Object.entries(files)) {
    transfer.items.add(new File([Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))], name));
  }
  return transfer;
}"""
# Chromium gives a dropped folder as a FileSystemDirectoryEntry, which a test cannot make: this drop
# carries look-alike entries, whose reader hands out one entry per call, as a real one may.
DROP_FOLDER = """(zone, tree) => {
  const entry = (path, node) => typeof node === "string"
    ? { isFile: true, isDirectory: false, fullPath: path,
        file: (found) => found(new File([node], path.split("/").pop())) }
    : { isFile: false, isDirectory: true, fullPath: path, createReader() {
          const left = Object.entries(node).map(([name, child]) => entry(`${path}/${name}`, child));
          return { readEntries: (found) => found(left.splice(0, 1)) };
        } };
  const folder = entry("/synth", tree);
  const drop = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(drop, "dataTransfer", { value: {
    types: ["Files"], items: [{ kind: "file", webkitGetAsEntry: () => folder, getAsFile: () => null }],
    getData: () => "",
  } });
  zone.dispatchEvent(drop);
}"""


@pytest.fixture(scope="module")
def studio(app_page: Page, live_server: str) -> Page:
    """The module's page, signed in to heavy as the demo user, its analysers kept."""
    heavy_sign_in(app_page, issue_token(live_server, USER), USER)
    app_page.evaluate(KEEP_ANALYSERS)
    return app_page


def player(page: Page) -> Locator:
    return page.get_by_role("contentinfo", name="Player")


def loudest_between(page: Page, low: float, high: float) -> None:
    page.wait_for_function(LOUDEST_BETWEEN, arg=[low, high], timeout=10_000)


def test_a_version_plays_in_the_player_bar_with_a_slider_per_parameter_and_a_meter(studio: Page) -> None:
    open_fresh(studio, "#/heavy/p/demo/sine/1")
    studio.get_by_role("button", name="Play version 1").click()
    bar = player(studio)
    expect(bar.get_by_text("by demo")).to_be_visible()
    controls = bar.get_by_role("region", name="Controls of sine")
    level = controls.get_by_role("meter", name="Output level")
    expect(controls.get_by_text("\u221220 dB")).to_be_visible()  # the demo sine's 0.1 amplitude
    assert -21 < level.evaluate("meter => meter.value") < -19
    loudest_between(studio, 400, 480)

    freq = controls.get_by_role("slider", name="freq")
    expect(freq).to_have_value("440")
    freq.focus()
    studio.keyboard.press("End")
    expect(controls.get_by_role("status").filter(has_text="2000")).to_be_visible()
    loudest_between(studio, 1950, 2050)
    studio.keyboard.press("PageDown")
    loudest_between(studio, 1750, 1850)

    bar.get_by_role("button", name="Pause").click()
    expect(controls.get_by_text("silent")).to_be_visible()
    assert level.evaluate("meter => meter.value") == -60
    expect(freq).to_have_value("1800")
    bar.get_by_role("button", name="Play", exact=True).click()
    expect(controls.get_by_text("\u221220 dB")).to_be_visible()
    loudest_between(studio, 1750, 1850)
    bar.get_by_role("button", name="Pause").click()


@pytest.mark.expect_page_errors  # the refused download is an HTTP error, which the console reports
def test_the_patch_page_plays_the_newest_version_or_says_why_it_cannot(studio: Page) -> None:
    refusal = {
        "errors": [
            {
                "status": "501",
                "detail": "web/local cannot be built on this server: it needs clang (Debian package clang).",
            }
        ]
    }
    open_fresh(studio, "#/heavy/p/demo/sine/1")  # something playing, which the refusal leaves alone
    studio.get_by_role("button", name="Play version 1").click()
    expect(player(studio).get_by_text("sine", exact=True)).to_be_visible()
    build = "**/heavy/h/demo/arpeggio/1/web/local/archive.zip"
    studio.route(build, lambda route: route.fulfill(status=501, json=refusal))
    open_fresh(studio, "#/heavy/p/demo/arpeggio")
    with only_refusals_logged(studio):
        studio.get_by_role("button", name="Play version 1").click()
        expect(studio.get_by_role("status").filter(has_text="cannot play")).to_have_text(
            "Version 1 cannot play here: web/local cannot be built on this server: "
            "it needs clang (Debian package clang)."
        )
    expect(player(studio).get_by_text("sine", exact=True)).to_be_visible()
    studio.unroute(build)

    studio.get_by_role("button", name="Play version 1").click()
    controls = player(studio).get_by_role("region", name="Controls of arpeggio")
    expect(controls.get_by_role("slider")).to_have_count(2, timeout=60_000)  # built on this first request
    expect(controls.get_by_role("slider", name="cutoff")).to_have_value("1800")
    expect(controls.get_by_role("slider", name="tempo")).to_have_value("120")
    expect(controls.get_by_role("meter", name="Output level")).to_be_visible()
    expect(controls.get_by_text(re.compile(r"^\u2212?\d+ dB$"))).to_be_visible()
    player(studio).get_by_role("button", name="Pause").click()
    expect(controls.get_by_text("silent")).to_be_visible()


def drop_zone(page: Page) -> Locator:
    return page.get_by_role("group", name=re.compile("^Drop the files"))


def drop_files(page: Page, files: dict[str, bytes]) -> None:
    """Drag `files` over the upload box, which shows it takes them, and drop them."""
    encoded = {name: base64.b64encode(content).decode() for name, content in files.items()}
    transfer = page.evaluate_handle(FILES, encoded)
    zone = drop_zone(page)
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    expect(zone).to_have_attribute("data-dragging", "")
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    expect(zone).not_to_have_attribute("data-dragging", "")


def folder_tree(folder: Path) -> dict:
    """The `.pd` files below `folder` as nested dicts: name → text, or name → subfolder."""
    tree: dict = {}
    for path in folder.rglob("*.pd"):
        *parents, name = path.relative_to(folder).parts
        node = tree
        for parent in parents:
            node = node.setdefault(parent, {})
        node[name] = path.read_text()
    return tree


def test_dropped_files_a_zip_or_a_folder_are_previewed_like_picked_ones(studio: Page) -> None:
    open_fresh(studio, "#/heavy/p/demo/sine")
    expect(drop_zone(studio)).to_be_visible()
    drop_files(studio, {"_main.pd": SINE, "voice.pd": SINE, "notes.txt": b"not sent"})
    summary = studio.get_by_role("heading", name="Ready to send: 2 files")
    expect(summary).to_be_focused()
    expect(studio.locator(".file-list")).to_contain_text("voice.pd")
    expect(studio.get_by_role("row", name=re.compile("freq param input 20 … 2000 440"))).to_be_visible()

    drop_files(studio, {"sine.zip": zipped({"sine/_main.pd": SINE})})
    expect(studio.get_by_role("heading", name="Ready to send: 1 file")).to_be_visible()

    drop_zone(studio).evaluate(DROP_FOLDER, folder_tree(SYNTH))
    expect(studio.get_by_role("heading", name="Ready to send: 3 files")).to_be_visible()
    expect(studio.locator(".file-list")).to_contain_text("lib/voice.pd")
