"""The bookmarklet (Openwhyd's `/bookmarklet`, reference §6.1): a link to drag to the bookmarks bar.
Clicked on another site's page, it loads `static/js/bookmarklet.js` from this app's own address
(never a CDN) and that script opens the add-track form on the track the page is about."""

from urllib.parse import urljoin

from app.ui.core.router import Match
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.templates import render

SCRIPT = "static/js/bookmarklet.js"


def bookmarklet_code(page_url: str) -> str:
    """The link's `javascript:` code: a `<script>` of the app's bookmarklet script, fetched anew
    each time (the time in its query), as Openwhyd's loads its own."""
    script = urljoin(page_url, SCRIPT)
    return (
        "javascript:(function(){var s=document.createElement('script');"
        f"s.src='{script}?'+Date.now();document.body.appendChild(s);}})();"
    )


async def show(match: Match, state: AppState) -> Screen:
    markup = render("bookmarklet.html", code=bookmarklet_code(state.config.page_url))
    return Screen("Bookmarklet · Tonearm", markup)
