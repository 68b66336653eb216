"""What one run of the server is configured with; every service reads the same object."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    seed: Path | None = None
    test_mode: bool = False
    rate_limits: bool = True
    openwhyd_upstream: str | None = None
