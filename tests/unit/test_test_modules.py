"""pytest imports test files by their base name (the test folders are not packages), so two files
of one name in different folders stop the whole run at collection: CI ran nothing."""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).parents[1]


def test_no_two_test_files_share_a_name() -> None:
    names = Counter(path.name for path in TESTS.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
