"""A service's `Mount`: every path under its prefix reaches the service, control characters
included, so the service answers it in its own shape."""

import re

from starlette.routing import Mount
from starlette.types import ASGIApp


class ServiceMount(Mount):
    """Starlette's `{path:path}` is `.*`, which stops at a line break: `/openwhyd/a%0Ab` would
    miss the service and get the outer router's plain-text 404."""

    def __init__(self, path: str, app: ASGIApp) -> None:
        super().__init__(path, app=app)
        self.path_regex = re.compile(self.path_regex.pattern, re.DOTALL)
