"""What one run of the server is configured with; every service reads the same object."""

from dataclasses import dataclass, field
from pathlib import Path

from server.clock import Clock


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    seed: Path | None = None
    test_mode: bool = False
    rate_limits: bool = True
    openwhyd_upstream: str | None = None
    clock: Clock = field(default_factory=Clock)
    """Shared by both services, so moving it in test mode moves the time of the whole run."""
