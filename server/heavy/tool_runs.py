"""Build tools (compilers, make, the LV2 TTL generator) run for a target: in a worker slot, past
which they are stopped, at the lowest priority, with a cap on every file they write; what they
complain about becomes the message whoever downloads the target reads, the server's folders cut out.
"""

from pathlib import Path

from server.heavy.workers import TimedOut, Workers

FILE_SIZE_LIMIT = 256 * 1024 * 1024
BOUNDS = ["nice", "-n", "19", "prlimit", f"--fsize={FILE_SIZE_LIMIT}", "--"]
COMPLAINT_LIMIT = 2000
"""Characters of a tool's complaint kept in the message: its errors, not pages of make's chatter."""


class BuildFailed(RuntimeError):
    """A tool refused the generated code or ran too long; the message says which and why."""


def run(workers: Workers, argv: list[str], *, cwd: Path, hidden: Path, what: str, timeout: float) -> None:
    """Runs `argv` for the `what` build; `hidden` is the scratch folder cut out of its complaints."""
    tool = Path(argv[0]).name
    try:
        done = workers.run([*BOUNDS, *argv], cwd=cwd, timeout=timeout)
    except TimedOut as error:
        raise BuildFailed(f"The {what} build was stopped: {tool} ran past {timeout:g} s.") from error
    if done.returncode != 0:
        raise BuildFailed(f"{tool} failed: {complaint(done.stderr or done.stdout, hidden)}")


def complaint(output: str, hidden: Path) -> str:
    """The tool's error lines (all of its output when none says error), without `hidden`'s path."""
    lines = output.replace(f"{hidden}/", "").strip().splitlines()
    errors = [line for line in lines if "error" in line.lower()]
    return "\n".join(errors or lines)[-COMPLAINT_LIMIT:]
