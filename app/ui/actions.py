"""Actions any screen can trigger: the frame's own controls."""

from app.ui.app import Action, App
from app.ui.router import href


async def skip_to_main(app: App, data: dict[str, str]) -> None:
    app.page.focus("main")


async def openwhyd_sign_out(app: App, data: dict[str, str]) -> None:
    await app.state.services.openwhyd.logout()
    app.state.session.openwhyd_user = None
    app.render_chrome()
    app.go(href("home"))


async def retry(app: App, data: dict[str, str]) -> None:
    await app.refresh()


APP_ACTIONS: dict[str, Action] = {
    "skip-to-main": skip_to_main,
    "retry": retry,
    "openwhyd-sign-out": openwhyd_sign_out,
}
