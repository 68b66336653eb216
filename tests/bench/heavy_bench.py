"""The heavy service's compile path against the `hvcc` command, in one run on this machine.

    .venv/bin/python tests/bench/heavy_bench.py [--runs 5]

Prints: a compile job through the service (upload, unzip, hvcc in its worker, record) against
`hvcc … -g c` on the same patch, alternating, as a ratio of medians (target ≤ 1.2); the time to
build the `web/local` WebAssembly target on first download; and 8 jobs submitted at once (every
one must come back numbered, none lost). Not collected by pytest.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.api.transport import UploadFile, encode_multipart  # noqa: E402
from app.patches.bundle import build_bundle  # noqa: E402
from buildkit.serving import serving  # noqa: E402

PATCH = (ROOT / "server" / "heavy" / "demo" / "arpeggio" / "_main.pd").read_bytes()
USER = "bench"


def post(url: str, token: str | None = None, fields: tuple = (), files: tuple = ()) -> dict:
    content_type, body = encode_multipart(fields, files)
    headers = {"Content-Type": content_type, **({"Authorization": f"Bearer {token}"} if token else {})}
    with urllib.request.urlopen(urllib.request.Request(url, body, headers)) as reply:
        return json.load(reply)


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    hvcc = shutil.which("hvcc", path=str(Path(sys.executable).parent))
    archive = build_bundle({"_main.pd": PATCH}).archive
    upload = (UploadFile("file", "archive.zip", archive, "application/zip"),)
    with (
        tempfile.TemporaryDirectory() as tmp,
        serving(Path(tmp) / "data", "--test-mode", "--no-rate-limits") as base,
    ):
        heavy = f"{base}/heavy"
        token = post(f"{heavy}/test/tokens", fields=(("name", USER),))["data"]["attributes"]["token"]
        post(f"{heavy}/a/patches/", token, (("owner_name", USER), ("name", "bench"), ("public", "true")))
        patch_dir = Path(tmp) / "patch"
        patch_dir.mkdir()
        (patch_dir / "_main.pd").write_bytes(PATCH)

        def job(_: int) -> int:
            reply = post(f"{heavy}/a/patches/{USER}/bench/jobs/", token, files=upload)
            return reply["data"]["attributes"]["index"]

        service, command = [], []
        for run in range(args.runs):
            service.append(timed(lambda run=run: job(run)))
            out = Path(tmp) / f"out{run}"
            command.append(
                timed(
                    lambda out=out: subprocess.run(
                        [hvcc, str(patch_dir / "_main.pd"), "-o", str(out), "-n", "bench", "-g", "c"],
                        check=True,
                        capture_output=True,
                    )
                )
            )
        ratio = statistics.median(service) / statistics.median(command)
        print(
            f"compile job through the service: {statistics.median(service) * 1000:.0f} ms, "
            f"hvcc command: {statistics.median(command) * 1000:.0f} ms, "
            f"ratio {ratio:.2f} (target ≤ 1.2)"
        )

        web = f"{heavy}/h/{USER}/bench/latest/web/local/archive.zip"
        request = urllib.request.Request(web, headers={"Authorization": f"Bearer {token}"})
        first = timed(lambda: urllib.request.urlopen(request).read())
        cached = timed(lambda: urllib.request.urlopen(request).read())
        print(f"web/local build on first download: {first * 1000:.0f} ms, then {cached * 1000:.0f} ms")

        started = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            numbers = sorted(pool.map(job, range(8)))
        elapsed = time.perf_counter() - started
        expected = list(range(args.runs + 1, args.runs + 9))
        print(
            f"8 concurrent jobs: {elapsed:.1f} s, {8 / elapsed:.1f} jobs/s, "
            f"numbers {'all there' if numbers == expected else f'WRONG: {numbers}'}"
        )


if __name__ == "__main__":
    main()
