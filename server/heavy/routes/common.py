"""Which patches the one asking sees and may edit."""

from server.heavy.records import Patch, User
from server.heavy.responses import Refusal
from server.heavy.web import Call

NOT_ALLOWED = "User is not authorised to edit this patch."


def visible_patch(call: Call, who: User | None) -> Patch:
    owner, name = call.path["owner"], call.path["patch"]
    patch = call.service.store.patch(owner, name)
    if patch is None or not patch.visible_to(who):
        raise Refusal(404, f'A patch called "{name}" does not exist for owner "{owner}".')
    return patch


def editable_patch(call: Call, who: User) -> Patch:
    patch = visible_patch(call, who)
    if patch.owner != who.name:
        raise Refusal(403, NOT_ALLOWED)
    return patch
