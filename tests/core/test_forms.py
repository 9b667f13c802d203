import pytest
from django.core.exceptions import ValidationError

from cenconsole.core.forms import ASCII_DIGITS_ONLY, AsciiIntegerField


@pytest.mark.parametrize("value", ["٣", "３", "𝟑", "1٠", "३"])
def test_ascii_integer_field_refuses_other_scripts_digits(value):
    """Digits of other scripts (Arabic-Indic, fullwidth, mathematical, Devanagari) are refused, not read."""
    with pytest.raises(ValidationError) as refused:
        AsciiIntegerField().clean(value)
    assert refused.value.messages == [str(ASCII_DIGITS_ONLY)]


@pytest.mark.parametrize(("value", "number"), [("3", 3), (" 42 ", 42), ("-7", -7), ("10.0", 10)])
def test_ascii_integer_field_reads_digits_0_to_9_as_integerfield_does(value, number):
    """The digits 0-9 are read as Django's IntegerField reads them."""
    assert AsciiIntegerField().clean(value) == number
