"""Search: tracks, people and playlists whose names match, as Openwhyd's combined search returns them."""

from app.api.errors import ApiError
from app.ui.core.router import Match
from app.ui.core.screen import Screen, load_failed
from app.ui.core.state import AppState
from app.ui.core.templates import render

LIST_KEY = "search"


async def show(match: Match, state: AppState) -> Screen:
    query = match.query.get("q", "").strip()
    title = f"{query} · Search · Tonearm" if query else "Search · Tonearm"
    if not query:
        return Screen(title, render("search.html", query="", results=None), focus="search-q")
    try:
        results = await state.services.openwhyd.search(query)
    except ApiError as error:
        return load_failed(title, "The search failed", error.message)
    state.lists[LIST_KEY] = results.tracks
    markup = render("search.html", query=query, results=results, list_key=LIST_KEY, viewer=state.viewer())
    return Screen(title, markup)
