"""Binary targets, loaded by real hosts: the Pd external by Pd, the LV2 plugin by lv2file, the Unity
library through the dynamic loader, the LV2, CLAP, VST2 and VST3 plugins by hosts of ours (hosts/);
the Windows x64 LV2, CLAP, VST2 and VST3 plugins and Unity library by the same hosts under wine. The
others are checked for the entry points hosts look up.

Builds cost seconds each, and neither the build nor the binary depends on the database: they are
built once per session, on SQLite, two at a time (the machine's tool slots), and the build times
are printed (`-s`) for the README.
"""

import io
import os
import shutil
import subprocess
import time
import wave
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from heavy_http import call, zip_names
from native_hosts import LINUX, WINDOWS, Platform, Rendered, Runner, compile_host
from rendered_audio import measure, wav_channels

from server.heavy import binaries

FREQ_HASH = 0x345FC008
"""heavy's hash of the sine patch's `freq` parameter."""
FREQ_1000_NORMALISED = f"freq={(1000 - 20) / (2000 - 20)}"
"""The VST2 and VST3 hosts' argument setting `freq` to 1000 Hz, normalised in its 20 to 2000 range."""
LOADED = ("pdext/linux/x64", "lv2/linux/x64", "vst2/linux/x64", "vst3/linux/x64", "clap/linux/x64")
LOADED += ("unity/linux/x64",)
WINDOWS_BUILDS = ("lv2/win/x64", "vst2/win/x64", "vst3/win/x64", "clap/win/x64", "unity/win/x64")
WINDOWS_BUILDS += ("vst2/win/x86",)
WINDOWS_EXPORTS = {
    "lv2": {"lv2_descriptor"},
    "vst2": {"VSTPluginMain", "main"},
    "vst3": {"GetPluginFactory", "InitDll", "ExitDll"},
    "clap": {"clap_entry"},
    "unity": {"hv_sine_new_with_options", "hv_processInlineInterleaved", "hv_sendFloatToReceiver"},
}
WINDOWS_SYSTEM_DLLS = {"KERNEL32.dll", "msvcrt.dll"}
PE_FORMATS = {"x64": "pei-x86-64", "x86": "pei-i386"}
RENDER_PD = """#N canvas 0 0 450 300 12;
#X obj 10 10 loadbang;
#X msg 10 40 \\; pd dsp 1 \\; tone freq 1000 \\; rec bang;
#X obj 10 100 r tone;
#X obj 10 130 sine~;
#X obj 10 180 tabwrite~ left;
#X obj 100 180 tabwrite~ right;
#X obj 200 130 r rec;
#X obj 200 10 loadbang;
#X obj 200 40 delay 500;
#X msg 200 70 write -bytes 2 out.wav left right;
#X obj 200 100 soundfiler;
#X msg 300 130 \\; pd quit;
#X obj 300 10 table left 11025;
#X obj 300 40 table right 11025;
#X connect 0 0 1 0;
#X connect 2 0 3 0;
#X connect 3 0 4 0;
#X connect 3 1 5 0;
#X connect 6 0 4 0;
#X connect 6 0 5 0;
#X connect 7 0 8 0;
#X connect 8 0 9 0;
#X connect 9 0 10 0;
#X connect 10 0 11 0;
"""
"""Instantiates `sine~`, sets its `freq` to 1000, records both outlets for 250 ms into tables and
writes them as a WAV once recorded (soundfiler writes at once; writesf~'s thread may not have
written before `pd quit`)."""


class Builds:
    """Every tested binary target of alice/sine/1, downloaded (so built) two at a time from the
    start, in the order of the tests; `builds[path]` waits for one and gives the unpacked folder."""

    def __init__(self, heavy: str, root: Path) -> None:
        self.heavy, self.root = heavy, root
        self.times: dict[str, float] = {}
        self.pool = ThreadPoolExecutor(2)
        self.futures = {path: self.pool.submit(self._fetch, path) for path in LOADED + WINDOWS_BUILDS}

    def __getitem__(self, path: str) -> Path:
        return self.futures[path].result()

    def _fetch(self, path: str) -> Path:
        tick = time.perf_counter()
        reply = call("GET", f"{self.heavy}/h/alice/sine/1/{path}/archive.zip")
        assert reply.status == 200, reply.body
        zipfile.ZipFile(io.BytesIO(reply.body)).extractall(self.root / path)
        self.times[path] = round(time.perf_counter() - tick, 1)
        return self.root / path


