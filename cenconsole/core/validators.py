"""Validators shared by every resource the console names (CEN instances, bandwidth packages)."""

from django.core.exceptions import ValidationError

NAME_URL_PREFIX = "{field} cannot start with http:// or https://."


def validate_not_url_prefixed(value: str, *, field: str = "Name") -> None:
    """The real API refuses names and descriptions that start like a URL."""
    if value and value.lower().startswith(("http://", "https://")):
        raise ValidationError(NAME_URL_PREFIX.format(field=field), code="url_prefix")


def validate_name(value: str) -> None:
    validate_not_url_prefixed(value, field="Name")


def validate_description(value: str) -> None:
    validate_not_url_prefixed(value, field="Description")
