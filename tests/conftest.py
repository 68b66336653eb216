"""Fixtures every suite shares: one live `build.py serve` per test session, on loopback."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from buildkit.serving import serving

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of `build.py serve` in test mode with a fresh data folder; `/openwhyd`, `/heavy` below it."""
    data = tmp_path_factory.mktemp("data")
    log = tmp_path_factory.getbasetemp() / "serve.log"
    with serving(data, "--test-mode", "--no-rate-limits", log=log) as base:
        yield base
