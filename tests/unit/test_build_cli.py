"""`build.py`'s command line: what belongs to pytest or the token tool reaches it untouched."""

import pytest

from build import parse


def test_extra_test_arguments_go_to_pytest_in_order() -> None:
    args = parse(["test", "tests/unit", "-k", "router", "-x"])
    assert (args.command, args.passed_on) == ("test", ["tests/unit", "-k", "router", "-x"])


def test_help_after_heavy_token_is_the_token_tools_own() -> None:
    args = parse(["heavy-token", "--help"])
    assert (args.command, args.passed_on) == ("heavy-token", ["--help"])


def test_other_commands_refuse_arguments_they_do_not_know(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse(["serve", "--colour"])
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_no_command_builds() -> None:
    assert parse([]).command == "build"
