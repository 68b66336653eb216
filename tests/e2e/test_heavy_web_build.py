"""A compiled patch's `web/local` build, rendered offline in Chromium: it must play its tone."""

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import watch

# Renders `seconds` of the patch with an OfflineAudioContext. `params` are sent a quarter in,
# while rendering is suspended (port messages reach the audio thread between render quanta).
# Returns the peak and the frequency measured from zero crossings over the second half.
RENDER = """async ({ seconds, params }) => {
  const { loadHeavyPatch } = await import("./heavy-player.js");
  const rate = 48000;
  const context = new OfflineAudioContext(1, seconds * rate, rate);
  const patch = await loadHeavyPatch(context, new URL(".", location.href));
  patch.node.connect(context.destination);
  context.suspend(seconds / 4).then(async () => {
    for (const [name, value] of Object.entries(params)) patch.setParam(name, value);
    await new Promise((resolve) => setTimeout(resolve, 100));
    context.resume();
  });
  const samples = (await context.startRendering()).getChannelData(0);
  const half = samples.subarray(samples.length / 2);
  let crossings = 0, peak = 0;
  for (let i = 1; i < half.length; i++) {
    if (half[i - 1] < 0 && half[i] >= 0) crossings++;
    peak = Math.max(peak, Math.abs(half[i]));
  }
  return { peak, frequency: crossings / (seconds / 2) };
}"""


@pytest.fixture(scope="module")
def web_build(browser: Browser, live_server: str) -> Page:
    context = browser.new_context()
    page = watch(context.new_page(), live_server)
    page.goto(f"{live_server}/heavy/h/demo/sine/latest/web/local/index.html")
    yield page
    context.close()


def test_the_demo_sine_plays_440_hz_at_its_level(web_build: Page) -> None:
    result = web_build.evaluate(RENDER, {"seconds": 1, "params": {}})
    assert result["peak"] == pytest.approx(0.1, abs=0.005)
    assert result["frequency"] == pytest.approx(440, abs=4)


def test_setting_the_frequency_parameter_changes_the_tone(web_build: Page) -> None:
    result = web_build.evaluate(RENDER, {"seconds": 1, "params": {"freq": 1000}})
    assert result["frequency"] == pytest.approx(1000, abs=6)
