"""`serve --workers N`: N server processes answering on one listening socket.

This process binds the socket, starts each server process as `build.py serve` with the same
arguments plus the socket's descriptor (`--listen-fd`), and waits for a signal: Ctrl-C or SIGTERM
stops them all (SIGTERM, then their own graceful shutdown); a process that stops by itself stops
the others, and `serve` ends with an error for the deployment's manager to see; killed outright, it
takes them with it (`stop_with`). It waits on a pipe the signals write to, never on a timed wait.
"""

import ctypes
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from types import FrameType

STOPPING = (signal.SIGINT, signal.SIGTERM)
PR_SET_PDEATHSIG = 1


def listening(host: str, port: int) -> socket.socket:
    sock = socket.create_server((host, port), family=_family(host), backlog=2048)
    sock.set_inheritable(True)
    return sock


def run_processes(script: Path, arguments: list[str], sock: socket.socket, count: int) -> int:
    """Runs `count` processes of `script arguments --listen-fd FD` until a signal stops them; the
    exit status of `serve`."""
    read, write = os.pipe()
    os.set_blocking(write, False)
    stops: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        stops.append(signum)

    previous = {signum: signal.signal(signum, stop) for signum in (*STOPPING, signal.SIGCHLD)}
    wakeup = signal.set_wakeup_fd(write)
    started = [*arguments, "--listen-fd", str(sock.fileno()), "--supervisor", str(os.getpid())]
    children = [
        subprocess.Popen([sys.executable, str(script), *started], pass_fds=[sock.fileno()])
        for _ in range(count)
    ]
    try:
        while not any(signum in STOPPING for signum in stops) and all(c.poll() is None for c in children):
            os.read(read, 512)
    finally:
        signal.set_wakeup_fd(wakeup)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        os.close(read)
        os.close(write)
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            child.wait()
    if any(signum in STOPPING for signum in stops):
        return 0
    ended = ", ".join(f"{child.pid} (exit status {child.returncode})" for child in children)
    print(f"a server process stopped by itself; all stopped: {ended}", file=sys.stderr)
    return 1


def stop_with(supervisor: int) -> None:
    """Has the kernel stop this server process (SIGTERM) when the process that started it ends,
    killed outright included (Linux's prctl): its processes never outlive `serve`."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
    if os.getppid() != supervisor:
        sys.exit("serve --workers, which started this process, is gone")


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET
