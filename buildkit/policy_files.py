"""The page policy written for servers that do not run ours: `dist/_headers` (Netlify, Cloudflare
Pages), and the lines for nginx and Caddy that README, Deploying, shows (a test keeps them equal)."""

from app.config import AppConfig
from buildkit.page_policy import EVERY_FILE, PAGES, page_headers

HEADERS_FILE = "_headers"


def headers_file(config: AppConfig) -> str:
    """`_headers`: each path, then its headers indented; a host sends every rule that matches."""
    return "".join(
        f"{path}\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
        for path, headers in page_headers(config).items()
    )


def _quoted(value: str) -> str:
    """A header value as nginx reads it: in the quotes it does not contain."""
    return f"'{value}'" if '"' in value else f'"{value}"'


def nginx_lines(config: AppConfig) -> str:
    """`location` blocks for nginx's `server` block, beside the services' own. nginx answers `/`
    from the `/index.html` location (`index`); a location that adds headers inherits none from
    around it, so each page's repeats those of every file."""
    table = page_headers(config)
    every = [f"add_header {name} {_quoted(value)} always;" for name, value in table[EVERY_FILE].items()]
    lines = ["location / {", *(f"    {line}" for line in every), "}"]
    for page in PAGES[1:]:
        own = [f"add_header {name} {_quoted(value)} always;" for name, value in table[page].items()]
        lines += [f"location = {page} {{", *(f"    {line}" for line in own + every), "}"]
    return "\n".join(lines) + "\n"


def caddy_lines(config: AppConfig) -> str:
    """`header` lines for Caddy's site block (it serves `/` from `/index.html` under `/`'s path)."""
    table = page_headers(config)
    lines = [f"header {name} {_caddy(value)}" for name, value in table[EVERY_FILE].items()]
    for page in PAGES:
        lines += [f"header {page} {name} {_caddy(value)}" for name, value in table[page].items()]
    return "\n".join(lines) + "\n"


def _caddy(value: str) -> str:
    """A header value as Caddy reads it: in backquotes if it holds double ones."""
    return f"`{value}`" if '"' in value else f'"{value}"'
