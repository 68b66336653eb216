"""The account screens against a fake client and page: what is sent, what the header shows while
and after, where messages go and where focus goes."""

import asyncio

from fake_page import FakePage
from fake_ports import FakeFiles, fake_ports
from ui_state import app_state

from app.api.errors import BadRequest, NotFound
from app.openwhyd.account_forms import with_changes
from app.openwhyd.models import User
from app.ui.core.app import App
from app.ui.core.state import Services

DUMMY = User(
    "000000000000000000000002",
    "dummy",
    handle="dummy",
    email="dummy@openwhyd.org",
    image="/images/blank_user.gif",
    bio="<script>x</script>",
    links={"home": "https://d.example"},
)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(20)
PROFILE_FORM = {
    "name": "dummy",
    "handle": "dummy",
    "bio": DUMMY.bio,
    "location": "",
    "link_home": "https://d.example",
}


class FakeAccounts:
    """The client calls of the account screens, answered like the service and recorded."""

    def __init__(self, user: User | None = DUMMY) -> None:
        self.user = user
        self.page: FakePage | None = None
        self.calls: list[tuple] = []
        self.headers_seen: list[str] = []  # the header while a change was on its way

    def resource_url(self, path: str | None) -> str | None:
        return path and "./openwhyd" + path

    def user_image_url(self, user_id: str) -> str:
        return f"./openwhyd/img/user/{user_id}"

    async def me(self) -> User:
        self.calls.append(("me",))
        return self.user

    async def update_profile(self, **changes: object) -> User:
        self.calls.append(("update", changes))
        if self.page:
            self.headers_seen.append(self.page.regions.get("accounts", ""))
        if changes.get("handle") == "adrien":
            raise BadRequest("This username is already taken")
        self.user = with_changes(self.user, changes)
        return self.user

    async def set_avatar(self, filename: str, content: bytes, content_type: str) -> User:
        self.calls.append(("avatar", filename, content_type))
        self.user = User(self.user.id, self.user.name, image="/uAvatarImg/new.png")
        return self.user

    async def register(self, name: str, email: str, password: str) -> User:
        self.calls.append(("register", name, email, password))
        if email == "test@openwhyd.org":
            raise BadRequest("This email address is already registered on whyd")
        self.user = User("000000000000000000000009", name, email=email)
        return self.user

    async def forgot_password(self, email: str) -> str:
        if email != "test@openwhyd.org":
            raise NotFound("Are you sure? We don't recognize your email address!")
        return "We just sent you an email to reset your password, wait for it!"


def started(
    location: str, client: FakeAccounts, me: User | None = DUMMY, files: FakeFiles | None = None
) -> tuple[App, FakePage]:
    page = FakePage()
    client.page = page
    state = app_state(services=Services(client, None))
    state.session.openwhyd_user = me
    app = App(fake_ports(page, files=files or FakeFiles()), state)
    app.mount()
    asyncio.run(app.show(location, focus=False))
    return app, page


def test_signed_out_visitors_are_asked_to_sign_in_and_brought_back() -> None:
    client = FakeAccounts(None)
    _, page = started("#/settings", client, me=None)
    assert 'href="#/login?next=%23%2Fsettings"' in page.regions["main"]
    assert client.calls == []


def test_settings_show_the_profile_escaped_and_the_header_links_to_them() -> None:
    _, page = started("#/settings", FakeAccounts())
    main = page.regions["main"]
    assert "&lt;script&gt;x&lt;/script&gt;" in main and "<script>" not in main
    assert 'value="https://d.example"' in main and 'value="dummy@openwhyd.org"' in main
    assert 'href="#/settings"' in page.regions["accounts"]
    assert 'src="./openwhyd/images/blank_user.gif"' in page.regions["accounts"]


def test_a_refused_handle_shows_in_the_header_meanwhile_then_is_rolled_back() -> None:
    client = FakeAccounts()
    app, page = started("#/settings", client)
    asyncio.run(app.act("settings-save-profile", {**PROFILE_FORM, "name": "Someone", "handle": "adrien"}))
    assert client.calls[1:] == [("update", {"handle": "adrien"}), ("me",)]  # the name waited for the handle
    assert "Someone" in client.headers_seen[0]
    assert "Someone" not in page.regions["accounts"] and "dummy" in page.regions["accounts"]
    assert "This username is already taken" in page.regions["profile-feedback"]
    assert page.focused[-1] == "profile-handle"


