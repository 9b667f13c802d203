import pytest
from django.core.exceptions import ValidationError

from cenconsole.core.validators import (
    DESCRIPTION_BIDI_CONTROL,
    DESCRIPTION_CONTROL_CHARACTER,
    NAME_BIDI_CONTROL,
    NAME_CONTROL_CHARACTER,
    clean_texts,
    validate_description,
    validate_name,
)

BIDI_CONTROLS = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("control", BIDI_CONTROLS, ids=[f"U+{ord(c):04X}" for c in BIDI_CONTROLS])
def test_name_refuses_each_bidirectional_control(control):
    """Every embedding, override and isolate character is refused in a name, with code bidi_control."""
    with pytest.raises(ValidationError) as refusal:
        validate_name(f"prod{control}vpc")
    assert refusal.value.code == "bidi_control"
    assert refusal.value.messages == [NAME_BIDI_CONTROL]


def test_description_refuses_a_bidirectional_override():
    """A right-to-left override in a description is refused with the description's message."""
    with pytest.raises(ValidationError) as refusal:
        validate_description("invoice \u202egpj.exe")
    assert refusal.value.messages == [DESCRIPTION_BIDI_CONTROL]


def test_ordinary_right_to_left_text_and_marks_are_kept():
    """Arabic or Hebrew letters and the plain direction marks (U+200E/U+200F) are names like any other."""
    validate_name("شبكة \u200fשם\u200e")
    assert clean_texts(name=" שם ") == {"name": "שם"}


CONTROL_CHARACTERS = [chr(code) for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]


@pytest.mark.parametrize("control", CONTROL_CHARACTERS, ids=[f"U+{ord(c):04X}" for c in CONTROL_CHARACTERS])
def test_name_refuses_each_control_character(control):
    """Every C0 and C1 control character (and DEL) is refused in a name, with code control_character."""
    with pytest.raises(ValidationError) as refusal:
        validate_name(f"x{control}y")
    assert refusal.value.code == "control_character"
    assert refusal.value.messages == [NAME_CONTROL_CHARACTER]


@pytest.mark.parametrize("control", ["\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_description_refuses_control_characters(control):
    """A control character in a description is refused with the description's message."""
    with pytest.raises(ValidationError) as refusal:
        validate_description(f"x{control}y")
    assert refusal.value.code == "control_character"
    assert refusal.value.messages == [DESCRIPTION_CONTROL_CHARACTER]


def test_description_keeps_its_line_breaks_and_tabs():
    """The description is a text area: line breaks and tabs stay (XML carries them)."""
    validate_description("first line\r\nsecond\tline")
    assert clean_texts(description="a\nb") == {"description": "a\nb"}
