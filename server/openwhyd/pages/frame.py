"""The page around every content template, as the real `mainTemplate.renderWhydPage` makes it:
its title (`<pageTitle> - Openwhyd`), Open Graph meta, robots `noindex` on profiles and track
pages, the body class (with `visitor` for anyone signed out), `#header` (logo, `#navbar`,
`#searchBar` with `input#q`, the viewer's `#loginDiv` or `#logBox`) and
`#contentPane > #mainPanel` holding the content. Ours has no scripts and its own stylesheet; the
search box is a form, so it works without them; `window.user` is not inlined (the real one holds
the viewer's Last.fm session key)."""

from dataclasses import dataclass
from typing import Any

from server.openwhyd.pages.markup import entities, h

DEFAULT_TITLE = "Openwhyd \u2013 Discover and collect the best music tracks from the web"
DEFAULT_DESC = "Discover and collect music gems from Youtube, Soundcloud, Deezer and more"
DEFAULT_IMAGE = "/images/logo-black-square-smaller.png"
STYLE = "/css/pages.css"


@dataclass(frozen=True)
class Frame:
    """What the content template tells the page around it (the real `options`)."""

    root: str
    viewer: dict[str, Any] | None
    body_class: str
    title: str | None = None
    """The real `pageTitle`; without one the title is the site's own."""
    noindex: bool = False
    description: str | None = None
    image: str | None = None
    url: str | None = None
    """Absolute, for `og:url`."""
    og_title: str | None = None
    query: str | None = None
    """What the header's search box holds."""


def _meta(frame: Frame) -> str:
    image = entities(frame.image or frame.root + DEFAULT_IMAGE)
    description = entities(frame.description or DEFAULT_DESC)
    tags = [
        f'<link rel="image_src" href="{image}">',
        f'<meta name="description" content="{description}">',
        '<meta name="twitter:card" content="summary">',
        f'<meta property="og:image" content="{image}">',
        f'<meta property="og:description" content="{description}">',
        '<meta property="og:type" content="website">',
    ]
    if frame.title:
        tags.append(f'<meta property="og:title" content="{entities(frame.og_title or frame.title)}">')
    if frame.url:
        tags.append(f'<meta property="og:url" content="{entities(frame.url)}">')
    if frame.noindex:
        tags.append('<meta name="robots" content="noindex">')
    return "".join(tags)


def _header(frame: Frame) -> str:
    root, viewer = h(frame.root), frame.viewer
    if viewer:
        account = (
            f'<div id="navLinks"><div id="loginDiv"><a href="{root}/u/{h(viewer["_id"])}">'
            f'<strong class="username">{entities(viewer.get("name"))}</strong></a></div></div>'
        )
    else:
        account = f'<div id="logBox"><a id="signin" href="{root}/login">Login</a></div>'
    return (
        '<div id="header"><div class="container">'
        '<div id="headCenter">'
        f'<a id="logo" title="Openwhyd" class="homeLink" href="{root}/">Openwhyd</a></div>'
        f'<nav id="navbar"><a id="tabStream" href="{root}/">Stream</a>'
        f'<a id="tabHot" href="{root}/hot">Hot Tracks</a></nav>'
        f'<div id="searchBar"><form class="searchForm" id="searchForm" role="search" action="{root}/search">'
        f'<input name="q" class="q search-input" id="q" type="search" value="{entities(frame.query)}" '
        'placeholder="Search tracks, people, playlists" aria-label="Search"></form></div>'
        f"{account}</div></div>"
    )


def page(frame: Frame, content: str) -> str:
    title = f"{frame.title} - Openwhyd" if frame.title else DEFAULT_TITLE
    body_class = frame.body_class + ("" if frame.viewer else " visitor")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{_meta(frame)}<title>{entities(title)}</title>"
        f'<link rel="stylesheet" href="{h(frame.root + STYLE)}"></head>'
        f'<body class="{h(body_class.strip())}">{_header(frame)}'
        f'<main id="contentPane"><div id="mainPanel">{content}</div></main></body></html>'
    )
