"""Every route of the service, below its mount prefix; a trailing slash is optional on each."""

from starlette.routing import Route

from server.calls import on_loop
from server.heavy.routes import downloads, jobs, pages, patches, status, testing, users
from server.heavy.web import compiling, endpoint

PATCH = "/a/patches/{owner}/{patch}"

ROUTES = [
    Route("/a/pingdb", endpoint(status.pingdb)),
    Route("/a/releases", endpoint(status.release_list, on_loop)),
    Route("/a/users/{user}", endpoint(users.profile)),
    Route("/a/users/{user}/tokens", endpoint(users.token_list)),
    Route("/a/users/{user}/tokens", endpoint(users.token_create), methods=["POST"]),
    Route("/a/users/{user}/tokens/{token_id}", endpoint(users.token_revoke), methods=["DELETE"]),
    Route("/a/patches", endpoint(patches.create, patches.creating), methods=["POST"]),
    Route(PATCH, endpoint(patches.show)),
    Route(PATCH, endpoint(patches.update), methods=["PATCH"]),
    Route(PATCH, endpoint(patches.delete), methods=["DELETE"]),
    Route(f"{PATCH}/jobs", endpoint(patches.job_list)),
    Route(f"{PATCH}/jobs", endpoint(jobs.submit, compiling), methods=["POST"]),
    Route("/a/jobs/{owner}/{patch}/{version}", endpoint(jobs.show)),
    Route("/h/{user}", endpoint(pages.user_page)),
    Route("/h/{owner}/{patch}", endpoint(pages.patch_page)),
    Route("/h/{owner}/{patch}/{version}", endpoint(pages.job_page)),
    Route("/h/{owner}/{patch}/{version}/pd/archive.zip", endpoint(downloads.sources)),
    Route("/h/{owner}/{patch}/{version}/{target:path}/archive.zip", endpoint(downloads.archive, compiling)),
    Route("/h/{owner}/{patch}/{version}/web/local/{file}", endpoint(downloads.web_player, compiling)),
]
"""Controllers that may wait for a compile (a new version, a target built on first request) run
on the compile queue; the others, which read and write a few rows, on a worker thread, and those
that touch no database on the loop."""

TEST_ROUTES = [
    Route("/test/tokens", endpoint(testing.issue_token), methods=["POST"]),
    Route("/test/clock", endpoint(testing.move_clock, on_loop), methods=["POST"]),
]
