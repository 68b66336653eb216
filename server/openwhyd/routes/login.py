"""Login, logout, signup and consent (reference §2): the `whydSid` session's whole life."""

from typing import Any
from urllib.parse import urlsplit

from starlette.responses import Response

from server.openwhyd import credentials, html, names, notifications, views
from server.openwhyd.pages.markup import iso
from server.openwhyd.params import safe_path, text, truthy
from server.openwhyd.responses import dumps, forbidden, html_response, json_response, redirect, too_many
from server.openwhyd.store import follows, sessions, users
from server.openwhyd.web import Call

UNKNOWN_EMAIL = "Are you sure? We don't recognize your email address!"
WRONG_PASSWORD = "Your password seems wrong... Try again!"
NO_PASSWORD = "Please enter your password below:"
FORGOT_SENT = "We just sent you an email to reset your password, wait for it!"
UNSAFE_REDIRECT = "Unsafe redirect target"
BLANK_USER_IMG = "/images/blank_user.gif"


def _ajax_reply(form: dict[str, Any], data: dict[str, Any]) -> Response:
    """JSON, or the same JSON inside a textarea for `ajax=iframe` uploads of old."""
    if form.get("ajax") == "iframe":
        return html_response(f"<html><body><textarea>{dumps(data)}</textarea></body></html>")
    return json_response(data)


def _logged_in(call: Call, uid: str, response: Response) -> Response:
    """Start a session for `uid` and hand its cookie to the browser."""
    with call.service.store.write() as db:
        sid = sessions.create(db, uid, call.now)
    cookie = credentials.set_cookie_header(call.service.session_secret, sid, call.now)
    response.headers.append("Set-Cookie", cookie)
    return response


def _with_user(
    call: Call, form: dict[str, Any], data: dict[str, Any], user: dict[str, Any]
) -> dict[str, Any]:
    """A success answer, with the user's document when `includeUser` asks for it."""
    if truthy(form.get("includeUser")):
        return {**data, "user": views.account(call.db, user)}
    return data


def _redirect_target(call: Call, value: Any) -> str | None:
    """Where `redirect` leads if it is inside this service, else None: a rooted path (under the
    root), or an absolute URL of this host (http or https) under the root, kept as given."""
    url = urlsplit(value) if isinstance(value, str) else None
    if url is None or not (url.scheme or url.netloc):
        path = safe_path(value)
        return call.root + path if path else None
    if url.scheme not in ("http", "https") or url.netloc != call.headers.get("host"):
        return None
    inside = url.path == call.root or url.path.startswith(call.root + "/")
    rest = value.split(url.netloc, 1)[1]
    return value if inside and safe_path(rest or "/") else None


def _absolute(call: Call, location: str) -> str:
    return location if location.startswith(("http://", "https://")) else call.origin + location


def login(call: Call) -> Response:
    """`/login`: log in by email or handle with `md5` or `password`; also `forgot` and `logout`.

    Failures answer 200 with the form echoed back (minus any plain password) and `error`. Past the
    failed sign-ins allowed for the address or the account (`SignInLimits`), a sign-in is answered
    429 as the real server answers its limits, before any password is checked.
    """
    form = dict(call.query if call.method == "GET" else call.body)
    echo = {key: value for key, value in form.items() if key != "password"}
    ajax = truthy(form.get("ajax"))

    def answer(data: dict[str, Any], page: str) -> Response:
        return _ajax_reply(form, data) if ajax else html_response(page)

    def fail(error: str, **extra: Any) -> Response:
        return answer({**echo, **extra, "error": error}, html.login(call.root, error))

    if form.get("action") == "logout":
        if call.session_id:
            with call.service.store.write() as db:
                sessions.destroy(db, call.session_id)
        return answer(echo, html.login(call.root))
    email = (text(form.get("email")) or "").strip().lower()
    if not email:
        return answer(echo, html.login(call.root))
    sign_ins = call.service.sign_ins
    if refused := sign_ins.refusal(call.peer):
        return too_many("login ", refused.headers())
    user = users.by_email(call.db, email) if "@" in email else users.by_handle(call.db, email)
    if user is None:
        sign_ins.failed(call.peer)
        return fail(UNKNOWN_EMAIL)
    if form.get("action") == "forgot":
        return answer({**echo, "ok": FORGOT_SENT}, html.message("Password reset", FORGOT_SENT))
    md5 = text(form.get("md5")) or (credentials.md5(form["password"]) if text(form.get("password")) else None)
    if not md5:
        return fail(NO_PASSWORD)
    if refused := sign_ins.refusal(call.peer, user["_id"]):
        return too_many("login ", refused.headers())
    if not credentials.check_password(md5, users.password(call.db, user["_id"])):
        sign_ins.failed(call.peer, user["_id"])
        return fail(WRONG_PASSWORD, wrongPassword=1)
    sign_ins.succeeded(user["_id"])
    given = form.get("redirect")
    target = _redirect_target(call, given) if truthy(given) else call.root + "/"
    if target is None:
        return fail(UNSAFE_REDIRECT)
    if ajax:
        response = _ajax_reply(form, _with_user(call, form, {"redirect": given or "/"}, user))
    else:
        response = html_response(html.redirecting(_absolute(call, target)))
    return _logged_in(call, user["_id"], response)


