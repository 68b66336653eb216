"""What the heavy studio's tests do on the way to what they check, written once."""

import io
import json
import re
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import ConsoleMessage, Error, Locator, Page, Request, expect

from tests.e2e.steps import open_location

SINE = b"""#N canvas 0 0 450 300 12;
#X obj 30 30 r freq @hv_param 20 2000 440;
#X obj 30 60 osc~ 440;
#X obj 30 90 *~ 0.1;
#X obj 30 120 dac~;
#X connect 0 0 1 0;
#X connect 1 0 2 0;
#X connect 2 0 3 0;
#X connect 2 0 3 1;
"""
FIDDLE = b"""#N canvas 0 0 450 300 12;
#X obj 40 50 fiddle~;
#X obj 40 90 dac~;
#X connect 0 0 1 0;
"""

REFUSAL_LOG = re.compile(r"^Failed to load resource: the server responded with a status of [45]\d\d ")


def issue_token(base_url: str, name: str, label: str = "e2e") -> str:
    """A fresh token for `name` from the service's test-mode route (the user is made if new)."""
    form = f"name={name}&label={label}".encode()
    request = urllib.request.Request(f"{base_url}/heavy/test/tokens", data=form)
    with urllib.request.urlopen(request) as response:
        return json.load(response)["data"]["attributes"]["token"]


def own_patch(base_url: str, token: str, name: str) -> str:
    """A public patch of the token's user, made through the service (not the page), so a test that
    needs one does not depend on another test having made it; returns its name."""
    form = f"patch_name={name}&public=true".encode()
    request = urllib.request.Request(
        f"{base_url}/heavy/a/patches/", data=form, headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.status in (200, 201)
    return name


def accounts(page: Page):
    return page.get_by_role("list", name="Accounts")


def heavy_sign_in(page: Page, token: str, name: str, *, remember: bool = False) -> None:
    open_location(page, "#/heavy")
    page.get_by_label("Your heavy token").fill(token)
    page.get_by_label("Remember me on this device").set_checked(remember)
    page.get_by_role("button", name="Sign in").click()
    expect(accounts(page)).to_contain_text(name)


def open_fresh(page: Page, location: str) -> None:
    """Go to `location` by way of a screen with no controls, so that what the next step finds is the
    new screen's, even if the one before showed the same form."""
    open_location(page, "#/about")
    expect(page.get_by_role("heading", level=1)).to_have_text("About Tonearm")
    open_location(page, location)


def create_patch(page: Page, name: str, *, private: bool = False, description: str = "") -> None:
    """From the signed-in user's landing, to the new patch's page."""
    open_fresh(page, "#/heavy")
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Only you" if private else "Anyone").check()
    page.get_by_label("Description").fill(description)
    page.get_by_role("button", name="Create patch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{name} private" if private else name)


def pick_files(page: Page, files: dict[str, bytes]) -> None:
    """Choose in-memory files in the upload box's file picker."""
    payloads = [
        {"name": name, "mimeType": "application/octet-stream", "buffer": content}
        for name, content in files.items()
    ]
    page.get_by_label("Files or a .zip").set_input_files(payloads)


def target_row(page: Page, generator: str) -> Locator:
    """The row of the targets table for `generator` (`c/src`, not `fabric/src`)."""
    return page.get_by_role("row", name=re.compile("^" + re.escape(generator).replace("/", r"\/")))


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    return buffer.getvalue()


@contextmanager
def service_requests(page: Page) -> Iterator[list[Request]]:
    """Each request the page sends to the heavy service inside the block."""
    seen: list[Request] = []

    def record(request: Request) -> None:
        if "/heavy/" in request.url:
            seen.append(request)

    page.on("request", record)
    try:
        yield seen
    finally:
        page.remove_listener("request", record)


@contextmanager
def only_refusals_logged(page: Page) -> Iterator[None]:
    """For tests marked `expect_page_errors` because the service refuses on purpose: inside the
    block the console may report those HTTP errors, and nothing else may go wrong."""
    problems: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error" and not REFUSAL_LOG.match(message.text):
            problems.append(message.text)

    def crashed(error: Error) -> None:
        problems.append(str(error))

    page.on("console", console)
    page.on("pageerror", crashed)
    try:
        yield
    finally:
        page.remove_listener("console", console)
        page.remove_listener("pageerror", crashed)
    assert problems == []
    assert page.locator(".py-error").count() == 0
