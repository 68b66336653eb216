"""Runs hvcc on one patch in its own process and prints the outcome as one JSON object.

Usage: compile_worker.py SERVER_PID CPU_SECONDS MAIN_PD OUT_DIR PATCH_NAME [GENERATOR ...]
Run as a script, not imported: hvcc is GPLv3 and may misbehave on hostile patches, so it
stays out of the server process, under limits set here: memory, file size, CPU time, a lower
priority than the server's, and a life no longer than the server's (`SERVER_PID`, which started
it). Server folders are cut out of hvcc's messages, which go back to whoever uploaded the patch.
`compileTime` is a duration, measured on the OS's performance counter; the job's dates come from
the service.
"""

import ctypes
import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

MEMORY_LIMIT = 1024 * 1024 * 1024
FILE_SIZE_LIMIT = 256 * 1024 * 1024
NICENESS = 19
"""The lowest priority: the services' requests get the CPU before a compile, which still has an idle
machine to itself."""
PR_SET_PDEATHSIG = 1


def limit_resources(cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    os.nice(NICENESS)


def die_with(server: int) -> None:
    """Has the kernel kill this process when the server's thread that started it ends, the server
    killed outright included (Linux's prctl); where there is no prctl, the CPU limit bounds it."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    if os.getppid() != server:
        sys.exit("the server that started this compile is gone")


def scrub(text: str, folders: list[str]) -> str:
    for folder in folders:
        text = text.replace(folder, "")
    return text


def collect(results: dict, kind: str, folders: list[str]) -> list[dict]:
    found = []
    for stage, response in results.items():
        notifs = response.notifs
        found += [
            {"stage": stage, "enum": m.enum.value, "message": scrub(m.message, folders)}
            for m in getattr(notifs, kind)
        ]
        if kind == "errors" and notifs.has_error and not notifs.errors:
            found.append(
                {
                    "stage": stage,
                    "enum": 3000,
                    "message": scrub(str(notifs.exception or f"{stage} failed"), folders),
                }
            )
    return found


def main(argv: list[str]) -> int:
    server, cpu_seconds, main_pd, out_dir, name, *generators = argv
    die_with(int(server))
    limit_resources(int(cpu_seconds))
    from hvcc import compile_dataflow

    folders = [f"{Path(main_pd).parent}/", f"{out_dir}/"]
    tick = time.perf_counter()
    try:
        results = compile_dataflow(
            Path(main_pd), Path(out_dir), patch_name=name, generators=generators or ["c"]
        ).root
        outcome: dict[str, object] = {
            kind: collect(results, kind, folders) for kind in ("warnings", "errors")
        }
    except Exception as error:
        outcome = {
            "warnings": [],
            "errors": [
                {"stage": "hvcc", "enum": 3000, "message": scrub(f"{type(error).__name__}: {error}", folders)}
            ],
        }
    outcome["compileTime"] = time.perf_counter() - tick
    print(json.dumps(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
