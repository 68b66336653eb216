"""Pages served with the policy another deployment's configuration makes: a test that configures
the app otherwise than the served tree (another Openwhyd origin) gets the headers it would send."""

import re
import tomllib
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route

from app.config import AppConfig
from buildkit.page_policy import headers_at, page_headers

DROPPED = {"content-encoding", "content-length", "content-security-policy", "permissions-policy"}
"""Route.fetch() hands the body over decoded; the policy headers are replaced."""


def configured(pyscript_toml: str) -> AppConfig:
    return AppConfig.from_pyscript(tomllib.loads(pyscript_toml))


def serve_as_configured(page: Page, url: str, config: AppConfig) -> None:
    """The page at `url`, whatever its query, goes out with the headers `config` makes for it."""
    table = page_headers(config)

    def fulfil(route: Route) -> None:
        response = route.fetch()
        kept = {name: value for name, value in response.headers.items() if name.lower() not in DROPPED}
        own = headers_at(table, urlsplit(route.request.url).path)
        route.fulfill(response=response, headers={**kept, **own})

    page.route(re.compile(re.escape(url) + r"(\?.*)?$"), fulfil)
