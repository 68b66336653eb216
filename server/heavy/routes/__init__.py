"""Every route of the service, below its mount prefix; a trailing slash is optional on each."""

from starlette.routing import Route

from server.heavy.routes import downloads, jobs, patches, status, testing, users

PATCH = "/a/patches/{owner}/{patch}"

ROUTES = [
    Route("/a/pingdb", status.pingdb),
    Route("/a/releases", status.release_list),
    Route("/a/users/{user}", users.profile),
    Route("/a/users/{user}/tokens", users.token_list),
    Route("/a/users/{user}/tokens", users.token_create, methods=["POST"]),
    Route("/a/users/{user}/tokens/{token_id}", users.token_revoke, methods=["DELETE"]),
    Route("/a/patches", patches.create, methods=["POST"]),
    Route(PATCH, patches.show),
    Route(PATCH, patches.delete, methods=["DELETE"]),
    Route(f"{PATCH}/jobs", patches.job_list),
    Route(f"{PATCH}/jobs", jobs.submit, methods=["POST"]),
    Route("/a/jobs/{owner}/{patch}/{version}", jobs.show),
    Route("/h/{owner}/{patch}/{version}/{target:path}/archive.zip", downloads.archive),
    Route("/h/{owner}/{patch}/{version}/web/local/{file}", downloads.web_player),
]

TEST_ROUTES = [
    Route("/test/tokens", testing.issue_token, methods=["POST"]),
    Route("/test/clock", testing.move_clock, methods=["POST"]),
]
