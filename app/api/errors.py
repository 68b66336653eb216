"""What can go wrong when talking to a service: one exception type per kind of failure.

Each carries the server's own message, so a view can show it as is, and the HTTP status
when there was one.
"""


class ApiError(Exception):
    """Any failure of a service call."""

    default_message = "The request failed."

    def __init__(self, message: str = "", status: int | None = None) -> None:
        self.message = message or self.default_message
        self.status = status
        super().__init__(self.message)


class AuthRequired(ApiError):
    """The call needs a logged-in session and there is none (or it expired)."""

    default_message = "Please log in first."


class BadCredentials(ApiError):
    """Login refused: unknown email or handle, or a wrong password."""

    default_message = "Wrong email, handle or password."


class Forbidden(ApiError):
    """Logged in, but this user may not do that (e.g. edit someone else's post)."""

    default_message = "You are not allowed to do that."


class NotFound(ApiError):
    """The user, track, playlist or comment does not exist (any more)."""

    default_message = "Not found."


class BadRequest(ApiError):
    """The server refused the parameters: a missing field, an invalid value."""


class RateLimited(ApiError):
    """Too many requests; `retry_after` says how many seconds to wait, when known."""

    default_message = "Too many requests, please try again later."

    def __init__(
        self, message: str = "", status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, status)
        self.retry_after = retry_after


class ServerError(ApiError):
    """The service failed on its side (a 5xx)."""

    default_message = "The server failed to answer."


class TransportError(ApiError):
    """No answer at all: offline, refused, blocked by the browser, or timed out."""

    default_message = "Could not reach the server."


class ServiceAbsent(TransportError):
    """Nothing answered as the service at its address: no server there, or another one (a static
    host, a proxy) answering its own error page in the service's stead."""

    default_message = "The service does not answer."


class Timeout(TransportError):
    """The server took longer to answer than the transport waits; `seconds` is how long it waited."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"The server did not answer in {seconds:g} s: it may be busy, or the connection slow. "
            "Please try again."
        )
        self.seconds = seconds
