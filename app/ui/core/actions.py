"""Actions any screen can trigger: the frame's own controls."""

from dataclasses import dataclass

from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.router import href
from app.ui.core.tasks import Action, Actions


async def skip_to_main(app: App, _: NoData) -> None:
    app.page.focus("main")


async def openwhyd_sign_out(app: App, _: NoData) -> None:
    await app.state.services.openwhyd.logout()
    app.state.session.openwhyd_user = None
    app.render_chrome()
    if app.current.name == "home":
        await app.refresh()  # the home screen shows the stream only to the signed in
    else:
        app.go(href("home"))


async def retry(app: App, _: NoData) -> None:
    await app.refresh()


@dataclass(frozen=True)
class Search:
    q: str = ""


async def search(app: App, form: Search) -> None:
    """The header's search box, on every screen."""
    query = form.q.strip()
    app.go(href("search", {"q": query} if query else None))


APP_ACTIONS: Actions = {
    "skip-to-main": Action(skip_to_main),
    "retry": Action(retry),
    "search": Action(search, Search),
    "openwhyd-sign-out": Action(openwhyd_sign_out),
}
