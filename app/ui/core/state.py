"""What the UI knows between screens: configuration, service clients, who is signed in."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.api.errors import AuthRequired
from app.clock import Clock
from app.config import AppConfig
from app.heavy.client import HeavyClient
from app.heavy.token import HeavyToken
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import User
from app.openwhyd.notifications import Inbox
from app.openwhyd.track_titles import TrackTitles
from app.player.controller import Player
from app.ui.components.paged_list import LongList
from app.ui.core.payloads import named
from app.ui.core.viewer import Reactions, Viewer

if TYPE_CHECKING:  # the patch tools and the import load with their first screen, not at boot
    from app.openwhyd.import_post import ImportRun
    from app.patches.upload import Upload


@dataclass
class Services:
    """The clients views call: over `fetch` in the browser, over fakes or CPython in tests."""

    openwhyd: OpenwhydClient
    heavy: HeavyClient
    titles: TrackTitles = field(default_factory=TrackTitles)
    """Where a track added by its link finds its title: from links only unless given a transport."""


@dataclass
class Session:
    openwhyd_user: User | None = None
    heavy_token: HeavyToken | None = None

    def openwhyd_me(self) -> User:
        """Whom an action of a signed-in screen acts for. AuthRequired, shown where the action's
        errors go, when the visitor was signed out since the screen was drawn."""
        if self.openwhyd_user is None:
            raise AuthRequired("Sign in to Openwhyd first: you were signed out.")
        return self.openwhyd_user


@dataclass(frozen=True)
class Row:
    """A row of a list on screen, as its buttons name it: the list's key and the row's place."""

    list_key: str = named("list")
    index: int = named("index")


@dataclass(frozen=True)
class Notice:
    """What a form shows after an action failed: the message and what the user had typed."""

    message: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class AppState:
    """Made once, by the composition root, with all it holds (tests make their own)."""

    config: AppConfig
    services: Services
    player: Player
    clock: Clock
    session: Session = field(default_factory=Session)
    runtime: dict[str, str] = field(default_factory=dict)
    notices: dict[str, Notice] = field(default_factory=dict)
    queue_open: bool = False
    """Whether the player bar's queue panel is shown."""
    image_versions: dict[str, int] = field(default_factory=dict)
    """How many times this visit changed a picture (by `<uid>_<n>` for playlists): its URL carries
    the count, so the browser shows the new picture, not the one it cached."""
    lists: dict[str, tuple] = field(default_factory=dict)
    """The lists on screen by name, for `play-list` to find the items a click plays."""
    long_lists: dict[str, LongList] = field(default_factory=dict)
    """The lists on screen that load page by page and show only the rows near the screen."""
    inbox: Inbox = field(default_factory=Inbox)
    """The signed-in user's notifications, as the header last fetched them."""
    playing_list: LongList | None = None
    """The long list the queue was made from, on screen or not any more: its next pages are
    fetched as playback nears the end of those loaded (`fetch_ahead`)."""
    uploads: dict[str, "Upload"] = field(default_factory=dict)
    """Files picked for a heavy patch's next version, checked and zipped, by patch id."""
    importing: "ImportRun | None" = None
    """The playlist import in hand, from its preview until another replaces it."""
    reactions: Reactions = field(default_factory=Reactions)

    def viewer(self) -> Viewer:
        """Who looks at the tracks drawn now, and what they did to them this visit."""
        me = self.session.openwhyd_user
        now = datetime.fromtimestamp(self.clock(), UTC)
        return Viewer(me.id if me else None, now, self.reactions, not self.config.openwhyd_public_only)

    def listed(self, row: Row) -> tuple[tuple, int] | None:
        """The list on screen a row's button names and the row's place in it; None when the list
        is gone or shorter."""
        items = self.lists.get(row.list_key, ())
        return (items, row.index) if 0 <= row.index < len(items) else None

    def take_notice(self, form: str) -> Notice | None:
        """The notice for `form`, shown once."""
        return self.notices.pop(form, None)
