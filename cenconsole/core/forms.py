from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .validators import DESCRIPTION_HELP, DESCRIPTION_TOO_LONG, NAME_HELP, NAME_TOO_LONG

ASCII_DIGITS_ONLY = _("Enter a whole number with the digits 0 to 9.")
NAME_LABEL = _("Name")
DESCRIPTION_LABEL = _("Description")


class AsciiIntegerField(forms.IntegerField):
    """A whole number typed with the digits 0-9 only. Python's int() also reads other scripts' digits
    ("٣", Arabic-Indic three, is 3), which the person typing did not mean as the number shown back."""

    default_error_messages = {"ascii_digits": ASCII_DIGITS_ONLY}

    def to_python(self, value):
        if isinstance(value, str) and not value.isascii():
            raise ValidationError(self.error_messages["ascii_digits"], code="ascii_digits")
        return super().to_python(value)


def add_service_errors(form, error: ValidationError) -> None:
    """Shows a service's ValidationError on the form: field errors beside their fields, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def name_field(label=NAME_LABEL, **options) -> forms.CharField:
    """A resource's optional Name (up to 128 characters), as every create and modify form asks it; the
    service checks the rest with the same words as the API."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=128,
        error_messages={"max_length": NAME_TOO_LONG},
        help_text=NAME_HELP,
        **options,
    )


def description_field(label=DESCRIPTION_LABEL, **options) -> forms.CharField:
    """A resource's optional Description (up to 256 characters), as every create and modify form asks it."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=256,
        error_messages={"max_length": DESCRIPTION_TOO_LONG},
        help_text=DESCRIPTION_HELP,
        **options,
    )
