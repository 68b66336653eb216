"""What every route needs: the service, its links, who is asking and which patches they see."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from server.digits import natural
from server.heavy import auth
from server.heavy.documents import Links
from server.heavy.records import Patch, User
from server.heavy.responses import Refusal
from server.heavy.service import Service

NOT_ALLOWED = "User is not authorised to edit this patch."


def service(request: Request) -> Service:
    return request.app.state.service


def path_number(request: Request, name: str) -> int | None:
    """The number a path segment names (a job, a token): ASCII digits a database row can hold,
    else None, which every route answers as a 404."""
    return natural(request.path_params[name])


def links(request: Request) -> Links:
    return Links(request.scope.get("root_path", ""))


async def viewer(request: Request) -> User | None:
    svc = service(request)
    return await run_in_threadpool(auth.identify, request, svc.store, svc.key)


async def member(request: Request) -> User:
    svc = service(request)
    return await run_in_threadpool(auth.require, request, svc.store, svc.key)


async def visible_patch(request: Request, who: User | None) -> Patch:
    owner, name = request.path_params["owner"], request.path_params["patch"]
    patch = await run_in_threadpool(service(request).store.patch, owner, name)
    if patch is None or not patch.visible_to(who):
        raise Refusal(404, f'A patch called "{name}" does not exist for owner "{owner}".')
    return patch


async def editable_patch(request: Request, who: User) -> Patch:
    patch = await visible_patch(request, who)
    if patch.owner != who.name:
        raise Refusal(403, NOT_ALLOWED)
    return patch
