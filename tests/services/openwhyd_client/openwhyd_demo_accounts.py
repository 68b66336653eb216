"""The accounts of the service's demo world (server/openwhyd/demo), as the tests use them."""

ADMIN = "000000000000000000000001"
DUMMY = "000000000000000000000002"
PASSWORD = "admin"
