"""What the service clients share: where the service is, the headers every request carries, sending
through the transport, and the failures an HTTP status names. Each client adds its routes and the
way its service words a refusal (app/openwhyd/replies.py, app/heavy/client.py)."""

from typing import Any

from app.api.errors import ApiError, AuthRequired, Forbidden, NotFound, RateLimited, ServerError
from app.api.transport import Pairs, Request, Response, Transport, UploadFile

ACCEPT_JSON: Pairs = (("Accept", "application/json"),)

_KINDS_BY_STATUS: dict[int, type[ApiError]] = {401: AuthRequired, 403: Forbidden, 404: NotFound}


class ServiceClient:
    """`base_url` is where the service is mounted, absolute or relative to the page (e.g. "./heavy")."""

    def __init__(self, base_url: str, transport: Transport) -> None:
        self.base_url = base_url.rstrip("/")
        self.transport = transport

    def headers(self) -> Pairs:
        """What every request carries; a client whose service wants credentials adds them."""
        return ACCEPT_JSON

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Pairs = (),
        json: Any = None,
        form: Pairs | None = None,
        files: tuple[UploadFile, ...] = (),
        timeout: float | None = None,
    ) -> Request:
        """A request to `url` with the default headers."""
        return Request(
            method,
            url,
            params=params,
            json=json,
            form=form,
            files=files,
            headers=self.headers(),
            timeout=timeout,
        )

    async def send(self, method: str, path: str, **parts: Any) -> Response:
        """`path` under the service's base URL, with the parts `request` takes; the answer whatever
        its status."""
        return await self.transport.send(self.request(method, self.base_url + path, **parts))


def status_failure(response: Response, message: str, status: int | None = None) -> ApiError | None:
    """The failure an HTTP status names, with the service's `message`: a 5xx, 429 (with when to
    retry), 401, 403 or 404; None for the others, which only the service's words tell apart.
    `status` is the one the service states in its body when that differs from the answer's own
    (heavy's JSON:API `errors`)."""
    status = response.status if status is None else status
    if status >= 500:
        return ServerError(message, response.status)
    if status == 429:
        return RateLimited(message, response.status, retry_after=retry_after(response))
    kind = _KINDS_BY_STATUS.get(status)
    return kind(message, response.status) if kind else None


def retry_after(response: Response) -> float | None:
    """Seconds to wait before trying again, when the answer says."""
    for name in ("retry-after", "ratelimit-reset"):
        try:
            return float(response.header(name) or "")
        except ValueError:
            continue
    return None
