"""A user's profile, and the user's own labelled tokens: list, create, revoke."""

from starlette.responses import JSONResponse

from server.heavy import accounts, documents
from server.heavy.records import User
from server.heavy.responses import Refusal, reply
from server.heavy.web import Call

DEFAULT_LABEL = "heavy"


def profile(call: Call) -> JSONResponse:
    who = call.viewer
    store = call.service.store
    person = store.user(call.path["user"])
    if person is None:
        raise Refusal(404, f'There is no user called "{call.path["user"]}".')
    shown = [p for p in store.patches_of(person) if p.visible_to(who)]
    return reply(documents.user(call.links, person, shown))


def token_list(call: Call) -> JSONResponse:
    return reply(documents.tokens(call.service.store.tokens(_owner_of_tokens(call))))


def token_create(call: Call) -> JSONResponse:
    me = _owner_of_tokens(call)
    label = call.form.text("label") or DEFAULT_LABEL
    token, value = accounts.issue_token(call.service.store, call.service.key, me, label)
    return reply({"data": documents.token_resource(token, value)})


def token_revoke(call: Call) -> JSONResponse:
    me = _owner_of_tokens(call)
    token_id = call.number("token_id")
    if token_id is None or not call.service.store.revoke_token(me, token_id):
        raise Refusal(404, f"There is no active token {call.path['token_id']}.")
    return reply({"meta": {"revoked": str(token_id)}})


def _owner_of_tokens(call: Call) -> User:
    me = call.member
    if me.name != call.path["user"]:
        raise Refusal(403, "Only the user may manage their own tokens.")
    return me
