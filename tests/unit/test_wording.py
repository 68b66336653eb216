from app.ui.core.wording import counted


def test_one_takes_the_singular_and_any_other_count_the_plural() -> None:
    assert [counted(n, "like") for n in (0, 1, 2, None)] == ["0 likes", "1 like", "2 likes", "0 likes"]
    assert counted(3, "reply", "replies") == "3 replies"
