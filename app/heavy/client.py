"""The heavy client: the Web API of reference §3 as async methods that return models.

Requests carry the user's token as a bearer header. heavy answers "soft" refusals (patch not
found, not allowed) as HTTP 200 with an `errors` array and only hard ones (bad token) with their
status; both become the exceptions of errors.py here. A compile that fails is not an exception:
it is a Job whose `errors` name the object, file and position hvcc reported.
"""

from typing import Any
from urllib.parse import quote, urljoin

from app.api.client import ServiceClient, status_failure
from app.api.errors import ApiError, AuthRequired, BadRequest
from app.api.transport import Pairs, Response, Transport, UploadFile
from app.heavy.models import HeavyUser, Job, Patch, Release, UserToken
from app.heavy.token import HeavyToken
from app.patches.bundle import PatchBundle

BUILD_WAIT = 300.0
"""Seconds to wait for a compile or a target's first download, which the service builds while the
client waits: it stops hvcc after 60 s and clang after 180 s, and a build may queue behind another."""


def refusal(response: Response, body: Any) -> ApiError:
    """The exception for an answer that carries `errors` (or a failing status) and no data; the
    status the first error states decides its kind."""
    first = body["errors"][0] if isinstance(body, dict) and body.get("errors") else {}
    stated = str(first.get("status") or "")
    message = str(first.get("detail") or first.get("title") or "")
    status = int(stated) if stated.isdigit() else None
    return status_failure(response, message, status) or BadRequest(message, response.status)


def _segment(value: str) -> str:
    return quote(value, safe="")


class HeavyClient(ServiceClient):
    """`base_url` is where the service is mounted, absolute or relative to the page (e.g. "./heavy").
    Without a token only public documents can be read."""

    service = "heavy"

    def __init__(self, base_url: str, transport: Transport, token: HeavyToken | None = None) -> None:
        super().__init__(base_url, transport)
        self.token = token

    def headers(self) -> Pairs:
        """The token goes with every request, as a bearer."""
        accept = super().headers()
        return (*accept, ("Authorization", f"Bearer {self.token.value}")) if self.token else accept

    async def _document(self, method: str, path: str, **parts: Any) -> dict:
        """The JSON object answered, or the exception its `errors` (without `data`) call for."""
        response = await self.send(method, path, **parts)
        try:
            document = response.json()
        except ValueError:
            raise self.absent(
                f"The server answered HTTP {response.status} with something other than JSON."
            ) from None
        refused = not isinstance(document, dict) or (document.get("errors") and "data" not in document)
        if refused or not response.ok:
            raise refusal(response, document)
        return document

    async def ping(self) -> bool:
        try:
            return (await self.send("GET", "/a/pingdb")).ok
        except ApiError:
            return False

    async def releases(self) -> list[Release]:
        """The releases a compile may ask for (an object keyed by name, not JSON:API)."""
        document = await self._document("GET", "/a/releases/")
        return [Release.from_entry(name, entry) for name, entry in document.items()]

    async def user(self, name: str) -> HeavyUser:
        document = await self._document("GET", f"/a/users/{_segment(name)}/")
        return HeavyUser.from_resource(document["data"])

    async def patch(self, owner: str, name: str) -> Patch:
        document = await self._document("GET", f"/a/patches/{_segment(owner)}/{_segment(name)}/")
        return Patch.from_resource(document["data"])

    async def create_patch(self, name: str, *, public: bool = True, description: str = "") -> Patch:
        """A new, empty patch owned by the token's user (the uploader's form fields)."""
        owner = self.token.name if self.token else ""
        form = (
            ("owner_name", owner),
            ("name", name),
            ("public", "true" if public else "false"),
            ("description", description),
        )
        document = await self._document("POST", "/a/patches/", form=form)
        return Patch.from_resource(document["data"])

    async def update_patch(self, owner: str, name: str, *, public: bool, description: str) -> Patch:
        """A patch's settings after its creation, as the form fields it was created with."""
        form = (("public", "true" if public else "false"), ("description", description))
        path = f"/a/patches/{_segment(owner)}/{_segment(name)}/"
        document = await self._document("PATCH", path, form=form)
        return Patch.from_resource(document["data"])

    async def delete_patch(self, owner: str, name: str) -> None:
        await self._document("DELETE", f"/a/patches/{_segment(owner)}/{_segment(name)}/")

    async def jobs(self, owner: str, name: str) -> list[Job]:
        """Every version of a patch, newest first."""
        document = await self._document("GET", f"/a/patches/{_segment(owner)}/{_segment(name)}/jobs/")
        jobs = [Job.from_resource(resource) for resource in document["data"]]
        return sorted(jobs, key=lambda job: job.index, reverse=True)

    async def job(self, owner: str, name: str, version: int | str) -> Job:
        path = f"/a/jobs/{_segment(owner)}/{_segment(name)}/{_segment(str(version))}/"
        document = await self._document("GET", path)
        return Job.from_resource(document["data"], document)

    async def compile(self, owner: str, name: str, bundle: PatchBundle, release: str | None = None) -> Job:
        """Upload a new version and wait for its compile (synchronous, as heavy always was)."""
        form = (("release", release),) if release else ()
        upload = UploadFile("file", "archive.zip", bundle.archive, "application/zip")
        path = f"/a/patches/{_segment(owner)}/{_segment(name)}/jobs/"
        document = await self._document("POST", path, form=form, files=(upload,), timeout=BUILD_WAIT)
        return Job.from_resource(document["data"], document)

    async def download(self, url: str) -> bytes:
        """A target's archive.zip; `url` is a Target's link, absolute or relative to the service."""
        request = self.request("GET", urljoin(self.base_url + "/", url), timeout=BUILD_WAIT)
        response = await self.carry(request)
        if response.ok and response.content_type != "application/json":
            return response.body
        try:
            body = response.json()
        except ValueError:
            body = None
        raise refusal(response, body)

    async def tokens(self) -> list[UserToken]:
        document = await self._document("GET", f"/a/users/{_segment(self._me())}/tokens/")
        return [UserToken.from_resource(resource) for resource in document["data"]]

    async def create_token(self, label: str) -> UserToken:
        """A new token for the signed-in user; its `value` is shown once, in this reply only."""
        document = await self._document(
            "POST", f"/a/users/{_segment(self._me())}/tokens/", form=(("label", label),)
        )
        return UserToken.from_resource(document["data"])

    async def revoke_token(self, token_id: str) -> None:
        await self._document("DELETE", f"/a/users/{_segment(self._me())}/tokens/{_segment(token_id)}/")

    def _me(self) -> str:
        if self.token is None:
            raise AuthRequired("Sign in with a heavy token first.")
        return self.token.name
