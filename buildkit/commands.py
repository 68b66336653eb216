"""What each `build.py` command does; runs inside `.venv` with the dependencies installed."""

import argparse
import subprocess
import sys

from buildkit.paths import ROOT
from buildkit.vendor import ensure_vendored


def vendor(args: argparse.Namespace) -> int:
    from buildkit.vendor import vendor as fetch

    fetch(relock_checksums=args.relock)
    return 0


def build(args: argparse.Namespace) -> int:
    from buildkit.dist import build_dist

    ensure_vendored()
    build_dist(args.out.resolve())
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from buildkit.tree_site import tree_site
    from server.services import service_banners
    from server.settings import Settings
    from server.site import dist_site
    from server.web import create_app

    ensure_vendored()
    args.data.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        data_dir=args.data.resolve(),
        seed=args.seed and args.seed.resolve(),
        test_mode=args.test_mode,
        rate_limits=args.rate_limits,
        openwhyd_upstream=args.openwhyd_upstream,
    )
    site = dist_site(args.dist.resolve()) if args.dist else tree_site(ROOT, settings.clock)
    app = create_app(settings, site)
    print(f"Tonearm on http://{args.host}:{args.port}/  (Ctrl-C stops it)")
    for line in service_banners(settings):
        print(f"  {line}")
    sys.stdout.flush()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def test(args: argparse.Namespace) -> int:
    ensure_vendored()
    return subprocess.call([sys.executable, "-m", "pytest", *args.passed_on], cwd=ROOT)


CHECKS = (
    ("ruff", "check", "."),
    ("ruff", "format", "--check", "."),
    ("mypy",),
)
"""What CI checks besides the tests; mypy reads its files and strictness from pyproject.toml."""


def check(args: argparse.Namespace) -> int:
    failed = [" ".join(tool) for tool in CHECKS if subprocess.call([sys.executable, "-m", *tool], cwd=ROOT)]
    for tool in failed:
        print(f"failed: {tool}", file=sys.stderr)
    return 1 if failed else 0


def heavy_token(args: argparse.Namespace) -> int:
    from server.heavy.cli import heavy_token_main

    return heavy_token_main(args.passed_on)


def bench(args: argparse.Namespace) -> int:
    from buildkit.bench import run_benchmark

    ensure_vendored()
    return run_benchmark(runs=args.runs)
