"""@mentions become profile links, and nothing else anyone typed becomes markup."""

from markupsafe import Markup

from app.ui.components.mentions import linked_mentions

UID = "000000000000000000000002"


def test_a_typed_handle_links_to_that_profile() -> None:
    assert linked_mentions("hey @dummy, listen") == (
        'hey <a class="mention" href="#/u/dummy">@dummy</a>, listen'
    )


def test_the_stored_form_links_by_id_and_shows_the_name() -> None:
    assert linked_mentions(f"for @[Dum & Co](user:{UID})!") == (
        f'for <a class="mention" href="#/u/{UID}">@Dum &amp; Co</a>!'
    )


def test_everything_is_escaped_before_linking() -> None:
    linked = linked_mentions('<script>alert(1)</script> "@admin" <img src=x onerror=@admin>')
    assert "<script>" not in linked and "<img" not in linked
    assert linked.startswith('&lt;script&gt;alert(1)&lt;/script&gt; &quot;<a class="mention"')
    assert linked.count('<a class="mention" href="#/u/admin">@admin</a>') == 2


def test_a_name_cannot_break_out_of_its_link() -> None:
    linked = linked_mentions(f'@[x" onclick="evil](user:{UID})')
    assert 'onclick="' not in linked
    assert "@x&quot; onclick=&quot;evil</a>" in linked


def test_what_is_not_a_mention_stays_text() -> None:
    for text in ("mail me at me@example.com", "@ab is too short", "@Admin is not a handle", "a @ sign"):
        assert "<a" not in linked_mentions(text), text
    assert linked_mentions("end with @admin.") == 'end with <a class="mention" href="#/u/admin">@admin</a>.'


def test_the_result_is_markup_so_templates_keep_it() -> None:
    assert isinstance(linked_mentions("plain"), Markup)
