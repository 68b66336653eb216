"""Who is signed in: found again at boot, changed by the sign-in and sign-out actions."""

from app.api.errors import ApiError
from app.ui.state import AppState


async def restore(state: AppState) -> None:
    """The Openwhyd session lives in the service's cookie; ask who it belongs to, if anyone."""
    try:
        state.session.openwhyd_user = await state.services.openwhyd.me()
    except ApiError:
        state.session.openwhyd_user = None
