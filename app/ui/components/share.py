"""Sending a track or a playlist to people one follows (Openwhyd's `sendToUsers`). The form opens
under the Share button of the track's or playlist's page, listing whom one follows."""

from collections.abc import Mapping
from dataclasses import dataclass

from app.api.errors import ApiError
from app.ui.components.feedback import announce
from app.ui.core.app import App
from app.ui.core.form_feedback import tell
from app.ui.core.payloads import NoData, form_values, parse
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

REGION = "share-panel"
FORM = "share"
BUTTON = "share-button"
RECIPIENT = "to-"
"""Each person's checkbox is named `to-<user id>`, its value their name."""
FOLLOWING_SHOWN = 200


def chosen(data: Mapping[str, str]) -> dict[str, str]:
    """The checked people, id to name."""
    return {key.removeprefix(RECIPIENT): name for key, name in data.items() if key.startswith(RECIPIENT)}


def names_phrase(names: list[str]) -> str:
    """ "Ann", "Ann and Bo", "Ann, Bo and Cy"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class Subject:
    """What is being sent, as the Share button and the form's hidden fields carry it."""

    kind: str
    id: str
    title: str = ""


@dataclass(frozen=True)
class Sending:
    """The form: what is sent, and to whom (id to name)."""

    subject: Subject
    people: dict[str, str]

    @classmethod
    def from_data(cls, data: Mapping[str, str]) -> "Sending":
        return cls(parse(Subject, data), chosen(data))


async def open_form(app: App, subject: Subject) -> None:
    error = ""
    try:
        me = app.state.session.openwhyd_me()
        people = await app.state.services.openwhyd.following(me.id, limit=FOLLOWING_SHOWN)
    except ApiError as failure:
        people, error = [], f"Whom you follow could not be loaded: {failure.message}"
    app.page.set_html(REGION, render("share.html", subject=form_values(subject), people=people, error=error))
    app.page.focus("share-error" if error else "share-title")


async def send(app: App, form: Sending) -> None:
    """A refusal shows beside the form without drawing it again: the people checked stay checked.
    Once sent, the form gives way to a line saying what went to whom, also spoken."""
    subject, people = form.subject, form.people
    if not people:
        tell(app.page, FORM, "Choose at least one person to send it to.")
        return
    client = app.state.services.openwhyd
    try:
        if subject.kind == "track":
            await client.send_track(subject.id, list(people))
        else:
            await client.send_playlist(app.state.session.openwhyd_me().id, subject.id, list(people))
    except ApiError as error:
        tell(app.page, FORM, f"It was not sent: {error.message}")
        return
    said = f"Sent {subject.title or 'it'} to {names_phrase(list(people.values()))}."
    app.page.set_html(REGION, render("share_sent.html", said=said))
    app.page.focus(BUTTON)
    announce(app, said)


async def close(app: App, _: NoData) -> None:
    app.page.set_html(REGION, "")
    app.page.focus(BUTTON)


ACTIONS: Actions = {
    "open-share": Action(open_form, Subject),
    "send-share": Action(send, Sending, form=FORM),
    "close-share": Action(close),
}
