"""A forgotten password: Openwhyd emails a reset link; its answer shows beside the form."""

from app.api.errors import ApiError
from app.openwhyd import account_forms
from app.openwhyd.account_forms import FieldProblem
from app.ui.core.app import App
from app.ui.core.form_feedback import tell
from app.ui.core.payloads import form_values
from app.ui.core.router import Match
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.screens.openwhyd.account_fields import Email

ROUTE = "password-reset"
FORM = "forgot"
NO_ANSWER = "Openwhyd did not say whether it sent an email; try again in a moment."


async def show(match: Match, state: AppState) -> Screen:
    markup = render("password_reset.html", form=FORM)
    return Screen("Forgot password · Tonearm", markup, focus=f"{FORM}-email")


async def ask_reset(app: App, form: Email) -> None:
    try:
        answer = await app.state.services.openwhyd.forgot_password(account_forms.email(form_values(form)))
    except FieldProblem as problem:
        tell(app.page, FORM, problem.message, focus=f"{FORM}-{problem.field}")
        return
    except ApiError as error:
        if app.still_on(ROUTE):
            tell(app.page, FORM, error.message, focus=f"{FORM}-email")
        return
    if app.still_on(ROUTE):
        tell(app.page, FORM, answer or NO_ANSWER, ok=True)


ACTIONS: Actions = {"openwhyd-forgot-password": Action(ask_reset, Email, form=FORM)}
