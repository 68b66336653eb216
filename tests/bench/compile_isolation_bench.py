"""Openwhyd's signed-in reads while heavy compiles: compiles must not hold what Openwhyd needs.

    .venv/bin/python tests/bench/compile_isolation_bench.py [--rounds 3 --requests 200 --compiles 45]

One client signed in to Openwhyd reads `/openwhyd/api/user`, `--requests` times: with nothing
else running, while `--compiles` connections (another process) submit compile jobs to heavy over
and over, and, for reference, while busy loops at the compile worker's priority take the CPU the
compiles would (one per compile slot); `--rounds` times, alternating, so drift hits all alike.
Prints the p50/p99 each way, the p99 ratio of compiles to idle (target ≤ 2) and to the busy loops
(what the CPU alone costs on this machine), and how the compiles were answered (a busy refusal is
a 503). Not collected by pytest.
"""

import argparse
import asyncio
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from http_load import percentile, probe, repeated, report, request  # noqa: E402

from app.api.transport import UploadFile, encode_multipart  # noqa: E402
from app.patches.bundle import build_bundle  # noqa: E402
from buildkit.serving import serving  # noqa: E402
from server.heavy.compile_worker import NICENESS  # noqa: E402

TARGET = 2.0
PATCH = (ROOT / "server" / "heavy" / "demo" / "arpeggio" / "_main.pd").read_bytes()
USER = "bench"
WARM_UP = 2.0


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[dict, str]:
    """The JSON reply and the session cookie it set, if any."""
    with urllib.request.urlopen(urllib.request.Request(url, body, headers)) as reply:
        return json.load(reply), reply.headers.get("Set-Cookie", "").split(";")[0]


def openwhyd_session(base: str) -> str:
    """The `whydSid` cookie of the demo admin, signed in as the app does."""
    form = {"action": "login", "ajax": 1, "email": "admin", "md5": hashlib.md5(b"admin").hexdigest()}
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    reply, cookie = post(f"{base}/openwhyd/login", urlencode(form).encode(), headers)
    assert "redirect" in reply and cookie.startswith("whydSid="), reply
    mine = urllib.request.Request(f"{base}/openwhyd/api/user", headers={"Cookie": cookie})
    with urllib.request.urlopen(mine) as me:
        assert json.load(me).get("handle") == "admin", "the probe reads its own account"
    return cookie


def multipart(fields: tuple = (), files: tuple = (), headers: dict[str, str] | None = None) -> tuple:
    """A multipart body and the headers that send it."""
    content_type, body = encode_multipart(fields, files)
    return body, {"Content-Type": content_type, **(headers or {})}


def compile_request(base: str) -> bytes:
    """A compile job for a new patch of a new heavy user, as the app's studio sends it."""
    heavy = f"{base}/heavy"
    token = post(f"{heavy}/test/tokens", *multipart((("name", USER),)))[0]["data"]["attributes"]["token"]
    auth = {"Authorization": f"Bearer {token}"}
    fields = (("owner_name", USER), ("name", "bench"), ("public", "true"))
    post(f"{heavy}/a/patches/", *multipart(fields, headers=auth))
    upload = UploadFile("file", "archive.zip", build_bundle({"_main.pd": PATCH}).archive, "application/zip")
    body, headers = multipart(files=(upload,), headers=auth)
    return request("POST", f"/heavy/a/patches/{USER}/bench/jobs/", headers, body)


@contextmanager
def cpu_only() -> Iterator[None]:
    """What the compiles cost the machine without the service: a busy loop per compile slot, at the
    compile worker's priority."""
    spin = f"import os\nos.nice({NICENESS})\nwhile True: pass"
    spinners = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(os.cpu_count() or 1)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200, help="per round and way")
    parser.add_argument("--compiles", type=int, default=45, help="compile jobs in flight at once")
    args = parser.parse_args()
    idle: list[float] = []
    loaded: list[float] = []
    reference: list[float] = []
    answered: Counter[int] = Counter()
    with (
        tempfile.TemporaryDirectory() as tmp,
        serving(Path(tmp), "--test-mode", "--no-rate-limits") as base,
    ):
        port = int(base.rsplit(":", 1)[1])
        probed = {"api/user": request("GET", "/openwhyd/api/user", {"Cookie": openwhyd_session(base)})}
        job = compile_request(base)
        asyncio.run(probe(port, probed, 20))
        compiling = 0.0
        for _ in range(args.rounds):
            idle += asyncio.run(probe(port, probed, args.requests))["api/user"]
            started = time.perf_counter()
            with repeated(port, job, args.compiles) as statuses:
                time.sleep(WARM_UP)
                loaded += asyncio.run(probe(port, probed, args.requests))["api/user"]
            compiling += time.perf_counter() - started
            answered += statuses
            with cpu_only():
                time.sleep(WARM_UP)
                reference += asyncio.run(probe(port, probed, args.requests))["api/user"]
    print(
        f"{args.compiles} compiles in flight: {answered[200] / compiling:.1f} jobs/s done, "
        f"answers {dict(sorted(answered.items()))}"
    )
    report("Openwhyd GET /api/user signed in", idle, loaded, TARGET)
    print(
        f"  against busy loops in place of the compiles (p99 {percentile(reference, 0.99):.1f} ms): "
        f"{percentile(loaded, 0.99) / percentile(reference, 0.99):.2f}"
    )


if __name__ == "__main__":
    main()
