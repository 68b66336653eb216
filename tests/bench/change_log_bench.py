"""What Openwhyd's change log (store/migrations 0002, 0005) costs a large write on PostgreSQL: the
entries one transaction logs, a seed or import writing posts by the thousand, timed at growing
sizes in one run. Per-entry cost should stay flat as the transaction grows; it grew with the square
of the entries before the log was trimmed once per 1000 (16,000 entries: 6.6 s, now 0.04 s).

    .venv/bin/python tests/bench/change_log_bench.py [--sizes 2000 4000 8000 16000 32000]

Not collected by pytest.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from buildkit.postgres import binaries, postgres_server  # noqa: E402
from server.clock import Clock  # noqa: E402
from server.database import Database, migrate  # noqa: E402
from server.database.urls import engine_for  # noqa: E402
from server.openwhyd.store import MIGRATIONS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000, 8000, 16000, 32000])
    args = parser.parse_args()
    bin_folder = binaries()
    if bin_folder is None:
        sys.exit("PostgreSQL is not installed (no initdb)")
    with postgres_server(bin_folder) as server:
        url = server.create_database("change_log")
        migrate(Database(engine_for(url, "openwhyd", 5.0)), MIGRATIONS, Clock().now())
        with psycopg.connect(url) as conn:
            conn.execute("SET search_path TO openwhyd")
            first = None
            for size in args.sizes:
                started = time.perf_counter()
                conn.execute(
                    "INSERT INTO track_changes (eid) SELECT 'x' FROM generate_series(1, %s)", (size,)
                )
                conn.commit()
                per_entry = (time.perf_counter() - started) / size * 1e6
                first = first or per_entry
                ratio = per_entry / first
                print(f"{size:>7} entries in one transaction: {per_entry:6.2f} µs each, ratio {ratio:4.2f}")


if __name__ == "__main__":
    main()
