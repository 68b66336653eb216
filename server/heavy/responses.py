"""Every reply is JSON; refusals come in two kinds, as the 2017 uploader needs (reference §3.1).

Soft refusals (patch not found, not allowed to edit, upload or release refused) are HTTP 200
with an `errors` array, so clients that raise on HTTP errors still read them; hard ones carry
their HTTP status.
"""

from collections.abc import Mapping

from starlette.responses import JSONResponse

from server.heavy import documents


class Refusal(Exception):
    def __init__(self, status: int, detail: str, *, soft: bool = True) -> None:
        super().__init__(detail)
        self.status, self.detail, self.soft = status, detail, soft


def reply(body: dict, status: int = 200, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def refusal(
    status: int, detail: str, *, soft: bool, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return reply(documents.errors(status, detail), 200 if soft else status, headers)
