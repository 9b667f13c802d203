from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_KEY_LENGTH, MAX_VALUE_LENGTH


class TagForm(forms.Form):
    """Add Tag on the Edit Tags page; the service judges the key and value (prefixes, the 20-tag limit)."""

    key = forms.CharField(
        label=_("Tag key"),
        max_length=MAX_KEY_LENGTH,
        help_text=_("1 to 128 characters; cannot start with aliyun or acs:."),
        error_messages={"required": _("Enter a tag key."), "max_length": _("A tag key is at most 128 characters.")},
    )
    value = forms.CharField(
        label=_("Tag value"),
        max_length=MAX_VALUE_LENGTH,
        required=False,
        help_text=_(
            "0 to 128 characters; cannot start with aliyun or acs:. A key already on the resource takes this value."
        ),
        error_messages={"max_length": _("A tag value is at most 128 characters.")},
    )


class TagFilterForm(forms.Form):
    """The Instances page's tag filter: a key, and optionally the value it must have."""

    tag_key = forms.CharField(
        label=_("Tag key"), max_length=MAX_KEY_LENGTH, error_messages={"required": _("Enter a tag key to filter by.")}
    )
    tag_value = forms.CharField(label=_("Tag value"), max_length=MAX_VALUE_LENGTH, required=False)
