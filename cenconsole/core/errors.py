"""How the services refuse: one ValidationError shape for every app. A message is a constant marked
with gettext_noop (so tests can assert the constant and makemessages finds it), unformatted, with
%(name)s placeholders; it travels with its code and params, so a form shows it, the API's error
table maps the code, and it is translated and formatted when it is read."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy


def refusal(message: str, code: str, **params) -> ValidationError:
    """A refusal of the request as a whole."""
    return ValidationError(gettext_lazy(message), code=code, params=params or None)


def refuse_if_any(names, message: str, code: str, *, listed_as: str, **params) -> None:
    """Refuses with `message` while anything still names the resource: `names` (ids, CIDR blocks...), each
    once and in order, is the message's parameter `listed_as`. The one shape of every "still has ..." refusal
    (a delete that what remains would outlive)."""
    names = list(dict.fromkeys(names))
    if names:
        raise refusal(message, code, **params, **{listed_as: ", ".join(names)})


def field_error(field: str, message: str, code: str, **params) -> ValidationError:
    """A refusal of one field, keyed by the field's name."""
    return ValidationError({field: refusal(message, code, **params)})
