"""Creating an Openwhyd account: name, email and password; the new account is signed in at once."""

from app.api.errors import ApiError
from app.openwhyd import account_forms
from app.openwhyd.account_forms import FieldProblem
from app.ui.components.feedback import announce
from app.ui.core.app import App
from app.ui.core.form_feedback import tell
from app.ui.core.payloads import form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.screens.openwhyd.account_fields import SignUp

ROUTE = "signup"
FORM = "signup"
FIELD_WORDS = (("email", "email"), ("password", "password"), ("name", "name"))
"""Which field a message of the service is about, by the words it uses."""


async def show(match: Match, state: AppState) -> Screen:
    me = state.session.openwhyd_user
    markup = render("signup.html", me=me, form=FORM)
    return Screen("Create an account · Tonearm", markup, focus="main" if me else f"{FORM}-name")


async def sign_up(app: App, form: SignUp) -> None:
    try:
        name, email, password = account_forms.signup(form_values(form))
        user = await app.state.services.openwhyd.register(name, email, password)
    except FieldProblem as problem:
        tell(app.page, FORM, problem.message, focus=f"{FORM}-{problem.field}")
        return
    except ApiError as error:
        if app.still_on(ROUTE):
            field = account_forms.field_about(error.message, FIELD_WORDS, "email")
            tell(app.page, FORM, error.message, focus=f"{FORM}-{field}")
        return
    app.state.session.openwhyd_user = user
    app.render_chrome()
    app.go(href("home"))
    announce(app, f"Welcome, {user.name}: your account is ready and you are signed in.")


ACTIONS: Actions = {"openwhyd-sign-up": Action(sign_up, SignUp, form=FORM)}
