"""The services `build.py serve` mounts beside the app, each under its own prefix."""

from starlette.types import ASGIApp

from server import heavy, openwhyd, upstream
from server.service_mount import ServiceMount
from server.settings import Settings


def service_mounts(settings: Settings) -> list[ServiceMount]:
    heavy_app = heavy.create_app(settings)
    return [
        ServiceMount(settings.openwhyd_root, openwhyd_app(settings)),
        ServiceMount("/heavy", heavy_app),
        *heavy.root_mounts(heavy_app),
    ]


def openwhyd_app(settings: Settings) -> ASGIApp:
    """Our own Openwhyd service, or a proxy to a real one when `--openwhyd-upstream` names it."""
    if settings.openwhyd_upstream:
        return upstream.OpenwhydUpstream(settings.openwhyd_upstream)
    return openwhyd.create_app(settings)


def prepare_services(settings: Settings) -> None:
    """Make what the services start with (migrations, secrets, demo worlds) once, before
    `serve --workers` starts its processes: they then find it made. Each would make it safely
    anyway, one after the other, as processes a deployment's own manager starts do."""
    if not settings.openwhyd_upstream:
        openwhyd.prepare(settings)
    heavy.prepare(settings)


def service_banners(settings: Settings) -> list[str]:
    """Lines `serve` prints after the URL: demo accounts and tokens of each service."""
    own = (
        upstream.banner(settings.openwhyd_upstream, settings.openwhyd_root)
        if settings.openwhyd_upstream
        else openwhyd.banner(settings)
    )
    return [*own, *heavy.banner(settings)]
