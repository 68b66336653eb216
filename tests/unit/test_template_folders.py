"""Templates live beside the code that renders them, in several folders: a name used twice would
let one folder's template hide another's."""

from collections import Counter

from app.ui.core.templates import TEMPLATES, environment


def test_no_template_name_is_used_in_two_folders() -> None:
    names = Counter(path.name for folder in TEMPLATES for path in folder.glob("*.html"))
    assert [name for name, count in names.items() if count > 1] == []


def test_every_template_is_found_and_compiles() -> None:
    env = environment()
    found = env.list_templates()
    assert len(found) == sum(len(list(folder.glob("*.html"))) for folder in TEMPLATES) > 40
    for name in found:
        env.get_template(name)
