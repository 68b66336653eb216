"""Actions any screen can trigger: the frame's own controls."""

from app.ui.core.app import App
from app.ui.core.router import href
from app.ui.core.tasks import Action


async def skip_to_main(app: App, data: dict[str, str]) -> None:
    app.page.focus("main")


async def openwhyd_sign_out(app: App, data: dict[str, str]) -> None:
    await app.state.services.openwhyd.logout()
    app.state.session.openwhyd_user = None
    app.render_chrome()
    if app.current.name == "home":
        await app.refresh()  # the home screen shows the stream only to the signed in
    else:
        app.go(href("home"))


async def retry(app: App, data: dict[str, str]) -> None:
    await app.refresh()


async def search(app: App, data: dict[str, str]) -> None:
    """The header's search box, on every screen."""
    query = data.get("q", "").strip()
    app.go(href("search", {"q": query} if query else None))


APP_ACTIONS: dict[str, Action] = {
    "skip-to-main": skip_to_main,
    "retry": retry,
    "search": search,
    "openwhyd-sign-out": openwhyd_sign_out,
}
