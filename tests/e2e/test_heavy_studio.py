"""The heavy studio as a user works in it: a token, patches, uploads checked before they leave,
compile results and downloads, tokens revoked."""

import io
import random
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.ui.screens.heavy.studio import REMEMBERED_TOKEN
from tests.e2e.heavy_steps import (
    FIDDLE,
    SINE,
    accounts,
    create_patch,
    heavy_sign_in,
    issue_token,
    only_refusals_logged,
    open_fresh,
    own_patch,
    pick_files,
    service_requests,
    target_row,
    zipped,
)
from tests.e2e.steps import open_location

USER = "ada"
SYNTH = Path(__file__).parent.parent / "unit" / "pd_fixtures" / "synth"
JOBS = "**/heavy/a/patches/ada/e2e-sine/jobs/"


@pytest.fixture(scope="module")
def token(live_server: str) -> str:
    return issue_token(live_server, USER)


@pytest.fixture(scope="module")
def studio(app_page: Page, live_server: str, token: str) -> Page:
    """The module's page, signed in to heavy as USER (not remembered)."""
    heavy_sign_in(app_page, token, USER)
    return app_page


@pytest.fixture(scope="module")
def scratch(live_server: str, token: str) -> str:
    """A patch of USER's with no versions, for the tests that only need one to be there."""
    return own_patch(live_server, token, "e2e-scratch")


