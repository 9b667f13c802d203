"""The rules for the texts every resource carries (CEN instances, bandwidth packages, network
instances): one home, used by the models, the forms, the services and so the API."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy, gettext_noop

NAME_MAX_LENGTH = 128
DESCRIPTION_MAX_LENGTH = 256

NAME_TOO_LONG = gettext_noop("Name must be at most 128 characters.")
DESCRIPTION_TOO_LONG = gettext_noop("Description must be at most 256 characters.")
NAME_URL_PREFIX = gettext_noop("Name cannot start with http:// or https://.")
DESCRIPTION_URL_PREFIX = gettext_noop("Description cannot start with http:// or https://.")
NAME_BIDI_CONTROL = gettext_noop("Name cannot contain bidirectional control characters.")
DESCRIPTION_BIDI_CONTROL = gettext_noop("Description cannot contain bidirectional control characters.")
NAME_CONTROL_CHARACTER = gettext_noop("Name cannot contain control characters.")
DESCRIPTION_CONTROL_CHARACTER = gettext_noop("Description cannot contain control characters.")
TEXT_CONTROL_CHARACTER = gettext_noop(
    "The text cannot contain control characters (such as Escape); only line breaks and tabs are allowed."
)
TEXT_BIDI_CONTROL = gettext_noop(
    "The text cannot contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)."
)

# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they make a name display in another
# order than it is stored ("Trojan Source"), so a name could pass for another resource's.
BIDI_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
# C0 (U+0000-001F), DEL and C1 (U+0080-009F): invisible, they break what shows or carries a name (an
# XML answer cannot hold most of them at all). A description is typed in a text area, so it keeps
# its line breaks and tabs.
CONTROL_CHARACTERS = frozenset(chr(code) for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)))
DESCRIPTION_CONTROL_CHARACTERS = CONTROL_CHARACTERS - {"\t", "\n", "\r"}
# A multi-line text (a ticket's reason, a reply, a note) keeps its line breaks (LF, or a browser's CR
# LF) and tabs; a lone CR is refused, it sends a terminal's cursor back to overwrite the line.
TEXT_CONTROL_CHARACTERS = CONTROL_CHARACTERS - {"\t", "\n"}
NAME_HELP = gettext_lazy("Optional. Up to 128 characters; cannot start with http:// or https://.")
DESCRIPTION_HELP = gettext_lazy("Optional. Up to 256 characters; cannot start with http:// or https://.")


def _refuse_url_prefix(value: str, message) -> None:
    """The real API refuses names and descriptions that start like a URL."""
    if value and value.lower().startswith(("http://", "https://")):
        raise ValidationError(gettext_lazy(message), code="url_prefix")


def _refuse_bidi_controls(value: str, message) -> None:
    if value and not BIDI_CONTROLS.isdisjoint(value):
        raise ValidationError(gettext_lazy(message), code="bidi_control")


def _refuse_control_characters(value: str, controls: frozenset, message) -> None:
    if value and not controls.isdisjoint(value):
        raise ValidationError(gettext_lazy(message), code="control_character")


def validate_name(value: str) -> None:
    """What a name may hold (its length is the field's max_length, or clean_name's check)."""
    _refuse_url_prefix(value, NAME_URL_PREFIX)
    _refuse_control_characters(value, CONTROL_CHARACTERS, NAME_CONTROL_CHARACTER)
    _refuse_bidi_controls(value, NAME_BIDI_CONTROL)


def validate_description(value: str) -> None:
    _refuse_url_prefix(value, DESCRIPTION_URL_PREFIX)
    _refuse_control_characters(value, DESCRIPTION_CONTROL_CHARACTERS, DESCRIPTION_CONTROL_CHARACTER)
    _refuse_bidi_controls(value, DESCRIPTION_BIDI_CONTROL)


def validate_multiline_text(value: str) -> None:
    """What a multi-line text typed by a person (a ticket's reason, a reply, a staff note, a saved
    reply) may hold: line breaks and tabs, but no other control character and no bidi control."""
    if not value:
        return
    _refuse_control_characters(value.replace("\r\n", "\n"), TEXT_CONTROL_CHARACTERS, TEXT_CONTROL_CHARACTER)
    _refuse_bidi_controls(value, TEXT_BIDI_CONTROL)


_UNPRINTABLE = {ord(character): "\ufffd" for character in TEXT_CONTROL_CHARACTERS | BIDI_CONTROLS}


def printable_text(value: str) -> str:
    """The text with every control character but line feed and tab, and every bidi control, replaced
    by U+FFFD, and CR LF made LF: safe to write to a terminal or into an email (texts stored before
    the services refused them may still hold them)."""
    return (value or "").replace("\r\n", "\n").translate(_UNPRINTABLE)


def clean_name(value) -> str:
    """A name as the services store it: stripped, at most 128 characters, not URL-like."""
    value = (value or "").strip()
    if len(value) > NAME_MAX_LENGTH:
        raise ValidationError(gettext_lazy(NAME_TOO_LONG), code="max_length")
    validate_name(value)
    return value


def clean_description(value) -> str:
    value = (value or "").strip()
    if len(value) > DESCRIPTION_MAX_LENGTH:
        raise ValidationError(gettext_lazy(DESCRIPTION_TOO_LONG), code="max_length")
    validate_description(value)
    return value


def clean_texts(**fields) -> dict[str, str]:
    """Cleans `name=` and `description=` together; raises one ValidationError keyed by field."""
    cleaners = {"name": clean_name, "description": clean_description}
    cleaned, errors = {}, {}
    for field, value in fields.items():
        try:
            cleaned[field] = cleaners[field](value)
        except ValidationError as error:
            errors[field] = error
    if errors:
        raise ValidationError(errors)
    return cleaned
