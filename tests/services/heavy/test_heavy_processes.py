"""Two `serve` processes starting together on a fresh data folder or database (as a process manager
starts them) make heavy's world once: one signing key, one demo token that both accept, one job
per demo patch."""

import re
from collections.abc import Callable
from pathlib import Path

from heavy_http import call

from buildkit.serving import serving_together


def test_processes_starting_together_make_the_demo_world_once(
    tmp_path: Path, engine: str, new_database: Callable[[], str | None]
) -> None:
    database = new_database()
    options = ["--shared-database", "--compile-workers", "0", *(["--database", database] if database else [])]
    log = tmp_path / "serve.log"
    with serving_together(tmp_path / "data", 2, *options, log=log) as served:
        bases = [server.base for server in served]
        tokens = set(re.findall(r"heavy demo token: (\S+)", log.read_text()))
        assert len(tokens) == 1, "each process printed the one demo token"
        (token,) = tokens
        for base in bases:
            assert call("GET", f"{base}/a/users/demo/tokens/", token=token).status == 200
            for patch in ("demo/sine", "demo/arpeggio"):
                first = call("GET", f"{base}/a/jobs/{patch}/1/").json()
                assert first["data"]["attributes"]["status"] == "succeeded"
                second = call("GET", f"{base}/a/jobs/{patch}/2/").json()
                assert second == {"errors": [{"status": "404", "detail": f"Patch {patch} has no job 2."}]}
