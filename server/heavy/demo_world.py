"""The world a fresh data folder starts with: user `demo`, its token, two compiled patches."""

from pathlib import Path

from server.heavy import accounts
from server.heavy.service import Service

USER = "demo"
TOKEN_LABEL = "demo"
PATCHES = Path(__file__).with_name("demo")
DESCRIPTIONS = {
    "sine": "A 440 Hz sine at -20 dB; its frequency is the @hv_param freq.",
    "arpeggio": "A sawtooth arpeggio through a low-pass and an echo; @hv_param tempo and cutoff.",
}


def ensure(service: Service) -> None:
    """Creates whatever is missing, so a restart keeps the demo's jobs and token as they are.
    Processes starting together take turns (the database's preparing lock): the first makes the
    world, the others find it made."""
    with service.store.database.engine.preparing():
        user = service.store.ensure_user(USER)
        token(service)
        for name, description in DESCRIPTIONS.items():
            patch = service.store.patch(USER, name) or service.store.create_patch(
                user, user, name, description=description, tags=["demo"], public=True
            )
            if patch is not None and service.store.job(patch, None) is None:
                upload = (PATCHES / name / "_main.pd").read_bytes()
                service.jobs.submit_here(patch, user, upload, None)


def token(service: Service) -> str:
    """The demo user's token, issued on first use and unchanged until revoked."""
    user = service.store.ensure_user(USER)
    active = [t for t in service.store.tokens(user) if t.label == TOKEN_LABEL and not t.revoked_at]
    found = active[0] if active else accounts.issue_token(service.store, service.key, user, TOKEN_LABEL)[0]
    return accounts.token_string(service.key, found)
