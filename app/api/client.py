"""What the service clients share: where the service is, the headers every request carries, sending
through the transport, and the failures an HTTP status names. Each client adds its routes and the
way its service words a refusal (app/openwhyd/replies.py, app/heavy/client.py)."""

from typing import Any

from app.api.errors import (
    ApiError,
    AuthRequired,
    Forbidden,
    NotFound,
    RateLimited,
    ServerError,
    ServiceAbsent,
    Timeout,
    TransportError,
)
from app.api.transport import Pairs, Request, Response, Transport, UploadFile

ACCEPT_JSON: Pairs = (("Accept", "application/json"),)

_KINDS_BY_STATUS: dict[int, type[ApiError]] = {401: AuthRequired, 403: Forbidden, 404: NotFound}


class ServiceClient:
    """`base_url` is where the service is mounted, absolute or relative to the page (e.g. "./heavy")."""

    service = "the"
    """The service's name, as messages say it."""

    html_error_statuses: frozenset[int] = frozenset()
    """The error statuses the service itself answers with an HTML page; an HTML page at any other
    is some other server's, standing where the service should be."""

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
        return await self.carry(self.request(method, self.base_url + path, **parts))

    async def carry(self, request: Request) -> Response:
        """The answer to `request`; `ServiceAbsent` when no server answered, or one that is not the
        service did: an HTML error page where the service answers its errors as data."""
        try:
            response = await self.transport.send(request)
        except Timeout:
            raise
        except TransportError as error:
            if error.status is not None:  # a server answered, and the transport could not read it
                raise
            raise self.absent(error.message) from error
        own_page = response.status in self.html_error_statuses
        if response.status >= 400 and response.content_type == "text/html" and not own_page:
            page = f"a web page instead of {self.service}'s data"
            raise self.absent(f"The server answered HTTP {response.status} with {page}.", response.status)
        return response

    def absent(self, why: str, status: int | None = None) -> ServiceAbsent:
        """`why` is a sentence."""
        return ServiceAbsent(f"The {self.service} service at {self.base_url} does not answer. {why}", status)


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
