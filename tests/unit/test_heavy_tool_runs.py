"""A target's build tools, bounded: a failure or an overrun becomes a message for whoever downloads
the target, naming the tool and its errors, never the server's folders."""

from pathlib import Path

import pytest

from server.heavy import tool_runs
from server.heavy.machine_slots import MachineSlots
from server.heavy.tool_runs import BuildFailed
from server.heavy.workers import Workers


@pytest.fixture
def workers(tmp_path: Path) -> Workers:
    return Workers(1, MachineSlots(tmp_path / "slots", 1))


def run(workers: Workers, script: str, work: Path, timeout: float = 30) -> None:
    tool_runs.run(workers, ["sh", "-c", script], cwd=work, hidden=work, what="binary", timeout=timeout)


def test_a_failing_tool_is_named_with_its_error_lines_and_no_server_folder(workers, tmp_path):
    noise = "make: Entering directory; " * 3
    script = f"echo '{noise}' >&2; echo '{tmp_path}/out/Heavy_sine.cpp:3:1: error: expected ;' >&2; exit 2"
    with pytest.raises(BuildFailed) as failed:
        run(workers, script, tmp_path)
    assert str(failed.value) == "sh failed: out/Heavy_sine.cpp:3:1: error: expected ;"


def test_a_tool_past_its_time_is_stopped_and_says_so(workers, tmp_path):
    with pytest.raises(BuildFailed, match=r"^The binary build was stopped: sh ran past 0.5 s\.$"):
        run(workers, "sleep 30", tmp_path, timeout=0.5)
