"""Signing in to Openwhyd; a refusal shows the server's own message beside the form."""

from dataclasses import dataclass

from app.api.errors import ApiError
from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState, Notice
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

FORM = "login"


async def show(match: Match, state: AppState) -> Screen:
    form = render("login.html", notice=state.take_notice(FORM), next=match.query.get("next", ""))
    return Screen("Sign in · Tonearm", form)


@dataclass(frozen=True)
class SignIn:
    login: str = ""
    password: str = ""
    next: str = ""
    """Where to go once signed in (a `#/…` location), else home."""


async def sign_in(app: App, form: SignIn) -> None:
    login, password = form.login.strip(), form.password
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
    app.go(form.next if form.next.startswith("#/") else href("home"))


ACTIONS: Actions = {"openwhyd-sign-in": Action(sign_in, SignIn, form=FORM)}
