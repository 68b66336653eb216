"""The Embed menu of a profile, a playlist or likes: the `<iframe>` that puts the widget
(`embed.html`, beside the app's own page) on any site."""

from html import escape
from urllib.parse import urlencode, urljoin

from app.config import AppConfig
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


def embed_code(
    config: AppConfig, user: str, playlist: str = "", likes: bool = False, title: str = ""
) -> dict[str, str]:
    """What `embed_menu.html` shows for a list of the app deployed as `config` says: the widget's
    `url` and the `snippet`. Without the page's address (CPython tests) the URL stays relative."""
    url = widget_url(config.page_url, user, playlist, likes, config.openwhyd_base)
    return {"url": url, "snippet": snippet(url, f"{title or user} on Tonearm")}
