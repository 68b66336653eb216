"""The Embed menu of a profile, a playlist or likes: the `<iframe>` that puts the widget
(`embed.html`, beside the app's own page) on any site."""

from html import escape
from urllib.parse import urlencode, urljoin

from app.openwhyd.paths import DEFAULT_OPENWHYD, EMBED_PAGE, embed_params

HEIGHT = 420


def widget_url(
    app_url: str, user: str, playlist: str = "", likes: bool = False, openwhyd: str = DEFAULT_OPENWHYD
) -> str:
    """The widget's address for a list, beside the app at `app_url`; `api=` only when the app
    reads another Openwhyd than the one beside it (the widget's own default is the app's)."""
    api = urljoin(app_url, openwhyd) if openwhyd.rstrip("/") != DEFAULT_OPENWHYD else ""
    return urljoin(app_url, EMBED_PAGE) + "?" + urlencode(embed_params(user, playlist, likes, api))


def snippet(url: str, title: str) -> str:
    """HTML to paste into a page: lazy, borderless, as wide as its column, allowed to autoplay."""
    return (
        f'<iframe src="{escape(url)}" title="{escape(title)}" width="100%" height="{HEIGHT}" '
        f'style="border:0;max-width:40rem" allow="autoplay" loading="lazy"></iframe>'
    )


def embed_code(user: str, playlist: str = "", likes: bool = False, title: str = "") -> dict[str, str]:
    """What `embed_menu.html` shows for a list of the app on this page: the widget's `url` and
    the `snippet`. Outside a browser (CPython tests) the URL stays relative to the app."""
    app_url, openwhyd = _deployment()
    url = widget_url(app_url, user, playlist, likes, openwhyd)
    return {"url": url, "snippet": snippet(url, f"{title or user} on Tonearm")}


def _deployment() -> tuple[str, str]:
    """The app page's address (without its `#…`) and its Openwhyd setting, read in the browser."""
    try:
        import js
        from pyscript import config
    except ImportError:
        return "", DEFAULT_OPENWHYD
    openwhyd = dict(config).get("tonearm", {}).get("openwhyd", DEFAULT_OPENWHYD)
    return str(js.location.href).split("#")[0], str(openwhyd)
