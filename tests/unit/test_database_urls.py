"""A database URL as logs and terminals show it: never with its password."""

import pytest

from server.database.urls import database_url, shown


@pytest.mark.parametrize(
    ("url", "printed"),
    [
        (
            "postgresql://tonearm:s3cr%40t@db.example:5432/tonearm?sslmode=require",
            "postgresql://tonearm:***@db.example:5432/tonearm?sslmode=require",
        ),
        (
            "postgresql://tonearm@db/t?password=x&sslmode=require",
            "postgresql://tonearm@db/t?password=***&sslmode=require",
        ),
        ("postgresql://:pw@[::1]:5432/d", "postgresql://:***@[::1]:5432/d"),
        ("postgres://tonearm@db/t", "postgres://tonearm@db/t"),
        ("sqlite:///srv/tonearm", "sqlite:///srv/tonearm"),
    ],
)
def test_the_password_is_hidden_and_the_rest_kept(url: str, printed: str) -> None:
    assert shown(url) == printed


def test_a_url_that_names_no_engine_is_refused_without_its_password() -> None:
    with pytest.raises(ValueError) as refused:
        database_url("postgresq://tonearm:s3cret@db/t")
    assert "s3cret" not in str(refused.value) and "postgresq://tonearm:***@db/t" in str(refused.value)
