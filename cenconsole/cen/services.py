from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop

from cenconsole.accounts.resource_groups import resource_group_clean
from cenconsole.accounts.services import account_state_changed, resource_group_move
from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import refusal, refuse_if_any
from cenconsole.core.locks import named_lock
from cenconsole.core.validators import clean_texts

from .models import CenInstance
from .selectors import cen_instances_for
from .signals import cen_deleting

DELETE_WITH_PACKAGES = gettext_noop(
    "CEN instance %(cen_id)s still has bandwidth packages bound to it (%(packages)s). "
    "Unbind them before you delete the instance."
)
DELETE_WITH_NETWORKS = gettext_noop(
    "CEN instance %(cen_id)s still has network instances attached (%(networks)s). "
    "Detach them before you delete the instance."
)


QUOTA_CEN_INSTANCES = gettext_noop(
    "Your account already has %(limit)s CEN instances, the most it can have. Delete instances it no longer "
    "needs before you create another."
)


@transaction.atomic
def cen_instance_create(*, owner, name: str = "", description: str = "", resource_group_id: str = "") -> CenInstance:
    """Create CEN Instance, in the account's default resource group unless another is named, within the
    account's quota (QUOTA_CEN_INSTANCES, counted under the account's CEN lock, taken first, so
    simultaneous creations count one after another)."""
    named_lock(f"cen-instances:{getattr(owner, 'pk', owner)}")
    if cen_instances_for(owner=owner).count() >= settings.QUOTA_CEN_INSTANCES:
        raise refusal(QUOTA_CEN_INSTANCES, "quota_cen_instances", limit=settings.QUOTA_CEN_INSTANCES)
    instance = CenInstance(
        owner=owner,
        name=name.strip(),
        description=description.strip(),
        resource_group_id=resource_group_clean(resource_group_id, owner_id=owner.pk),
    )
    instance.full_clean()
    instance.save(force_insert=True)
    return instance


@transaction.atomic
def cen_instance_delete(*, owner, cen_id: str) -> CenInstance:
    """Deletes an instance that has nothing bound or attached (the transit app, receiving
    cen_deleting, refuses while its routers have connections or custom route tables, and deletes
    the bare routers with it). The instance is Deleting for TRANSIT_TRANSITION_SECONDS, then gone
    (selectors.cen_instances_listed); the row is kept (marked deleted), since orders and audit
    records name it."""
    instance = cen_instances_for(owner=owner).select_for_update().get(pk=cen_id)
    packages = instance.bandwidth_packages.values_list("pk", flat=True)
    refuse_if_any(packages, DELETE_WITH_PACKAGES, "has_packages", listed_as="packages", cen_id=instance.pk)
    networks = instance.network_instances.values_list("instance_id", flat=True)
    refuse_if_any(networks, DELETE_WITH_NETWORKS, "has_networks", listed_as="networks", cen_id=instance.pk)
    cen_deleting.send(sender=CenInstance, owner=owner, instance=instance)
    instance.deleted_at = clock.now()
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
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    audited_update(
        actor=owner, action="cen.modified", instance=instance, fields=["name", "description"], data=clean_texts(**given)
    )
    return instance


@transaction.atomic
def cen_instance_move_resource_group(*, owner, cen_id: str, resource_group_id: str) -> CenInstance:
    """Moves an instance to another of the account's resource groups (the API's MoveResourceGroup)."""
    instance = cen_instances_for(owner=owner).select_for_update().get(pk=cen_id)
    return resource_group_move(instance, owner=owner, resource_group_id=resource_group_id, action="cen.moved")


def instance_saved(sender, *, instance: CenInstance, **kwargs) -> None:
    """post_save receiver: whatever saves an instance (services, the admin, fixtures), the account's
    cached Instances table must not outlive the change."""
    account_state_changed(owner=instance.owner_id)
