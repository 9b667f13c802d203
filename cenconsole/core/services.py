"""Writes every app shares."""

from django.db import models


def model_update(*, instance: models.Model, fields: list[str], data: dict) -> dict[str, tuple]:
    """Sets on `instance` those of `fields` whose value in `data` differs from the instance's (a field
    missing from `data` is left as it is), validates the changed fields (full_clean), saves only them
    (update_fields) and returns what changed, {field: (old, new)}: empty when nothing did, and nothing
    is saved. HackSoft's model_update; audit.services.audited_update adds the audit record."""
    changes = {
        field: (getattr(instance, field), data[field])
        for field in fields
        if field in data and getattr(instance, field) != data[field]
    }
    if not changes:
        return changes
    for field, (_, new) in changes.items():
        setattr(instance, field, new)
    unchanged = [field.name for field in instance._meta.concrete_fields if field.name not in changes]
    instance.full_clean(exclude=unchanged)
    instance.save(update_fields=list(changes))
    return changes
