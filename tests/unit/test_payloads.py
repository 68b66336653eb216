"""What actions read from the page: each field converted to its type once, and a field missing or
unreadable named, before any handler runs."""

from dataclasses import dataclass, fields

import pytest

from app.openwhyd.account_forms import LINK_SITES
from app.ui.core.payloads import BadField, NoData, form_values, named, parse
from app.ui.screens.openwhyd.account_fields import Profile


@dataclass(frozen=True)
class Moved:
    start: int = named("from")
    end: int = named("to")
    list_key: str = named("list")
    volume: float = 1.0
    remember: bool = False
    title: str = ""


def test_fields_are_read_by_their_names_in_the_page_and_converted() -> None:
    data = {"from": "2", "to": "0", "list": "queue", "volume": "0.5", "remember": "on", "action": "x"}
    assert parse(Moved, data) == Moved(2, 0, "queue", 0.5, True, "")
    assert parse(Moved, {"from": "1", "to": "1", "list": "l", "remember": ""}).remember is False
    assert parse(NoData, {"value": "whatever"}) == NoData()


def test_a_missing_or_unreadable_field_is_named() -> None:
    with pytest.raises(BadField, match="came without its “to”") as missing:
        parse(Moved, {"from": "1", "list": "l"})
    assert missing.value.field == "to"
    with pytest.raises(BadField, match="“from” of this form should be a whole number, not “first”") as bad:
        parse(Moved, {"from": "first", "to": "1", "list": "l"})
    assert bad.value.field == "from"


def test_a_payload_can_read_itself_and_gives_its_text_back_by_page_names() -> None:
    @dataclass(frozen=True)
    class Everything:
        fields: dict

        @classmethod
        def from_data(cls, data: dict[str, str]) -> "Everything":
            return cls(dict(data))

    assert parse(Everything, {"to-u1": "Ann"}) == Everything({"to-u1": "Ann"})
    assert form_values(Moved(1, 2, "queue", title="Mix")) == {"list": "queue", "title": "Mix"}


def test_the_profile_form_has_a_field_per_link_site() -> None:
    links = {spec.name for spec in fields(Profile) if spec.name.startswith("link_")}
    assert links == {f"link_{site}" for site, _ in LINK_SITES}
