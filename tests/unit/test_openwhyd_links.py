"""The service's `format=links` and the app's Links export write the same link for any eId: both
are the real server's `translateEidToUrl`, one per layer (the service may not import the app)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.openwhyd.eid import openwhyd_link
from server.openwhyd.eids import track_url

KINDS = ["yt", "sc", "dm", "vi", "dz", "bc", "fi", "ja", "sp", "xx", "toString", "__proto__", ""]


EIDS = st.builds(lambda kind, rest: f"/{kind}/{rest}", st.sampled_from(KINDS), st.text())


@settings(deadline=None)
@given(st.one_of(st.text(), EIDS))
def test_service_and_app_write_the_same_link(eid: str) -> None:
    assert track_url(eid) == openwhyd_link(eid)


def test_no_eid_is_no_link_on_the_service() -> None:
    assert track_url(None) is None
