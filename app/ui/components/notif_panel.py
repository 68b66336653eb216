"""The header's notifications: a badge with how many there are, counted as Openwhyd's own header
counts them (Σ `n || 1`), and a panel listing them, where one opens what it is about or is deleted,
or all are. The list is fetched again after each navigation and every 20 seconds, as Openwhyd's web
client does, through the timer port; the header is drawn again only when the list changed, so a
refresh never takes the focus away."""

from dataclasses import dataclass

from app.api.errors import ApiError
from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.tasks import Action, Actions, spawn
from app.ui.core.templates import render

REFRESH_SECONDS = 20.0
PANEL = "notif-panel"
BUTTON = "notif-button"


def signed_in(app: App) -> bool:
    return app.state.session.openwhyd_user is not None and not app.state.config.openwhyd_public_only


async def refresh(app: App) -> None:
    """Fetch the list again; a failed fetch keeps the one shown."""
    inbox = app.state.inbox
    before = inbox.items
    if not signed_in(app):
        inbox.items, inbox.open = (), False
    else:
        try:
            inbox.items = tuple(await app.state.services.openwhyd.notifications())
        except ApiError:
            return
    if inbox.items != before:
        app.page.set_html("accounts", render("accounts.html", **app.accounts()))
        draw_panel(app)


async def navigated(app: App) -> None:
    """After a move to another screen: the panel closed, the list fetched again."""
    if app.state.inbox.open:
        _show_open(app, False)
    await refresh(app)


def draw_panel(app: App) -> None:
    inbox, client = app.state.inbox, app.state.services.openwhyd
    if not inbox.open:
        app.page.set_html(PANEL, "")
        return
    pictures = [client.resource_url(item.picture) for item in inbox.items]
    app.page.set_html(PANEL, render("notif_panel.html", items=inbox.items, pictures=pictures))


def keep_refreshing(app: App) -> None:
    """Every `REFRESH_SECONDS`, for as long as the page is open."""

    def tick() -> None:
        spawn(refresh(app))
        keep_refreshing(app)

    app.ports.timers.set_timer(REFRESH_SECONDS, tick)


def _show_open(app: App, is_open: bool) -> None:
    app.state.inbox.open = is_open
    app.page.set_html("accounts", render("accounts.html", **app.accounts()))
    draw_panel(app)


async def toggle(app: App, _: NoData) -> None:
    opening = not app.state.inbox.open
    _show_open(app, opening)
    app.page.focus("notif-title" if opening else BUTTON)
    if opening:
        await refresh(app)


@dataclass(frozen=True)
class Picked:
    id: str
    target: str = ""


async def open_one(app: App, picked: Picked) -> None:
    _show_open(app, False)
    if picked.target:
        app.go(picked.target)


async def delete_one(app: App, picked: Picked) -> None:
    await app.state.services.openwhyd.delete_notification(picked.id)
    await refresh(app)
    app.page.focus("notif-title")


async def delete_all(app: App, _: NoData) -> None:
    await app.state.services.openwhyd.delete_all_notifications()
    await refresh(app)
    app.page.focus("notif-title")


ACTIONS: Actions = {
    "toggle-notifs": Action(toggle),
    "open-notif": Action(open_one, Picked),
    "delete-notif": Action(delete_one, Picked),
    "delete-all-notifs": Action(delete_all),
}
