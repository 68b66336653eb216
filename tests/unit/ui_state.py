"""How the UI tests make the state: real clients with no transport unless a test brings its own
services, a player with a fake adapter and timers (`player_harness`), and a clock that stands still."""

from datetime import UTC, datetime

from player_harness import Harness

from app.clock import Clock
from app.config import AppConfig
from app.heavy.client import HeavyClient
from app.openwhyd.client import OpenwhydClient
from app.player.controller import Player
from app.ui.core.state import AppState, Services

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC).timestamp()


def no_services() -> Services:
    """Clients that send nothing: for screens and actions that make no request."""
    return Services(OpenwhydClient("./openwhyd", None), HeavyClient("./heavy", None))


def app_state(
    config: AppConfig | None = None,
    services: Services | None = None,
    player: Player | None = None,
    clock: Clock = lambda: NOW,
) -> AppState:
    return AppState(config or AppConfig(), services or no_services(), player or Harness().player, clock)
