from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cenconsole.audit.services import audit_record

from .models import CenInstance
from .selectors import cen_instances_for

DELETE_WITH_PACKAGES = (
    "CEN instance {cen_id} still has bandwidth packages bound to it ({packages}). "
    "Unbind them before you delete the instance."
)
DELETE_WITH_NETWORKS = (
    "CEN instance {cen_id} still has network instances attached ({networks}). "
    "Detach them before you delete the instance."
)


@transaction.atomic
def cen_instance_create(*, owner, name: str = "", description: str = "") -> CenInstance:
    instance = CenInstance(owner=owner, name=name.strip(), description=description.strip())
    instance.full_clean()
    instance.save(force_insert=True)
    return instance


@transaction.atomic
def cen_instance_delete(*, owner, cen_id: str) -> CenInstance:
    """Deletes an instance that has nothing bound or attached. The row is kept (marked deleted),
    since orders and audit records name it."""
    instance = cen_instances_for(owner=owner).select_for_update().get(pk=cen_id)
    packages = list(instance.bandwidth_packages.values_list("pk", flat=True))
    if packages:
        raise ValidationError(
            DELETE_WITH_PACKAGES.format(cen_id=instance.pk, packages=", ".join(packages)), code="has_packages"
        )
    networks = list(instance.network_instances.values_list("pk", flat=True))
    if networks:
        raise ValidationError(
            DELETE_WITH_NETWORKS.format(cen_id=instance.pk, networks=", ".join(networks)), code="has_networks"
        )
    instance.deleted_at = timezone.now()
    instance.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner, action="cen.deleted", target=instance, changes={"deleted_at": (None, instance.deleted_at)}
    )
    return instance


@transaction.atomic
def cen_instance_modify_attribute(
    *, owner, cen_id: str, name: str | None = None, description: str | None = None
) -> CenInstance:
    """Renames or re-describes an instance (the API's ModifyCenAttribute); None leaves a field as it is."""
    instance = cen_instances_for(owner=owner).select_for_update().get(pk=cen_id)
    changes = {}
    for field, value in (("name", name), ("description", description)):
        if value is not None and value.strip() != getattr(instance, field):
            changes[field] = (getattr(instance, field), value.strip())
            setattr(instance, field, value.strip())
    if changes:
        instance.full_clean()
        instance.save(update_fields=list(changes))
        audit_record(actor=owner, action="cen.modified", target=instance, changes=changes)
    return instance
