"""A throwaway PostgreSQL server for the tests (and benchmarks): `initdb` in a temporary folder, a
free loopback port, its socket in that folder, stopped and removed at the end.

PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user the Debian
package makes, in a folder it owns. It trusts every local connection, and its data need not
survive a crash (no fsync), which makes it fast.
"""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from buildkit.serving import free_port

SUPERUSER = "tonearm"
CLUSTER_TEXT = ("--encoding=UTF8", "--locale=C.UTF-8")
"""Code point order, and Unicode letters: full text folds the case of every script's words."""
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "300",
}
"""Each server thread of a service holds a connection: room for a few servers at once."""


def binaries() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: `$POSTGRES_BIN`, else Debian's newest, else on PATH."""
    candidates = [os.environ.get("POSTGRES_BIN", "")]
    candidates += sorted(map(str, Path("/usr/lib/postgresql").glob("*/bin")), key=_version, reverse=True)
    candidates.append(str(Path(shutil.which("initdb") or "/nonexistent").parent))
    return next((Path(c) for c in candidates if c and (Path(c) / "initdb").is_file()), None)


def _version(bin_folder: str) -> int:
    version = Path(bin_folder).parent.name
    return int(version) if version.isdigit() else 0


@dataclass(frozen=True)
class Server:
    port: int
    pid: int
    """The postmaster's, parent of every backend: the benchmarks read the server's CPU time from it."""

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database `name` (letters, digits and `_`); its URL."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def postgres_server(bin_folder: Path) -> Iterator[Server]:
    folder = Path(tempfile.mkdtemp(prefix="tonearm-postgres-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, log, port = folder / "data", folder / "server.log", free_port()
    options = " ".join(f"-c {name}={value}" for name, value in SERVER_SETTINGS.items())

    def run(tool: str, *args: str) -> None:
        done = subprocess.run([*as_owner, str(bin_folder / tool), *args], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{tool} failed:\n{done.stdout}{done.stderr}")

    try:
        run("initdb", "-D", str(data), "-U", SUPERUSER, "--auth=trust", *CLUSTER_TEXT, "--no-sync")
        server_options = f"-p {port} -k {folder} {options}"
        run("pg_ctl", "start", "-w", "-D", str(data), "-l", str(log), "-o", server_options)
        try:
            yield Server(port, int((data / "postmaster.pid").read_text().split()[0]))
        finally:
            run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(data))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
