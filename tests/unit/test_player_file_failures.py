"""Why an audio file could not play, in the words the player bar shows and the play log keeps."""

from app.player.events import Failure
from app.player.file_failures import media_failure, server_failure


def test_a_missing_file_is_said_to_be_missing_with_the_servers_answer() -> None:
    assert server_failure(404) == Failure(404, "fi", "the file is missing (its server answered 404)")
    assert server_failure(410).message == "the file is missing (its server answered 410)"


def test_a_refusal_or_a_server_error_says_so() -> None:
    assert server_failure(403).message == "the file's server does not let it be played here (it answered 403)"
    assert server_failure(503).message == "the file's server could not send it (it answered 503)"


def test_a_file_the_server_has_leaves_the_media_elements_reason() -> None:
    assert server_failure(200) is None and server_failure(None) is None
    assert media_failure(4) == Failure(4, "fi", "this browser cannot play the file")
    assert media_failure(9).message == "the file could not be played"
