"""Creating an Openwhyd account: name, email and password; the new account is signed in at once."""

from app.api.errors import ApiError
from app.openwhyd import account_forms
from app.openwhyd.account_forms import FieldProblem
from app.ui.components.account_feedback import still_on, tell
from app.ui.components.feedback import announce
from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action
from app.ui.core.templates import render

ROUTE = "signup"
FORM = "signup"
FIELD_WORDS = (("email", "email"), ("password", "password"), ("name", "name"))
"""Which field a message of the service is about, by the words it uses."""


async def show(match: Match, state: AppState) -> Screen:
    me = state.session.openwhyd_user
    markup = render("signup.html", me=me, form=FORM)
    return Screen("Create an account · Tonearm", markup, focus="main" if me else f"{FORM}-name")


async def sign_up(app: App, data: dict[str, str]) -> None:
    try:
        name, email, password = account_forms.signup(data)
        user = await app.state.services.openwhyd.register(name, email, password)
    except FieldProblem as problem:
        tell(app, FORM, problem.message, focus=f"{FORM}-{problem.field}")
        return
    except ApiError as error:
        if still_on(app, ROUTE):
            field = account_forms.field_about(error.message, FIELD_WORDS, "email")
            tell(app, FORM, error.message, focus=f"{FORM}-{field}")
        return
    app.state.session.openwhyd_user = user
    app.render_chrome()
    app.go(href("home"))
    announce(app, f"Welcome, {user.name}: your account is ready and you are signed in.")


ACTIONS: dict[str, Action] = {"openwhyd-sign-up": sign_up}
