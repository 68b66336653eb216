"""A forgotten password: Openwhyd emails a reset link; its answer shows beside the form."""

from app.api.errors import ApiError
from app.openwhyd import account_forms
from app.openwhyd.account_forms import FieldProblem
from app.ui.components.account_feedback import still_on, tell
from app.ui.core.app import App
from app.ui.core.router import Match
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action
from app.ui.core.templates import render

ROUTE = "password-reset"
FORM = "forgot"
NO_ANSWER = "Openwhyd did not say whether it sent an email; try again in a moment."


async def show(match: Match, state: AppState) -> Screen:
    markup = render("password_reset.html", form=FORM)
    return Screen("Forgot password · Tonearm", markup, focus=f"{FORM}-email")


async def ask_reset(app: App, data: dict[str, str]) -> None:
    try:
        answer = await app.state.services.openwhyd.forgot_password(account_forms.email(data))
    except FieldProblem as problem:
        tell(app, FORM, problem.message, focus=f"{FORM}-{problem.field}")
        return
    except ApiError as error:
        if still_on(app, ROUTE):
            tell(app, FORM, error.message, focus=f"{FORM}-email")
        return
    if still_on(app, ROUTE):
        tell(app, FORM, answer or NO_ANSWER, ok=True)


ACTIONS: dict[str, Action] = {"openwhyd-forgot-password": ask_reset}
