"""Writes for tags. Callers (the cen and bandwidth pages, the API) check that each resource is the
caller's own, with their own selectors, and pass the resources in; here the tag rules hold: at most
20 tags per resource, a key of 1 to 128 characters and a value of 0 to 128, neither starting with
"aliyun" or "acs:" (those prefixes are Alibaba Cloud's own), and neither holding control or
bidirectional control characters (as names cannot)."""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cenconsole.audit.services import audit_record
from cenconsole.core.validators import BIDI_CONTROLS, CONTROL_CHARACTERS

from .models import MAX_KEY_LENGTH, MAX_TAGS_PER_RESOURCE, MAX_VALUE_LENGTH, Tag

RESERVED_PREFIXES = ("aliyun", "acs:")


# Dropped from the form a text is compared in: combining marks (the dot of İ once case-folded, an
# accent) and invisible format characters (zero-width spaces and joiners, a soft hyphen, a BOM).
IGNORED_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


def _comparable(text: str) -> str:
    """The text as a reader sees it: NFKC (full-width letters and colons are the ASCII ones),
    case-folded, without marks or invisible characters. For the reserved-prefix check only: a tag is
    stored as written."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(character for character in folded if unicodedata.category(character) not in IGNORED_CATEGORIES)


def _starts_reserved(text: str) -> bool:
    return _comparable(text).startswith(RESERVED_PREFIXES)


def _refuse_controls(text: str, *, code: str, control_message: str, bidi_message: str, **params) -> None:
    if not CONTROL_CHARACTERS.isdisjoint(text):
        raise ValidationError(control_message, code=code, params=params)
    if not BIDI_CONTROLS.isdisjoint(text):
        raise ValidationError(bidi_message, code=code, params=params)


def tag_validate(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tags, stripped of surrounding spaces, if they follow the rules; else a ValidationError
    (codes tag_key_invalid, tag_value_invalid, tag_key_duplicated, tag_limit)."""
    cleaned, seen = [], set()
    for key, value in tags:
        key, value = (key or "").strip(), (value or "").strip()
        # The key is not repeated in these messages: it would carry the characters into them.
        _refuse_controls(
            key,
            code="tag_key_invalid",
            control_message=_("A tag key cannot contain control characters."),
            bidi_message=_("A tag key cannot contain bidirectional control characters."),
        )
        if not 1 <= len(key) <= MAX_KEY_LENGTH or _starts_reserved(key):
            raise ValidationError(
                _("Tag key “%(key)s” is not valid: a key is 1 to 128 characters and cannot start with aliyun or acs:."),
                code="tag_key_invalid",
                params={"key": key[:MAX_KEY_LENGTH]},
            )
        _refuse_controls(
            value,
            code="tag_value_invalid",
            control_message=_("The value of tag “%(key)s” cannot contain control characters."),
            bidi_message=_("The value of tag “%(key)s” cannot contain bidirectional control characters."),
            key=key,
        )
        if len(value) > MAX_VALUE_LENGTH or _starts_reserved(value):
            raise ValidationError(
                _(
                    "The value of tag “%(key)s” is not valid: a value is 0 to 128 characters and cannot start "
                    "with aliyun or acs:."
                ),
                code="tag_value_invalid",
                params={"key": key},
            )
        if key in seen:
            raise ValidationError(
                _("Tag key “%(key)s” is given twice: each key of a resource has one value."),
                code="tag_key_duplicated",
                params={"key": key},
            )
        seen.add(key)
        cleaned.append((key, value))
    if len(cleaned) > MAX_TAGS_PER_RESOURCE:
        raise ValidationError(_too_many(), code="tag_limit", params={"limit": MAX_TAGS_PER_RESOURCE})
    return cleaned


def _too_many() -> str:
    return _("A resource can have at most %(limit)s tags. Remove tags it no longer needs first.")


def _locked(resources) -> list:
    """The resources in one order (by type and id), each row locked until the transaction ends: two
    simultaneous changes of one resource's tags take turns, so the count each sees is the real one
    (20 keys each could otherwise leave 40). Resource first, then its tags, on every path."""
    resources = sorted(resources, key=lambda resource: (type(resource).__name__, resource.pk))
    for resource in resources:
        type(resource)._base_manager.select_for_update().filter(pk=resource.pk).values_list("pk").first()
    return resources


@transaction.atomic
def tags_add(*, owner, resource_type: str, resources, tags: list[tuple[str, str]]) -> None:
    """Adds tags to each resource; a key the resource already has takes the new value."""
    tags = tag_validate(tags)
    if not tags:
        return
    for resource in _locked(resources):
        existing = {
            tag.key: tag
            for tag in Tag.objects.select_for_update().filter(
                owner=owner, resource_type=resource_type, resource_id=resource.pk
            )
        }
        if len(existing.keys() | {key for key, _value in tags}) > MAX_TAGS_PER_RESOURCE:
            raise ValidationError(_too_many(), code="tag_limit", params={"limit": MAX_TAGS_PER_RESOURCE})
        changes = {}
        for key, value in tags:
            tag = existing.get(key)
            if tag is None:
                Tag.objects.create(
                    owner=owner, resource_type=resource_type, resource_id=resource.pk, key=key, value=value
                )
                changes[f"tag:{key}"] = (None, value)
            elif tag.value != value:
                changes[f"tag:{key}"] = (tag.value, value)
                tag.value = value
                tag.save(update_fields=["value"])
        if changes:
            audit_record(actor=owner, action="tags.added", target=resource, changes=changes)


@transaction.atomic
def tags_remove(*, owner, resource_type: str, resources, keys: list[str] | None = None) -> None:
    """Removes the tags with `keys` from each resource, or every tag when keys is None. Keys a
    resource does not have are ignored, as by the real API."""
    for resource in _locked(resources):
        tags = Tag.objects.select_for_update().filter(owner=owner, resource_type=resource_type, resource_id=resource.pk)
        if keys is not None:
            tags = tags.filter(key__in=keys)
        removed = list(tags.order_by("key"))
        if removed:
            Tag.objects.filter(pk__in=[tag.pk for tag in removed]).delete()
            changes = {f"tag:{tag.key}": (tag.value, None) for tag in removed}
            audit_record(actor=owner, action="tags.removed", target=resource, changes=changes)
