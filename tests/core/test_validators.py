import pytest
from django.core.exceptions import ValidationError

from cenconsole.core.validators import (
    DESCRIPTION_BIDI_CONTROL,
    NAME_BIDI_CONTROL,
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
