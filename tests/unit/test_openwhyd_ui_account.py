"""The account screens against the client over canned answers and a fake page: what is sent, what
the header shows while and after, where messages go and where focus goes."""

import asyncio

from canned import OpenwhydAnswers
from fake_page import FakePage
from fake_ports import FakeFiles, fake_ports
from ui_state import app_state

from app.api.transport import Request, Response
from app.openwhyd.models import User
from app.ui.core.app import App
from app.ui.core.state import Services

DUMMY_JSON = {
    "_id": "000000000000000000000002",
    "name": "dummy",
    "handle": "dummy",
    "email": "dummy@openwhyd.org",
    "img": "/images/blank_user.gif",
    "bio": "<script>x</script>",
    "lnk": {"home": "https://d.example"},
}
DUMMY = User.from_json(DUMMY_JSON)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(20)
PROFILE_FORM = {
    "name": "dummy",
    "handle": "dummy",
    "bio": DUMMY.bio,
    "location": "",
    "link_home": "https://d.example",
}
ME = ("GET /api/user", {"includeSubscr": "true"})
"""How the screens ask who is signed in."""


class Accounts(OpenwhydAnswers):
    """The account routes, answered like the service from one user's document, which the changes
    sent apply to."""

    def __init__(self, user: dict | None = DUMMY_JSON) -> None:
        self.user = dict(user) if user else None
        self.page: FakePage | None = None
        self.headers_seen: list[str] = []  # the header while a change was on its way
        super().__init__(
            {
                "GET /api/user": lambda request: self.user or {"error": "user not logged in"},
                "POST /api/user": self.update,
                "POST /upload": {"file": {"path": "/uAvatarImg/new.png", "mime": "image/png"}},
                "GET /api/signup/rTk/7": Response(200, b'<input type="hidden" value="t0k" name="sTk">'),
                "POST /register": self.register,
                "POST /login forgot": self.forgot,
            }
        )

    def update(self, request: Request) -> dict:
        if self.page:
            self.headers_seen.append(self.page.regions.get("accounts", ""))
        if request.json.get("handle") == "adrien":
            return {"error": "This username is already taken"}
        for field, value in request.json.items():
            if field.startswith("lnk_"):
                self.user["lnk"] = {**self.user.get("lnk", {}), field.removeprefix("lnk_"): value}
            else:
                self.user[field] = value
        return self.user

    def register(self, request: Request) -> dict:
        if request.json["email"] == "test@openwhyd.org":
            return {"error": "This email address is already registered on whyd"}
        self.user = {
            "_id": "000000000000000000000009",
            "name": request.json["name"],
            "email": request.json["email"],
        }
        return {"redirect": "/", "uId": self.user["_id"], "user": self.user}

    def forgot(self, request: Request) -> dict:
        if request.json["email"] != "test@openwhyd.org":
            return {"error": "Are you sure? We don't recognize your email address!"}
        return {"ok": "We just sent you an email to reset your password, wait for it!"}


def started(
    location: str, service: Accounts, me: User | None = DUMMY, files: FakeFiles | None = None
) -> tuple[App, FakePage]:
    page = FakePage()
    service.page = page
    state = app_state(services=Services(service.client, None))
    state.session.openwhyd_user = me
    app = App(fake_ports(page, files=files or FakeFiles()), state)
    app.mount()
    asyncio.run(app.show(location, focus=False))
    return app, page


def test_signed_out_visitors_are_asked_to_sign_in_and_brought_back() -> None:
    service = Accounts(None)
    _, page = started("#/settings", service, me=None)
    assert 'href="#/login?next=%23%2Fsettings"' in page.regions["main"]
    assert service.requests == []


def test_settings_show_the_profile_escaped_and_the_header_links_to_them() -> None:
    _, page = started("#/settings", Accounts())
    main = page.regions["main"]
    assert "&lt;script&gt;x&lt;/script&gt;" in main and "<script>" not in main
    assert 'value="https://d.example"' in main and 'value="dummy@openwhyd.org"' in main
    assert 'href="#/settings"' in page.regions["accounts"]
    assert 'src="./openwhyd/images/blank_user.gif"' in page.regions["accounts"]


def test_a_refused_handle_shows_in_the_header_meanwhile_then_is_rolled_back() -> None:
    service = Accounts()
    app, page = started("#/settings", service)
    asyncio.run(app.act("settings-save-profile", {**PROFILE_FORM, "name": "Someone", "handle": "adrien"}))
    # the name waited for the handle
    assert service.sent(None)[1:] == [("POST /api/user", {"handle": "adrien"}), ME]
    assert "Someone" in service.headers_seen[0]
    assert "Someone" not in page.regions["accounts"] and "dummy" in page.regions["accounts"]
    assert "This username is already taken" in page.regions["profile-feedback"]
    assert page.focused[-1] == "profile-handle"


