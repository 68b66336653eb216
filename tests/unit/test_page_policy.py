"""The page policy for a deployment's configuration: what each page may load and who may frame it,
the services' origins read from pyscript.toml, and the same headers for static hosts."""

from pathlib import Path

from app.config import AppConfig
from app.player.vendors import SCRIPTS, dailymotion_script, soundcloud_widget_url
from buildkit.page_policy import app_directives, headers_at, page_headers, read_config, widget_directives
from buildkit.paths import ROOT
from buildkit.policy_files import caddy_lines, headers_file, nginx_lines

PUBLIC = AppConfig(
    openwhyd_base="https://openwhyd.example/",
    openwhyd_access="public",
    heavy_base="https://hv.example:8443/heavy",
)


def csp(headers: dict[str, str]) -> dict[str, list[str]]:
    """A Content-Security-Policy header as directive → sources."""
    parts = (part.split() for part in headers["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in parts}


def allows(sources: list[str], url: str) -> bool:
    """Whether an origin or host pattern of `sources` covers `url` (as far as this policy uses them)."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/")[0]
    for source in sources:
        source_scheme, _, source_host = source.partition("://")
        if source_scheme == scheme and (
            source_host == host or (source_host.startswith("*.") and host.endswith(source_host[1:]))
        ):
            return True
    return False


def test_the_app_runs_no_inline_script_and_only_scripts_it_names() -> None:
    app = csp(headers_at(page_headers(AppConfig()), "/index.html"))
    assert app["default-src"] == ["'none'"]
    assert not any("unsafe-inline" in source for sources in app.values() for source in sources)
    assert app["script-src"][:4] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'", "blob:"]
    assert all(allows(app["script-src"], script.url) for script in SCRIPTS.values())
    assert allows(app["script-src"], dailymotion_script("someone-else").url)
    assert not allows(app["script-src"], "https://openwhyd.org/admin?callback=x"), "session access: no JSONP"
    assert app["style-src"] == ["'self'"]
    assert app["frame-ancestors"] == ["'self'"]


def test_the_players_frames_and_the_artwork_hosts_and_nothing_else() -> None:
    app = csp(headers_at(page_headers(AppConfig()), "/"))
    assert allows(app["frame-src"], soundcloud_widget_url("/sc/artist/track"))
    assert allows(app["frame-src"], "https://www.youtube.com/embed/XdJVWSqb4Ck")
    assert not allows(app["frame-src"], "https://evil.example/")
    assert allows(app["img-src"], "https://i.ytimg.com/vi/XdJVWSqb4Ck/default.jpg")
    assert allows(app["img-src"], "https://i1.sndcdn.com/artworks-000-t500x500.jpg")
    assert not allows(app["img-src"], "https://beacon.example/collect")
    assert app["media-src"] == ["*", "blob:"]


def test_the_services_origins_come_from_the_configuration() -> None:
    app = csp(headers_at(page_headers(PUBLIC), "/"))
    assert "https://openwhyd.example" in app["script-src"], "public access reads by JSONP"
    assert {"https://openwhyd.example", "https://hv.example:8443"} <= set(app["connect-src"])
    assert "https://openwhyd.example" in app["img-src"]
    widget = csp(headers_at(page_headers(PUBLIC), "/embed.html"))
    assert widget["script-src"] == [
        "'self'",
        "'wasm-unsafe-eval'",
        "'unsafe-eval'",
        "https://openwhyd.example",
        "https://openwhyd.org",
    ]


def test_the_widget_may_be_framed_by_anyone_and_frames_nothing() -> None:
    widget = csp(headers_at(page_headers(AppConfig()), "/embed.html"))
    assert widget["frame-ancestors"] == ["*"]
    assert "frame-src" not in widget and widget["default-src"] == ["'none'"]
    assert "blob:" not in widget["script-src"]


def test_every_file_gets_the_referrer_policy_and_only_pages_a_csp() -> None:
    table = page_headers(AppConfig())
    assert headers_at(table, "/static/css/app.css") == {
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Content-Type-Options": "nosniff",
    }
    assert csp(headers_at(table, "/sw.js")) == {"default-src": ["'none'"], "connect-src": ["'self'"]}
    permissions = headers_at(table, "/")["Permissions-Policy"]
    assert permissions.startswith('autoplay=(self "https://www.youtube.com" ')
    assert "camera=()" in permissions


def test_headers_file_lists_each_path_with_its_headers() -> None:
    rules: dict[str, dict[str, str]] = {}
    path = ""
    for line in headers_file(AppConfig()).splitlines():
        if line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            rules[path][name] = value
        else:
            path = line
            rules[path] = {}
    assert rules == page_headers(AppConfig())


def test_the_readme_shows_the_lines_for_the_default_configuration() -> None:
    readme = (ROOT / "README.md").read_text()
    config = read_config(ROOT / "pyscript.toml")
    for lines in (nginx_lines(config), caddy_lines(config)):
        assert "".join(f"    {line}\n" for line in lines.splitlines()) in readme


def test_the_configuration_is_read_as_the_app_reads_it(tmp_path: Path) -> None:
    toml = tmp_path / "pyscript.toml"
    toml.write_text('[tonearm]\nopenwhyd = "https://openwhyd.example/"\nopenwhyd_access = "public"\n')
    assert read_config(toml) == AppConfig(openwhyd_base="https://openwhyd.example/", openwhyd_access="public")
    assert app_directives(read_config(toml)) == app_directives(
        AppConfig(openwhyd_base="https://openwhyd.example", openwhyd_access="public")
    )
    assert widget_directives(read_config(ROOT / "pyscript.toml")) == widget_directives(AppConfig())


def test_the_page_may_ask_every_site_the_add_track_form_asks_a_title() -> None:
    from app.openwhyd.track_titles import LOOKUPS
    from buildkit.page_policy import TITLE_SITES, origin_of

    assert {origin_of(make("x").url) for make in LOOKUPS.values()} <= set(TITLE_SITES)
