import json

from django.core.serializers.json import DjangoJSONEncoder

from cenconsole.core.services import model_update

from .models import AuditRecord


def _plain(value):
    """JSON-safe form of a field value (datetimes, decimals and model instances as strings)."""
    if hasattr(value, "pk"):
        return str(value.pk)
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def audit_record(*, actor, action: str, target, changes: dict | None = None, note: str = "") -> AuditRecord:
    """Records a change of `target`. `changes` maps a field to (old, new). Call it inside the
    transaction that makes the change, so the record and the change land or fail together."""
    return AuditRecord.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=type(target).__name__,
        target_id=str(target.pk),
        changes={field: [_plain(old), _plain(new)] for field, (old, new) in (changes or {}).items()},
        note=note,
    )


def audited_update(*, actor, action: str, instance, fields: list[str], data: dict) -> dict:
    """The one "modify attributes" write: model_update (sets, validates and saves the changed fields of
    `fields` from `data`) and, if anything changed, one audit record of it. Returns what changed."""
    changes = model_update(instance=instance, fields=fields, data=data)
    if changes:
        audit_record(actor=actor, action=action, target=instance, changes=changes)
    return changes