def test_a_saved_profile_shows_the_servers_copy_and_says_so() -> None:
    service = Accounts()
    app, page = started("#/settings", service)
    form = {**PROFILE_FORM, "name": "Dummy Two", "link_fb": "fb.example/d"}
    asyncio.run(app.act("settings-save-profile", form))
    assert ("POST /api/user", {"name": "Dummy Two", "lnk_fb": "https://fb.example/d"}) in service.sent()
    assert app.state.session.openwhyd_user.name == "Dummy Two" and "Dummy Two" in page.regions["accounts"]
    assert 'value="https://fb.example/d"' in page.regions["main"]
    assert "Your profile is saved." in page.regions["profile-feedback"]
    assert page.focused[-1] == "profile-saved"


def test_a_bad_link_or_an_unchanged_profile_sends_nothing() -> None:
    service = Accounts()
    app, page = started("#/settings", service)
    asyncio.run(app.act("settings-save-profile", {**PROFILE_FORM, "link_sc": "javascript:alert(1)"}))
    assert "The SoundCloud link is not a web link" in page.regions["profile-feedback"]
    assert page.focused[-1] == "profile-link_sc"
    asyncio.run(app.act("settings-save-profile", PROFILE_FORM))
    assert "Nothing to save" in page.regions["profile-feedback"]
    assert service.sent() == []


def test_a_picked_picture_is_previewed_then_saved() -> None:
    service = Accounts()
    app, page = started("#/settings", service, files=FakeFiles({"me.png": PNG}))
    asyncio.run(app.act("settings-pick-avatar", {"value": "C:\\fakepath\\me.png"}))
    assert 'src="data:image/png;base64,' in page.regions["avatar-preview"]
    assert service.sent(None) == [ME]
    asyncio.run(app.act("settings-save-avatar", {}))
    assert ("POST /upload", {"thumbDims": "180x", "file": ("me.png", "image/png")}) in service.sent()
    assert 'src="./openwhyd/uAvatarImg/new.png"' in page.regions["accounts"]
    assert "Your profile picture is saved." in page.regions["avatar-feedback"]


def test_a_file_that_is_no_picture_is_refused_before_sending() -> None:
    service = Accounts()
    app, page = started("#/settings", service, files=FakeFiles({"notes.png": b"just text"}))
    asyncio.run(app.act("settings-save-cover", {}))
    assert "This file is no picture" in page.regions["cover-feedback"]
    assert page.focused[-1] == "cover-file"
    assert service.sent(None) == [ME]


def test_a_refused_signup_points_at_the_field_the_server_names() -> None:
    service = Accounts(None)
    app, page = started("#/signup", service, me=None)
    form = {"name": "Nova", "email": "test@openwhyd.org", "password": "pass"}
    asyncio.run(app.act("openwhyd-sign-up", form))
    assert "already registered" in page.regions["signup-feedback"]
    assert page.focused[-1] == "signup-email"
    assert app.state.session.openwhyd_user is None


def test_a_signup_signs_in_and_goes_home() -> None:
    app, page = started("#/signup", Accounts(None), me=None)
    form = {"name": "Nova", "email": "nova@example.org", "password": "pass"}
    asyncio.run(app.act("openwhyd-sign-up", form))
    assert "Nova" in page.regions["accounts"]
    assert page.locations == ["#/"]


def test_a_forgotten_password_shows_the_servers_answer_or_refusal() -> None:
    app, page = started("#/login/forgot", Accounts(None), me=None)
    asyncio.run(app.act("openwhyd-forgot-password", {"email": "nobody@example.org"}))
    assert "We don&#39;t recognize your email address!" in page.regions["forgot-feedback"]
    assert page.focused[-1] == "forgot-email"
    asyncio.run(app.act("openwhyd-forgot-password", {"email": "test@openwhyd.org"}))
    assert "We just sent you an email" in page.regions["forgot-feedback"]
    assert page.focused[-1] == "forgot-saved"


def test_the_sign_in_screen_leads_to_signing_up_and_to_a_reset() -> None:
    _, page = started("#/login", Accounts(None), me=None)
    assert 'href="#/signup"' in page.regions["main"] and 'href="#/login/forgot"' in page.regions["main"]