@pytest.fixture(scope="module")
def built(heavy, sine_job, engine, tmp_path_factory) -> Iterator[Builds]:
    if engine != "sqlite":
        pytest.skip("binaries are built the same on every engine: built and loaded once, on SQLite")
    missing = {need for path in LOADED + WINDOWS_BUILDS for need in binaries.BINARIES[path].missing()}
    if missing:
        pytest.skip(f"this machine cannot build binaries: it lacks {'; '.join(sorted(missing))}")
    builds = Builds(heavy, tmp_path_factory.mktemp("binaries"))
    yield builds
    builds.pool.shutdown(cancel_futures=True)
    print("\nbinary targets' download times, two at a time (s):", builds.times)


@pytest.fixture(scope="session")
def wine(tmp_path_factory) -> Iterator[Runner]:
    """Runs Windows hosts in a wine prefix made by the first run; prints how long each run took."""
    needs("wine")
    runner = Runner(wine_prefix=tmp_path_factory.mktemp("wine") / "prefix")
    yield runner
    runner.stop()
    print("\nwine runs, the first making the prefix (s):", runner.seconds)


def needs(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


def assert_sine_at_1000_hz(channels: list[list[float]], rate: int) -> None:
    """Both channels of the sine patch, its `freq` set to 1000 (440 by default), at its 0.1 level."""
    assert len(channels) == 2
    for channel in channels:
        tone = measure(channel, rate)
        assert tone.peak == pytest.approx(0.1, abs=0.005)
        assert tone.hz == pytest.approx(1000, abs=5)


def test_pd_external_plays_in_pd_and_follows_its_param(built, tmp_path):
    needs("pd")
    (tmp_path / "render.pd").write_text(RENDER_PD)
    external = built["pdext/linux/x64"]
    assert sorted(os.listdir(external)) == ["sine~.pd_linux"]
    pd = ["pd", "-nogui", "-noaudio", "-batch", "-noprefs", "-path", str(external), "render.pd"]
    done = subprocess.run(pd, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    channels, rate = wav_channels(tmp_path / "out.wav")
    assert_sine_at_1000_hz(channels, rate)


def test_lv2_plugin_shows_its_param_and_renders_in_lv2file(built, tmp_path):
    needs("lv2file")
    bundle = built["lv2/linux/x64"]
    assert sorted(os.listdir(bundle / "sine.lv2")) == ["manifest.ttl", "sine_dsp.so", "sine_dsp.ttl"]
    env = {**os.environ, "LV2_PATH": str(bundle)}

    def lv2file(*args: str) -> str:
        """Its output; it exits 1 after listing (-l, -n) whatever it found, so rendering says
        whether it worked by the file it writes."""
        argv = ["lv2file", *args]
        done = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
        return done.stdout + done.stderr

    assert "\turn:hvcc:sine\n" in lv2file("-l")
    assert "freq: freq" in lv2file("-n", "urn:hvcc:sine").split("==Control Ports==")[1]
    silence = tmp_path / "silence.wav"
    with wave.open(str(silence), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(48000)
        wav.writeframes(bytes(2 * 48000))
    lv2file("-i", "silence.wav", "-o", "out.wav", "-p", "freq:1000", "urn:hvcc:sine")
    channels, rate = wav_channels(tmp_path / "out.wav")
    assert (len(channels), rate) == (2, 48000)
    assert_sine_at_1000_hz(channels, rate)


def render_in_host(
    request: pytest.FixtureRequest, platform: Platform, source: str, *args: str | Path
) -> Rendered:
    """What hosts/<source>, built for `platform`, rendered from `args`: the sine patch at 1000 Hz."""
    runner = request.getfixturevalue("wine") if platform is WINDOWS else Runner()
    host = compile_host(platform, source, request.getfixturevalue("tmp_path"))
    rendered = runner.render(host, *args)
    assert rendered.rate == 48000
    assert_sine_at_1000_hz(rendered.channels, rendered.rate)
    return rendered


def params_listed(rendered: Rendered) -> list[list[str]]:
    return [line[1:] for line in rendered.printed if line[0] == "param"]


@pytest.mark.parametrize(
    ("path", "platform", "binary"),
    [("lv2/linux/x64", LINUX, "sine_dsp.so"), ("lv2/win/x64", WINDOWS, "sine_dsp.dll")],
)
def test_lv2_plugin_lists_its_param_and_renders_in_an_lv2_host(built, request, path, platform, binary):
    """The host loads `binary` only if the bundle's manifest names it as the plugin's lv2:binary."""
    bundle = built[path] / "sine.lv2"
    assert sorted(os.listdir(bundle)) == ["manifest.ttl", binary, "sine_dsp.ttl"]
    rendered = render_in_host(request, platform, "lv2_host.c", bundle, binary, "freq=1000")
    assert ["plugin", "urn:hvcc:sine"] in rendered.printed
    assert params_listed(rendered) == [["freq", "20", "2000", "440"]]


@pytest.mark.parametrize(("path", "platform"), [("clap/linux/x64", LINUX), ("clap/win/x64", WINDOWS)])
def test_clap_plugin_lists_its_param_and_renders_in_a_clap_host(built, request, path, platform):
    assert sorted(os.listdir(built[path])) == ["sine.clap"]
    rendered = render_in_host(request, platform, "clap_host.c", built[path] / "sine.clap", "freq=1000")
    assert ["plugin", "urn.hvcc.sine", "sine"] in rendered.printed
    assert params_listed(rendered) == [["freq", "20", "2000", "440"]]


@pytest.mark.parametrize(
    ("path", "platform", "library"),
    [("vst2/linux/x64", LINUX, "sine-vst.so"), ("vst2/win/x64", WINDOWS, "sine-vst.dll")],
)
def test_vst2_plugin_lists_its_param_and_renders_in_a_vst2_host(built, request, path, platform, library):
    assert sorted(os.listdir(built[path])) == [library]
    rendered = render_in_host(request, platform, "vst2_host.cpp", built[path] / library, FREQ_1000_NORMALISED)
    assert params_listed(rendered) == [["freq"]]


@pytest.mark.parametrize(
    ("path", "platform", "module"),
    [("vst3/linux/x64", LINUX, "x86_64-linux/sine.so"), ("vst3/win/x64", WINDOWS, "x86_64-win/sine.vst3")],
)
def test_vst3_plugin_lists_its_param_and_renders_in_a_vst3_host(built, request, path, platform, module):
    assert sorted(os.listdir(built[path])) == ["sine.vst3"]
    module_path = built[path] / "sine.vst3" / "Contents" / module
    rendered = render_in_host(request, platform, "vst3_host.c", module_path, FREQ_1000_NORMALISED)
    assert ["plugin", "sine"] in rendered.printed
    assert params_listed(rendered) == [["freq"]]


@pytest.mark.parametrize(
    ("path", "platform", "library"),
    [("unity/linux/x64", LINUX, "Hv_sine_AudioLib.so"), ("unity/win/x64", WINDOWS, "Hv_sine_AudioLib.dll")],
)
def test_unity_library_renders_through_its_exported_api(built, request, path, platform, library):
    folder = built[path]
    assert sorted(os.listdir(folder)) == ["Hv_sine_AudioLib.cs", library]
    wrapper = (folder / "Hv_sine_AudioLib.cs").read_text()
    assert 'private const string _dllName = "Hv_sine_AudioLib";' in wrapper
    render_in_host(request, platform, "unity_host.c", folder / library, "sine", str(FREQ_HASH), "1000")


@pytest.mark.parametrize("path", WINDOWS_BUILDS)
def test_windows_plugins_export_their_entry_points_and_need_only_windows(built, path):
    tool = "x86_64-w64-mingw32-objdump"
    needs(tool)
    (dll,) = [p for p in built[path].rglob("*") if p.is_file() and p.suffix in {".dll", ".clap", ".vst3"}]
    dumped = subprocess.run([tool, "-p", str(dll)], capture_output=True, text=True, timeout=60, check=True)
    dump = dumped.stdout
    exports = dump.split("[Ordinal/Name Pointer] Table")[1]
    names = {line.split("]")[1].strip() for line in exports.splitlines() if "]" in line}
    assert WINDOWS_EXPORTS[path.split("/")[0]] <= names
    imported = {line.split(":")[1].strip() for line in dump.splitlines() if "DLL Name:" in line}
    assert imported <= WINDOWS_SYSTEM_DLLS
    assert f"file format {PE_FORMATS[path.rsplit('/', 1)[1]]}" in dump


def test_a_built_binary_is_listed_with_its_size(heavy, built):
    archive = call("GET", f"{heavy}/h/alice/sine/1/vst3/linux/x64/archive.zip").body
    assert zip_names(archive) == ["sine.vst3/Contents/x86_64-linux/sine.so"]
    files = call("GET", f"{heavy}/a/jobs/alice/sine/1").json()["included"]
    vst3 = next(f for f in files if f["data"]["buildId"] == "vst3-linux-x64")
    assert vst3["data"]["size"] == len(archive)


def test_jobs_list_the_binary_targets_before_they_are_built(heavy, sine_job):
    buildable = binaries.available()
    if not buildable:
        pytest.skip("this machine has no toolchain for binary targets")
    ids = {f["data"]["buildId"] for f in call("GET", f"{heavy}/a/jobs/alice/sine/1").json()["included"]}
    assert {path.replace("/", "-") for path in buildable} <= ids
