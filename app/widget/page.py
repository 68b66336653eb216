"""The DOM edge (browser only): fills in embed.html's skeleton. Text always goes in as
textContent, never as markup; addresses come checked (http(s) only) from `tracks`, or are our own
locations in the full app."""

import js
from pyscript import document

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from app.widget.js_types import Audio, Control, Element, Meter, Range
    from app.widget.tracks import Track


def by_id(name: str) -> "Element":
    return document.getElementById(name)


def control(name: str) -> "Control":
    """A button or input of the skeleton (`play`, `previous`, `next`)."""
    return document.getElementById(name)


def audio() -> "Audio":
    """The one <audio> element that plays every track."""
    return document.getElementById("audio")


def seek_bar() -> "Range":
    return document.getElementById("seek")


def element(tag: str, text: str = "", **attributes: str) -> "Element":
    """A new element; in attribute names `class_` stands for `class` and `_` for `-` (`aria_label`)."""
    made: Element = document.createElement(tag)
    if text:
        made.textContent = text
    _set_attributes(made, attributes)
    return made


def input_field(**attributes: str) -> "Range":
    made: Range = document.createElement("input")
    _set_attributes(made, attributes)
    return made


def labelled(element: "Element", label: str) -> "Element":
    """A row of `element` with its label (the element has an id) before it."""
    row = document.createElement("div")
    row.className = "param"
    text = document.createElement("label")
    text.textContent = label
    text.setAttribute("for", element.id)
    row.append(text)
    row.append(element)
    return row


def meter(**attributes: str) -> "Meter":
    """A new <meter>, its attributes named as `element`'s."""
    made: Meter = document.createElement("meter")
    _set_attributes(made, attributes)
    return made


def _set_attributes(made: "Element", attributes: dict[str, str]) -> None:
    for name, value in attributes.items():
        made.setAttribute("class" if name == "class_" else name.replace("_", "-"), value)


def show_button(name: str, label: str, icon: str) -> None:
    """Names a control for screen readers and shows the icon (its first child) that goes with it."""
    button = by_id(name)
    button.setAttribute("aria-label", label)
    shown = button.firstElementChild
    if shown is not None:
        shown.className = "icon " + icon


def query_params(names: tuple[str, ...]) -> dict[str, str]:
    """The page's URL parameters among `names`, '' for a bare flag (`&autoplay`)."""
    search = js.URLSearchParams.new(js.location.search)
    return {name: str(search.get(name)) for name in names if search.has(name)}


def absolute(url: str) -> str:
    """`url` resolved against the page, as the browser would fetch it; '' if it is no URL."""
    try:
        return str(js.URL.new(url, js.location.href).href)
    except Exception:
        return ""


def set_theme(theme: str) -> None:
    if theme:
        document.documentElement.dataset.theme = theme


def set_text(name: str, text: str) -> None:
    by_id(name).textContent = text


def set_link(name: str, location: str) -> None:
    """Points a link at a screen of the full app, which sits beside embed.html."""
    by_id(name).setAttribute("href", "./" + location)


def show_heading(title: str, byline: str, image: str | None) -> None:
    document.title = title + " · Tonearm"
    set_text("list-title", title)
    set_text("list-by", byline)
    cover = by_id("cover")
    cover.replaceChildren()
    if image:
        cover.append(element("img", src=image, alt=""))
    else:
        cover.textContent = title[:1]


def show_tracks(tracks: "list[Track]", on_play: "Callable[[int], None]") -> None:
    """One row per track: a play button when the widget can play it, else a link to the full app."""
    rows = by_id("tracks")
    rows.replaceChildren()
    for index, track in enumerate(tracks):
        row = element("li", class_="track", data_index=str(index))
        if track.stream:
            button = element("button", type="button", class_="row-play", aria_label="Play " + track.name)
            button.append(element("span", class_="icon play", aria_hidden="true"))
            button.addEventListener("click", _handler(on_play, index))
            row.append(button)
        else:
            row.classList.add("elsewhere")
        art = element("span", class_="art", aria_hidden="true")
        if track.image:
            art.append(element("img", src=track.image, alt="", loading="lazy"))
        row.append(art)
        meta = element("span", class_="meta")
        meta.append(element("span", track.name, class_="name"))
        if track.by:
            meta.append(element("span", "by " + track.by, class_="by"))
        row.append(meta)
        if not track.stream:
            link = element(
                "a",
                "Open in Tonearm",
                href="./" + track.link,
                target="_blank",
                rel="noopener",
                class_="open",
                aria_label="Open in Tonearm: " + track.name,
            )
            row.append(link)
        rows.append(row)


def _handler(on_play: "Callable[[int], None]", index: int) -> "Callable[[object], None]":
    """A click handler bound to its row's index (a lambda in the loop would see the last one)."""
    return lambda event: on_play(index)


def highlight(index: int | None) -> None:
    for row in by_id("tracks").children:
        if index is not None and row.dataset.index == str(index):
            row.setAttribute("aria-current", "true")
        else:
            row.removeAttribute("aria-current")


def show_status(text: str) -> None:
    set_text("status", text)


def mark(state: str) -> None:
    """`data-ready` on <html>: "true" once the widget can be used, "failed" when it cannot."""
    by_id("widget").removeAttribute("aria-busy")
    document.documentElement.dataset.ready = state


def fail(message: str) -> None:
    show_status(message)
    set_text("list-title", "Nothing to play")
    by_id("controls").hidden = True
    mark("failed")