def test_a_saved_profile_shows_the_servers_copy_and_says_so() -> None:
    client = FakeAccounts()
    app, page = started("#/settings", client)
    form = {**PROFILE_FORM, "name": "Dummy Two", "link_fb": "fb.example/d"}
    asyncio.run(app.act("settings-save-profile", form))
    assert ("update", {"name": "Dummy Two", "links": {"fb": "https://fb.example/d"}}) in client.calls
    assert app.state.session.openwhyd_user.name == "Dummy Two" and "Dummy Two" in page.regions["accounts"]
    assert 'value="https://fb.example/d"' in page.regions["main"]
    assert "Your profile is saved." in page.regions["profile-feedback"]
    assert page.focused[-1] == "profile-saved"


def test_a_bad_link_or_an_unchanged_profile_sends_nothing() -> None:
    client = FakeAccounts()
    app, page = started("#/settings", client)
    asyncio.run(app.act("settings-save-profile", {**PROFILE_FORM, "link_sc": "javascript:alert(1)"}))
    assert "The SoundCloud link is not a web link" in page.regions["profile-feedback"]
    assert page.focused[-1] == "profile-link_sc"
    asyncio.run(app.act("settings-save-profile", PROFILE_FORM))
    assert "Nothing to save" in page.regions["profile-feedback"]
    assert [call for call in client.calls if call[0] == "update"] == []


def test_a_picked_picture_is_previewed_then_saved() -> None:
    client = FakeAccounts()
    app, page = started("#/settings", client, files=FakeFiles({"me.png": PNG}))
    asyncio.run(app.act("settings-pick-avatar", {"value": "C:\\fakepath\\me.png"}))
    assert 'src="data:image/png;base64,' in page.regions["avatar-preview"]
    assert client.calls == [("me",)]
    asyncio.run(app.act("settings-save-avatar", {}))
    assert ("avatar", "me.png", "image/png") in client.calls
    assert 'src="./openwhyd/uAvatarImg/new.png"' in page.regions["accounts"]
    assert "Your profile picture is saved." in page.regions["avatar-feedback"]


def test_a_file_that_is_no_picture_is_refused_before_sending() -> None:
    client = FakeAccounts()
    app, page = started("#/settings", client, files=FakeFiles({"notes.png": b"just text"}))
    asyncio.run(app.act("settings-save-cover", {}))
    assert "This file is no picture" in page.regions["cover-feedback"]
    assert page.focused[-1] == "cover-file"
    assert client.calls == [("me",)]


def test_a_refused_signup_points_at_the_field_the_server_names() -> None:
    client = FakeAccounts(None)
    app, page = started("#/signup", client, me=None)
    form = {"name": "Nova", "email": "test@openwhyd.org", "password": "pass"}
    asyncio.run(app.act("openwhyd-sign-up", form))
    assert "already registered" in page.regions["signup-feedback"]
    assert page.focused[-1] == "signup-email"
    assert app.state.session.openwhyd_user is None


def test_a_signup_signs_in_and_goes_home() -> None:
    app, page = started("#/signup", FakeAccounts(None), me=None)
    form = {"name": "Nova", "email": "nova@example.org", "password": "pass"}
    asyncio.run(app.act("openwhyd-sign-up", form))
    assert "Nova" in page.regions["accounts"]
    assert page.locations == ["#/"]


def test_a_forgotten_password_shows_the_servers_answer_or_refusal() -> None:
    app, page = started("#/login/forgot", FakeAccounts(None), me=None)
    asyncio.run(app.act("openwhyd-forgot-password", {"email": "nobody@example.org"}))
    assert "We don&#39;t recognize your email address!" in page.regions["forgot-feedback"]
    assert page.focused[-1] == "forgot-email"
    asyncio.run(app.act("openwhyd-forgot-password", {"email": "test@openwhyd.org"}))
    assert "We just sent you an email" in page.regions["forgot-feedback"]
    assert page.focused[-1] == "forgot-saved"


def test_the_sign_in_screen_leads_to_signing_up_and_to_a_reset() -> None:
    _, page = started("#/login", FakeAccounts(None), me=None)
    assert 'href="#/signup"' in page.regions["main"] and 'href="#/login/forgot"' in page.regions["main"]
