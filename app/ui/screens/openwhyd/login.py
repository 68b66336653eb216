"""Signing in to Openwhyd; a refusal shows the server's own message beside the form."""

from app.api.errors import ApiError
from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState, Notice
from app.ui.core.tasks import Action
from app.ui.core.templates import render

FORM = "login"


async def show(match: Match, state: AppState) -> Screen:
    form = render("login.html", notice=state.take_notice(FORM), next=match.query.get("next", ""))
    return Screen("Sign in · Tonearm", form)


async def sign_in(app: App, data: dict[str, str]) -> None:
    login, password = data.get("login", "").strip(), data.get("password", "")
    try:
        if not login or not password:
            raise ApiError("Enter your email or handle and your password.")
        user = await app.state.services.openwhyd.login(login, password)
    except ApiError as error:
        app.state.notices[FORM] = Notice(error.message, {"login": login})
        await app.refresh()
        app.page.focus("login-password" if login else "login-name")
        return
    app.state.session.openwhyd_user = user
    app.render_chrome()
    next_location = data.get("next", "")
    app.go(next_location if next_location.startswith("#/") else href("home"))


ACTIONS: dict[str, Action] = {"openwhyd-sign-in": sign_in}
