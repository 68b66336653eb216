"""Who is signed in: found again at boot, changed by the sign-in and sign-out actions."""

from collections.abc import Awaitable

from app.api.errors import ApiError
from app.openwhyd.models import User
from app.ui.core.state import AppState


async def restore(state: AppState, me: Awaitable[User | None]) -> None:
    """The Openwhyd session lives in the service's cookie: `me` asked whom it belongs to (None:
    nobody, or no cookie to ask about)."""
    try:
        state.session.openwhyd_user = await me
    except ApiError:
        state.session.openwhyd_user = None


def profile_name(user: User) -> str:
    """How a `#/u/…` location names a user: by handle when they have one."""
    return user.handle or user.id