def logout_page(call: Call) -> Response:
    """`GET /logout`: a page that moves on to `/login?action=logout` (no HTTP redirect)."""
    return html_response(html.logout(call.root))


def signup_token(call: Call) -> Response:
    """`GET /api/signup/rTk/7`: a script carrying the `sTk` token `/register` requires (any other
    number gets a token that will not pass)."""
    secret = call.service.signup_secret
    if call.path["n"] != "7":
        secret += "-decoy"
    token = credentials.signup_token(secret, call.client_ip, call.now)
    script = f'$(function(){{$("form").append(\'<input type="hidden" name="sTk" value="{token}" />\');}});'
    return Response(script, media_type="text/javascript; charset=utf-8")


def _signup_error(call: Call, form: dict[str, Any]) -> str | None:
    token = text(form.get("sTk"))
    if not token:
        return "Invalid sTk"
    if not credentials.genuine_signup(call.service.signup_secret, call.client_ip, token, call.now):
        return "Non genuine signup request"
    if not (text(form.get("name")) or "").strip():
        return "Please enter your name"
    password = text(form.get("password"))
    if not password:
        return "Please enter a password"
    email = (text(form.get("email")) or "").strip().lower()
    if not email:
        return "Please enter your email"
    if not names.valid_email(email):
        return "This email address is invalid"
    if users.by_email(call.db, email):
        return "This email address is already registered on whyd"
    if not 4 <= len(password) <= 32:
        return "Your password must be between 4 and 32 characters"
    if password == "password":
        return "Please choose another password"
    return None


def register(call: Call) -> Response:
    """`/register`: GET shows the page; POST creates the account and logs it in."""
    if call.method != "POST":
        return html_response(html.register(call.root))
    form = call.body
    ajax = truthy(form.get("ajax"))
    password = text(form.get("password"))
    stored = credentials.hash_password(credentials.md5(password)) if password else None
    with call.service.store.write() as db:  # no hashing inside: other writers wait for this one
        error = _signup_error(call, form)
        if error:
            return json_response({"error": error}) if ajax else html_response(html.register(call.root, error))
        name = form["name"].strip()
        doc = {
            "name": name,
            "email": form["email"].strip().lower(),
            "img": BLANK_USER_IMG,
            "n": names.normalise(name),
        }
        doc.update((key, form[key]) for key in ("iBy", "iPo", "iRf", "iPg") if text(form.get(key)))
        uid = users.insert(db, doc, stored, call.now)
        inviter = users.find(db, doc.get("iBy"))
        if inviter and inviter["_id"] != uid:
            follows.follow(
                db, {"uId": uid, "uNm": name, "tId": inviter["_id"], "tNm": inviter.get("name")}, call.now
            )
            follows.follow(
                db, {"uId": inviter["_id"], "uNm": inviter.get("name"), "tId": uid, "tNm": name}, call.now
            )
            notifications.invite_accepted(db, inviter["_id"], {"_id": uid, "name": name}, call.now)
        user = users.existing(db, uid)
    if not ajax:
        return _logged_in(call, uid, html_response(html.redirecting(_absolute(call, call.root + "/"))))
    data = _with_user(call, form, {"redirect": "/", "uId": uid}, user)
    return _logged_in(call, uid, json_response(data))


def consent(call: Call) -> Response:
    """`POST /consent`: record the user's consent, then 302 to a same-site `redirect` (a path, or an
    absolute URL of this service as given) or 403."""
    lang = text(call.body.get("lang"))
    if call.uid and lang in ("en", "fr"):
        with call.service.store.write() as db:
            users.update(db, call.uid, {"consent": {"lang": lang, "date": iso(call.now)}})
    target = _redirect_target(call, call.body.get("redirect"))
    return redirect(target, 302) if target else forbidden()
