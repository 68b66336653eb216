"""Where the service reaches Last.fm and with which application: read by `serve` from its options
and, for the key and secret, from the environment variables the real server reads (never from an
option, which any user of the machine could read in the process list)."""

from collections.abc import Mapping
from dataclasses import dataclass, field

LASTFM_API = "https://ws.audioscrobbler.com/2.0/"
LASTFM_AUTH = "https://www.last.fm/api/auth/"
KEY_VARIABLE, SECRET_VARIABLE = "LAST_FM_API_KEY", "LAST_FM_API_SECRET"


@dataclass(frozen=True)
class LastFmSettings:
    api: str = LASTFM_API
    auth_page: str = LASTFM_AUTH
    """Where a user connects an account; Last.fm sends them back to `cb` with a token."""
    key: str = ""
    secret: str = field(default="", repr=False)
    """Signs every call; kept out of `repr`, so out of any log that prints the settings."""
    timeout: float = 10.0
    """Seconds a call to Last.fm may take before the service answers without it."""

    @property
    def configured(self) -> bool:
        return bool(self.key and self.secret)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str], api: str, auth_page: str) -> "LastFmSettings":
        return cls(api, auth_page, environ.get(KEY_VARIABLE, ""), environ.get(SECRET_VARIABLE, ""))