def test_a_token_is_read_before_any_request_and_remembered_if_asked(fresh_app, live_server: str) -> None:
    page = fresh_app("#/heavy")
    with service_requests(page) as sent:
        page.get_by_label("Your heavy token").fill("not-a-token")
        page.get_by_role("button", name="Sign in").click()
        error = page.get_by_role("alert")
        expect(error).to_have_text("A heavy token has three parts separated by dots: paste all of it.")
        expect(error).to_be_focused()
        field = page.get_by_label("Your heavy token")
        expect(field).to_have_accessible_description(re.compile("three parts"))
    assert [request.url for request in sent if "authorization" in request.headers] == []

    token = issue_token(live_server, "grace")
    heavy_sign_in(page, f"\n  {token[:40]}\n{token[40:]}  \n", "grace", remember=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your patches")
    assert token not in page.url
    page.reload()
    expect(accounts(page)).to_contain_text("grace", timeout=90_000)
    assert page.evaluate("key => localStorage.getItem(key)", REMEMBERED_TOKEN) == token

    accounts(page).get_by_role("button", name="Sign out of heavy").click()
    expect(accounts(page).get_by_role("link", name="Enter token")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("grace\u2019s patches")
    assert page.evaluate("key => localStorage.getItem(key)", REMEMBERED_TOKEN) is None
    page.reload()
    expect(accounts(page).get_by_role("link", name="Enter token")).to_be_visible(timeout=90_000)


def test_signed_out_the_landing_shows_the_demo_patches(app_page: Page) -> None:
    open_location(app_page, "#/heavy")
    demo = app_page.get_by_role("region", name="Patches by demo")
    expect(demo.get_by_role("link", name="sine")).to_be_visible()
    expect(demo.get_by_role("button", name=re.compile("Delete"))).to_have_count(0)


def test_upload_a_good_version_see_its_targets_and_download_the_c_sources(studio: Page) -> None:
    create_patch(studio, "e2e-sine", description="A sine to <compile>")
    expect(studio.get_by_role("paragraph").filter(has_text="A sine to <compile>")).to_be_visible()
    expect(studio.get_by_text("No versions yet.")).to_be_visible()
    pick_files(studio, {"_main.pd": SINE, "notes.txt": b"not sent"})
    summary = studio.get_by_role("heading", name="Ready to send: 1 file")
    expect(summary).to_be_focused()
    expect(studio.get_by_role("img", name=re.compile("Pd patch _main.pd: 4 objects"))).to_be_visible()
    expect(studio.get_by_role("row", name=re.compile("freq param input 20 … 2000 440"))).to_be_visible()
    expect(studio.get_by_text("None: hvcc knows every object here.")).to_be_visible()
    newest = studio.get_by_role("group", name="Release").get_by_role("radio").first
    expect(newest).to_be_checked()  # what heavy would pick unasked: its newest dated release
    release = newest.get_attribute("value")
    assert release and release.startswith("r"), release

    held = []  # the compile request, kept waiting while the page shows its progress
    studio.route(JOBS, lambda route: held.append(route))
    studio.get_by_role("button", name="Upload and compile").click()
    expect(studio.get_by_role("status").filter(has_text="Compiling…")).to_be_visible()
    expect(studio.get_by_role("button", name="Compiling…")).to_be_disabled()
    for _ in range(500):
        if held:
            break
        studio.wait_for_timeout(20)
    assert held, "the compile request never left"
    held[0].continue_()
    studio.unroute(JOBS)

    expect(studio.get_by_role("heading", level=1)).to_have_text("e2e-sine, version 1")
    expect(studio.get_by_text("compiled", exact=True)).to_be_visible()
    c_sources = target_row(studio, "c/src")
    expect(c_sources).to_contain_text("KiB")
    expect(target_row(studio, "dpf/src")).to_contain_text("built on first download")
    with studio.expect_download() as download:
        c_sources.get_by_role("button", name="Download c/src").click()
    assert download.value.suggested_filename == "e2e-sine.1.c-src.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert {"Heavy_e2e_sine.h", "Heavy_e2e_sine.cpp"} <= set(archive.namelist())
    expect(studio.get_by_role("status").filter(has_text="Saved e2e-sine.1.c-src.zip")).to_be_visible()

    studio.get_by_role("link", name="e2e-sine").click()
    version = studio.get_by_role("row", name=re.compile("^Version 1"))
    expect(version).to_contain_text(release)
    expect(version).to_contain_text("compiled")


def test_a_bad_version_lists_hvccs_errors_with_object_file_and_position(studio: Page) -> None:
    create_patch(studio, "e2e-fiddle", private=True)
    pick_files(studio, {"_main.pd": FIDDLE})
    unsupported = studio.get_by_role("list").filter(has_text="fiddle~ in _main.pd")
    expect(unsupported).to_have_text("fiddle~ in _main.pd, at x 40, y 50")
    studio.get_by_role("button", name="Upload and compile").click()

    expect(studio.get_by_role("heading", level=1)).to_have_text("e2e-fiddle, version 1")
    errors = studio.get_by_role("region", name="Errors").get_by_role("listitem")
    expect(errors.first).to_contain_text("Objectfiddle~")
    expect(errors.first).to_contain_text("File_main.pd")
    expect(errors.first).to_contain_text("Positionx 40, y 50")
    expect(errors.first).to_contain_text('Don\'t know how to parse object "fiddle~"')
    expect(studio.get_by_text("A failed compile has nothing to download.")).to_be_visible()


def test_zips_without_main_patch_or_over_a_mebibyte_are_refused_before_any_request(
    studio: Page, scratch: str
) -> None:
    open_fresh(studio, f"#/heavy/p/{USER}/{scratch}")
    with service_requests(studio) as sent:
        pick_files(studio, {"voice.zip": zipped({"voice/voice.pd": SINE})})
        problem = studio.get_by_role("alert")
        expect(problem).to_have_text("A patch needs a _main.pd at its top level; found: voice/voice.pd.")
        expect(problem).to_be_focused()
        noise = random.Random(6).randbytes(1_200_000)
        pick_files(studio, {"big.zip": zipped({"_main.pd": SINE, "lib/noise.pd": noise})})
        expect(problem).to_contain_text("heavy accepts at most 1024 KiB")
        expect(studio.get_by_role("button", name="Upload and compile")).to_have_count(0)
    assert [request.url for request in sent if request.method == "POST"] == []


def test_a_picked_folder_is_sent_from_its_inside(studio: Page, scratch: str) -> None:
    open_fresh(studio, f"#/heavy/p/{USER}/{scratch}")
    studio.get_by_label("Or a whole folder").set_input_files(SYNTH)
    expect(studio.get_by_role("heading", name="Ready to send: 3 files")).to_be_visible()
    expect(studio.locator(".file-list")).to_contain_text("lib/voice.pd")


def test_a_release_about_to_expire_warns_and_expired_ones_are_not_offered(
    fresh_app, live_server: str
) -> None:
    catalogue = {
        "r2016.11": {"releaseDate": "2016-11-01", "validUntil": "2017-05-31"},
        "r-soon": {"releaseDate": "2199-06-01", "validUntil": "2199-12-01"},
        "r-later": {"releaseDate": "2199-11-01", "validUntil": "2200-11-30"},
        "dev": {"releaseDate": "2026-11-23", "validUntil": "9999-12-31"},
    }
    # far enough ahead that every token the service issues is already valid on the page's clock
    page = fresh_app("#/about", at=datetime(2199, 11, 20, 12, tzinfo=UTC))
    page.route("**/heavy/a/releases/", lambda route: route.fulfill(json=catalogue))
    heavy_sign_in(page, issue_token(live_server, "demo"), "demo")
    open_fresh(page, "#/heavy/p/demo/sine")
    releases = page.get_by_role("group", name="Release").get_by_role("radio")
    expect(releases).to_have_count(3)
    expect(page.get_by_label("r-later")).to_be_checked()
    warning = page.get_by_text("r-soon expires in 11 days, on 2199-12-01")
    expect(warning).to_be_hidden()
    page.get_by_label("r-soon").check()
    expect(warning).to_be_visible()
    expect(page.get_by_label("r-soon")).to_have_accessible_description(re.compile("after that heavy"))


def test_targets_come_by_platform_and_what_cannot_be_built_folds_away_with_why(studio: Page) -> None:
    open_location(studio, "#/heavy/p/demo/sine/1")
    targets = studio.get_by_role("table")
    expect(targets.get_by_role("rowheader", name="Sources", exact=True)).to_be_visible()
    expect(targets.get_by_role("rowheader", name="Web", exact=True)).to_be_visible()
    sources = studio.get_by_role("row", name="pd (the patch's .pd files)")
    expect(sources).to_be_visible()
    expect(target_row(studio, "fabric/src")).to_have_count(0)
    folded = studio.get_by_text(re.compile(r"^\d+ more targets are not available here \(why\)$"))
    reason = studio.get_by_text("Tazman Audio's Fabric, discontinued", exact=False).first
    expect(reason).to_be_hidden()
    with service_requests(studio) as sent:
        folded.click()
        expect(reason).to_be_visible()
    assert sent == [], "the reasons came with the version"
    expect(studio.get_by_role("listitem").filter(has_text="fabric/src")).to_contain_text(
        "cannot be built on this server: it needs Tazman Audio's Fabric"
    )
    with studio.expect_download() as download:
        sources.get_by_role("button", name="Download pd").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert download.value.suggested_filename == "sine.1.pd.zip" and archive.namelist() == ["_main.pd"]


def test_deleting_a_patch_asks_first(studio: Page, scratch: str) -> None:
    create_patch(studio, "e2e-doomed")
    open_location(studio, "#/heavy")
    item = studio.get_by_role("listitem").filter(has=studio.get_by_role("link", name="e2e-doomed"))
    item.get_by_text("Delete e2e-doomed", exact=True).click()
    expect(item).to_contain_text("Delete e2e-doomed and all its versions? This cannot be undone.")
    item.get_by_role("button", name="Yes, delete e2e-doomed").click()
    expect(studio.get_by_role("link", name="e2e-doomed")).to_have_count(0)
    expect(studio.get_by_role("link", name=scratch)).to_be_visible()


@pytest.mark.expect_page_errors  # the refused requests are HTTP 401s, which the console reports
def test_a_new_token_shows_once_and_a_revoked_one_is_refused(studio: Page, scratch: str) -> None:
    studio.get_by_role("link", name="Manage your tokens").click()
    studio.get_by_label("Label", exact=True).fill("laptop")
    studio.get_by_role("button", name="Create token").click()
    value = studio.get_by_label("Copy it now: it is not shown again")
    expect(value).to_be_focused()
    expect(value).to_have_attribute("readonly", "")
    assert value.input_value().count(".") == 2
    expect(studio.get_by_role("listitem").filter(has_text="laptop")).to_be_visible()

    open_location(studio, "#/heavy")
    studio.get_by_role("link", name="Manage your tokens").click()
    expect(studio.get_by_label("Copy it now: it is not shown again")).to_have_count(0)
    in_use = studio.get_by_role("listitem").filter(has_text="in use here")
    in_use.get_by_text("Revoke e2e").click()
    expect(in_use).to_contain_text("You are signed in here with it")
    with only_refusals_logged(studio):
        in_use.get_by_role("button", name="Yes, revoke it").click()
        expect(studio.get_by_role("alert")).to_contain_text(
            "The user token has been revoked. Sign out of heavy, then sign in with a token that works."
        )
        open_fresh(studio, f"#/heavy/p/{USER}/{scratch}")
        expect(studio.get_by_role("alert")).to_contain_text("The user token has been revoked.")
