"""The few plain HTML pages: login, redirects, 404, messages (the lists' pages are in pages/).

They are minimal: clients use the JSON forms; these exist so every route answers with a page
where the real server does, and every link in them carries the mount prefix (`root`).
"""

from html import escape
from typing import Any

from server.openwhyd.location import encode_url
from server.openwhyd.pages.markup import h
from server.openwhyd.responses import dumps


def page(title: str, body: str, robots: str | None = None, head: str = "", body_class: str = "") -> str:
    """`head` is markup for the head (stylesheets, scripts)."""
    meta = f'<meta name="robots" content="{escape(robots)}">' if robots else ""
    opening = f'<body class="{escape(body_class)}">' if body_class else "<body>"
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{meta}'
        f"<title>{escape(title)} - openwhyd</title>{head}</head>{opening}{body}</body></html>"
    )


def login(root: str, message: str = "") -> str:
    note = f'<p class="error">{escape(message)}</p>' if message else ""
    return page(
        "Login",
        (
            f'<h1>Login</h1>{note}<form method="post" action="{escape(root)}/login">'
            '<input type="hidden" name="action" value="login">'
            '<input name="email" placeholder="email or username">'
            '<input name="password" type="password" placeholder="password">'
            '<button type="submit">Login</button></form>'
        ),
    )


def register(root: str, message: str = "") -> str:
    note = f'<p class="error">{escape(message)}</p>' if message else ""
    return page(
        "Sign up",
        (
            f'<h1>Sign up</h1>{note}<form method="post" action="{escape(root)}/register">'
            '<input name="name" placeholder="name"><input name="email" placeholder="email">'
            '<input name="password" type="password" placeholder="password">'
            '<button type="submit">Sign up</button></form>'
        ),
    )


def script_redirect(target: str, delay_ms: int) -> str:
    """A 200 whose script moves on to `target` after `delay_ms`."""
    return page(
        "Redirecting",
        (
            f'<p>Redirecting to <a href="{escape(target)}">{escape(target)}</a>...</p>'
            f"<script>setTimeout(function(){{window.location.href = {dumps(target)};}}, {delay_ms});"
            "</script>"
        ),
    )


def redirecting(url: str) -> str:
    """The real `redirectPage.html` a successful login or signup answers: its script moves on to
    `url` (absolute) after a second. As there, the escape is HTML's even inside the script."""
    shown = h(encode_url(url))
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<html lang="en">\n  <head>\n'
        "    <title>Openwhyd is redirecting...</title>\n  </head>\n  <body>\n"
        f'    You are being redirected to: <a href="{shown}">{shown}</a>...\n    <script>\n'
        f"      setTimeout(() => {{\n        window.location.href = '{shown}';\n      }}, 1000);\n"
        "    </script>\n  </body>\n</html>\n"
    )


def logout(root: str) -> str:
    target = f"{root}/login?action=logout"
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="refresh" content="3;url={escape(target)}">'
        f"</head><body><p>Logging out...</p><script>setTimeout(function(){{"
        f"window.location.href = {dumps(target)};}}, 2000);</script></body></html>"
    )


def not_found() -> str:
    return page("404", "<h1>404 / not found</h1><p>There is nothing at this address.</p>")


def message(title: str, text: str) -> str:
    return page(title, f"<p>{escape(text)}</p>")


def playlist_links(root: str, playlists: list[dict[str, Any]]) -> str:
    """`/playlists?format=list`: one link per playlist."""
    items = "".join(
        f'<li><a href="{escape(root + pl["url"])}">{escape(str(pl.get("name", "")))}</a></li>'
        for pl in playlists
    )
    return page("Playlists", f"<ul>{items}</ul>")
