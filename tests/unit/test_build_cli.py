"""`build.py`'s command line: what belongs to pytest or the token tool reaches it untouched."""

from pathlib import Path

import pytest

from build import parse
from buildkit.commands import serve_settings
from server.settings import Settings, SignInLimits


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


def test_failed_sign_ins_are_two_counts_and_the_limit_can_be_turned_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    default = parse(["serve"])
    assert (default.failed_sign_ins, default.sign_in_limit) == (None, True)
    assert parse(["serve", "--failed-sign-ins", "3,10"]).failed_sign_ins == (3, 10)
    assert parse(["serve", "--no-sign-in-limit"]).sign_in_limit is False
    for wrong in ("0,5", "5", "5,x", "5,20,1", "\u0665,20"):
        with pytest.raises(SystemExit):
            parse(["serve", "--failed-sign-ins", wrong])
        assert "not two counts above 0" in capsys.readouterr().err


def test_serve_flags_make_the_settings(tmp_path: Path) -> None:
    def settings(*flags: str) -> Settings:
        return serve_settings(parse(["serve", "--data", str(tmp_path), *flags]))

    assert settings().sign_in_limits == SignInLimits() and settings().rate_limits
    assert settings("--failed-sign-ins", "3,10").sign_in_limits == SignInLimits(per_account=3, per_address=10)
    unlimited = settings("--no-rate-limits")
    assert not unlimited.rate_limits and unlimited.sign_in_limits == SignInLimits()
    assert settings("--no-sign-in-limit").sign_in_limits is None
    assert settings().heavy_files is None
    assert settings("--heavy-files", "shared").heavy_files == Path("shared").resolve()


def test_the_database_is_sqlite_in_the_data_folder_unless_a_url_names_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def settings(*flags: str) -> Settings:
        return serve_settings(parse(["serve", "--data", str(tmp_path), *flags]))

    assert settings().database_url == f"sqlite:///{tmp_path.resolve()}"
    url = "postgresql://tonearm@db.example:5432/tonearm"
    assert settings("--database", url).database_url == url
    assert settings("--database", "sqlite:////srv/tonearm").database_url == "sqlite:////srv/tonearm"
    for wrong in ("mysql://db/x", "sqlite:///", "/srv/tonearm"):
        with pytest.raises(SystemExit):
            parse(["serve", "--database", wrong])
        assert "invalid database_url value" in capsys.readouterr().err


def test_a_database_is_shared_under_several_processes_and_on_postgresql(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def settings(*flags: str) -> Settings:
        return serve_settings(parse(["serve", "--data", str(tmp_path), *flags]))

    assert not settings().shared and settings().workers == 1
    assert settings("--workers", "3").shared and settings("--workers", "3").workers == 3
    assert settings("--shared-database").shared
    assert settings("--database", "postgresql://tonearm@db.example/tonearm").shared
    for wrong in (["--workers", "0"], ["--workers", "two"], ["--workers", "2", "--test-mode"]):
        with pytest.raises(SystemExit):
            parse(["serve", *wrong])
    assert "--test-mode moves a clock each process keeps" in capsys.readouterr().err
