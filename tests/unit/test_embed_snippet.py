"""The Embed menu's snippet: the widget's address beside the app, and HTML that is safe to paste."""

from app.config import AppConfig
from app.ui.components.embed_snippet import embed_code, snippet, widget_url
from app.ui.core.templates import render

APP = "https://music.example/tonearm/index.html?x=1"


def test_the_widget_sits_beside_the_app() -> None:
    assert widget_url(APP, "admin", "0") == "https://music.example/tonearm/embed.html?u=admin&pl=0"
    assert widget_url("https://music.example/tonearm/", "dummy", likes=True) == (
        "https://music.example/tonearm/embed.html?u=dummy&likes=1"
    )
    assert widget_url(APP, "a b&c") == "https://music.example/tonearm/embed.html?u=a+b%26c"


def test_the_openwhyd_the_app_reads_goes_along_unless_it_is_the_default() -> None:
    assert "api=" not in widget_url(APP, "admin", openwhyd="./openwhyd/")
    assert widget_url(APP, "admin", openwhyd="https://openwhyd.org") == (
        "https://music.example/tonearm/embed.html?u=admin&api=https%3A%2F%2Fopenwhyd.org"
    )
    assert widget_url(APP, "admin", openwhyd="/ow").endswith("&api=https%3A%2F%2Fmusic.example%2Fow")


def test_the_snippet_escapes_what_it_quotes() -> None:
    html = snippet("https://h/embed.html?u=a&pl=0", 'Songs "for" <you>')
    assert html == (
        '<iframe src="https://h/embed.html?u=a&amp;pl=0" title="Songs &quot;for&quot; &lt;you&gt;" '
        'width="100%" height="420" style="border:0;max-width:40rem" allow="autoplay" loading="lazy"></iframe>'
    )


def test_the_code_follows_the_deployment_the_app_is_configured_with() -> None:
    config = AppConfig(openwhyd_base="https://openwhyd.org", page_url="https://music.example/tonearm/")
    assert embed_code(config, "admin", likes=True)["url"] == (
        "https://music.example/tonearm/embed.html?u=admin&likes=1&api=https%3A%2F%2Fopenwhyd.org"
    )


def test_without_the_pages_address_the_code_stays_relative_and_the_menu_escapes_it() -> None:
    code = embed_code(AppConfig(), "admin", "0", title="Offline tones")
    assert code["url"] == "embed.html?u=admin&pl=0"
    assert 'title="Offline tones on Tonearm"' in code["snippet"]
    markup = render("embed_menu.html", embed=embed_code(AppConfig(), "admin", title="<b>me</b>"))
    assert "&lt;iframe src=&#34;embed.html?u=admin&#34;" in markup
    assert "&amp;lt;b&amp;gt;me&amp;lt;/b&amp;gt; on Tonearm" in markup
    assert '<a href="embed.html?u=admin" target="_blank"' in markup
