import json

from django.core.serializers.json import DjangoJSONEncoder

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
