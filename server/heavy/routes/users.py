"""A user's profile, and the user's own labelled tokens: list, create, revoke."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from server.heavy import accounts, documents, uploads
from server.heavy.records import User
from server.heavy.responses import Refusal, reply
from server.heavy.routes.common import links, member, path_number, service, viewer

DEFAULT_LABEL = "heavy"


async def profile(request: Request) -> JSONResponse:
    who = await viewer(request)
    store = service(request).store
    person = await run_in_threadpool(store.user, request.path_params["user"])
    if person is None:
        raise Refusal(404, f'There is no user called "{request.path_params["user"]}".')
    patches = await run_in_threadpool(store.patches_of, person)
    shown = [p for p in patches if p.visible_to(who)]
    return reply(documents.user(links(request), person, shown))


async def token_list(request: Request) -> JSONResponse:
    me = await _owner_of_tokens(request)
    return reply(documents.tokens(await run_in_threadpool(service(request).store.tokens, me)))


async def token_create(request: Request) -> JSONResponse:
    me = await _owner_of_tokens(request)
    label = uploads.text(await uploads.read_form(request), "label") or DEFAULT_LABEL
    svc = service(request)
    token, value = await run_in_threadpool(accounts.issue_token, svc.store, svc.key, me, label)
    return reply({"data": documents.token_resource(token, value)})


async def token_revoke(request: Request) -> JSONResponse:
    me = await _owner_of_tokens(request)
    token_id = path_number(request, "token_id")
    if token_id is None or not await run_in_threadpool(service(request).store.revoke_token, me, token_id):
        raise Refusal(404, f"There is no active token {request.path_params['token_id']}.")
    return reply({"meta": {"revoked": str(token_id)}})


async def _owner_of_tokens(request: Request) -> User:
    me = await member(request)
    if me.name != request.path_params["user"]:
        raise Refusal(403, "Only the user may manage their own tokens.")
    return me
