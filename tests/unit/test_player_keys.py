"""Keyboard shortcuts: what each key does, and when a key is left to the page."""

import pytest

from app.player.keys import SHORTCUTS, Command, command_for


@pytest.mark.parametrize(
    ("key", "command"),
    [
        (" ", Command.TOGGLE_PLAY),
        ("ArrowLeft", Command.SEEK_BACK),
        ("ArrowRight", Command.SEEK_FORWARD),
        ("ArrowUp", Command.VOLUME_UP),
        ("ArrowDown", Command.VOLUME_DOWN),
        ("n", Command.NEXT),
        ("p", Command.PREVIOUS),
        ("s", Command.SHUFFLE),
        ("r", Command.REPEAT),
        ("m", Command.MUTE),
        ("?", Command.HELP),
    ],
)
def test_each_key_has_its_command(key: str, command: Command) -> None:
    assert command_for(key, "BODY") is command


def test_letters_work_with_shift_or_caps_lock() -> None:
    assert command_for("N", "body") is Command.NEXT


@pytest.mark.parametrize("key", ["x", "Enter", "Escape", "F5", ""])
def test_other_keys_are_left_alone(key: str) -> None:
    assert command_for(key, "BODY") is None


@pytest.mark.parametrize("tag", ["INPUT", "textarea", "SELECT"])
def test_keys_typed_into_form_fields_are_typing(tag: str) -> None:
    assert command_for("n", tag) is None
    assert command_for(" ", tag) is None
    assert command_for("ArrowLeft", tag) is None


def test_keys_in_editable_text_are_typing() -> None:
    assert command_for("m", "DIV", editable=True) is None


@pytest.mark.parametrize("modifier", ["ctrl", "alt", "meta"])
def test_keys_with_modifiers_belong_to_the_browser(modifier: str) -> None:
    assert command_for("r", "BODY", **{modifier: True}) is None


def test_space_on_a_button_presses_the_button_but_other_keys_still_work() -> None:
    assert command_for(" ", "BUTTON") is None
    assert command_for("n", "BUTTON") is Command.NEXT


def test_holding_a_key_repeats_seeking_and_volume_but_not_toggles_or_skips() -> None:
    assert command_for("ArrowRight", "BODY", held=True) is Command.SEEK_FORWARD
    assert command_for("ArrowDown", "BODY", held=True) is Command.VOLUME_DOWN
    assert command_for(" ", "BODY", held=True) is None
    assert command_for("n", "BODY", held=True) is None


def test_the_help_dialog_lists_every_command_once_with_a_label_and_a_description() -> None:
    assert sorted(shortcut.command for shortcut in SHORTCUTS) == sorted(Command)
    assert all(shortcut.label and shortcut.description for shortcut in SHORTCUTS)
    assert [s.description for s in SHORTCUTS[1:3]] == ["Back 5 seconds", "Forward 5 seconds"]


def test_every_shortcut_names_an_action_of_the_player_bar() -> None:
    from app.ui.components.player_bar import PLAYER_ACTIONS, shortcut_action

    for shortcut in SHORTCUTS:
        assert shortcut_action(shortcut.key, "BODY") in PLAYER_ACTIONS, shortcut
    assert shortcut_action("n", "INPUT") is None
