from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cenconsole.cen.forms import CenInstanceForm

from .models import MAX_KEY_LENGTH, MAX_TAGS_PER_RESOURCE, MAX_VALUE_LENGTH
from .services import tag_validate

TAG_KEY_ERRORS = {"required": _("Enter a tag key."), "max_length": _("A tag key is at most 128 characters.")}
TAG_VALUE_ERRORS = {"max_length": _("A tag value is at most 128 characters.")}


class TagForm(forms.Form):
    """Add Tag on the Edit Tags page; the service judges the key and value (prefixes, the 20-tag limit)."""

    key = forms.CharField(
        label=_("Tag key"),
        max_length=MAX_KEY_LENGTH,
        help_text=_("1 to 128 characters; cannot start with aliyun or acs:."),
        error_messages=TAG_KEY_ERRORS,
    )
    value = forms.CharField(
        label=_("Tag value"),
        max_length=MAX_VALUE_LENGTH,
        required=False,
        help_text=_(
            "0 to 128 characters; cannot start with aliyun or acs:. A key already on the resource takes this value."
        ),
        error_messages=TAG_VALUE_ERRORS,
    )


class TagFilterForm(forms.Form):
    """The Instances page's tag filter: a key, and optionally the value it must have."""

    tag_key = forms.CharField(
        label=_("Tag key"), max_length=MAX_KEY_LENGTH, error_messages={"required": _("Enter a tag key to filter by.")}
    )
    tag_value = forms.CharField(label=_("Tag value"), max_length=MAX_VALUE_LENGTH, required=False)


class CenInstanceCreateForm(CenInstanceForm):
    """Create CEN Instance with its Tags: Name, Description and Resource Group, then rows of a tag key and a
    value (empty rows are ignored). Add Tag (a submit named add_tag) shows one more row, up to 20; each
    row follows Edit Tags' rules and words (the tags service's tag_validate), checked before anything is
    made."""

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, owner=owner, **kwargs)
        data = self.data if self.is_bound else {}
        try:
            rows = int(data.get("tag_rows", 1))
        except (TypeError, ValueError):
            rows = 1
        rows += 1 if "add_tag" in data else 0
        self.tag_rows = max(1, min(rows, MAX_TAGS_PER_RESOURCE))
        self.adding_tag = "add_tag" in data
        for row in range(self.tag_rows):
            self.fields[f"tag_key_{row}"] = forms.CharField(
                label=_("Tag key"), max_length=MAX_KEY_LENGTH, required=False, error_messages=TAG_KEY_ERRORS
            )
            self.fields[f"tag_value_{row}"] = forms.CharField(
                label=_("Tag value"), max_length=MAX_VALUE_LENGTH, required=False, error_messages=TAG_VALUE_ERRORS
            )
        if self.adding_tag:  # the row Add Tag made is where the keyboard goes next
            self.fields[f"tag_key_{self.tag_rows - 1}"].widget.attrs["autofocus"] = True

    def tag_fields(self):
        """(key field, value field) of each row, for the template."""
        return [(self[f"tag_key_{row}"], self[f"tag_value_{row}"]) for row in range(self.tag_rows)]

    def clean(self):
        cleaned = super().clean()
        pairs = []
        for row in range(self.tag_rows):
            key, value = cleaned.get(f"tag_key_{row}"), cleaned.get(f"tag_value_{row}")
            if key is None or value is None:
                continue  # already refused (too long)
            if not key.strip() and not value.strip():
                continue
            if not key.strip():
                self.add_error(f"tag_key_{row}", forms.ValidationError(TAG_KEY_ERRORS["required"], code="required"))
                continue
            try:
                tag_validate([(key, value)])
            except ValidationError as error:
                field = "tag_value_{}" if error.code == "tag_value_invalid" else "tag_key_{}"
                self.add_error(field.format(row), error)
                continue
            pairs.append((key, value))
        if not self.errors:
            try:
                self.cleaned_data["tags"] = tag_validate(pairs)  # the same key twice
            except ValidationError as error:
                self.add_error(None, error)
        return self.cleaned_data
