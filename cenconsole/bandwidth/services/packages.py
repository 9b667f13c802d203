"""Packages themselves: Bind, Unbind, attribute edits, and release (the one path by which a package
goes away, and the check that refuses every other)."""

from django.db import IntegrityError, transaction

from cenconsole.accounts.services import account_state_changed, resource_group_move
from cenconsole.audit.services import audit_record, audited_update
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts

from ..messages import (
    PACKAGE_ALREADY_BOUND,
    PACKAGE_ALREADY_RELEASED,
    PACKAGE_FINANCIAL_LOCKED,
    PACKAGE_HAS_CONNECTIONS,
    PACKAGE_HAS_PEER_ATTACHMENTS,
    PACKAGE_NOT_BOUND,
    PACKAGE_NOT_BOUND_TO,
    RELEASE_NEEDS_TICKET,
    RELEASE_WITHIN_VALIDITY,
    UNKNOWN_AVAILABLE_PACKAGE,
)
from ..models import BandwidthPackage, Order
from ..signals import package_releasing
from .purchase import area_pair_taken, area_pair_taken_error, owned_package


@transaction.atomic
def paid_package_backdate(*, order: Order, expires_at) -> BandwidthPackage:
    """Seeding only (demo accounts, sandboxes, workshop scenarios): a package just bought and paid by `order`
    is made to look bought earlier, so it expires at `expires_at`. Its paid term moves with it, so a refund
    reads the dates the package shows: none once expired, only the unused part of one expiring soon."""
    package = order.package
    moved_by = expires_at - package.expires_at
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=expires_at)
    Order.objects.filter(pk=order.pk).update(term_start=order.term_start + moved_by, term_end=order.term_end + moved_by)
    package.expires_at = expires_at
    return package


@transaction.atomic
def package_bind(*, owner, cen_instance_id: str, package_id: str) -> BandwidthPackage:
    """Bind Bandwidth Package: an available package of the account joins the CEN instance, unless
    the instance already has a package for the same area pair."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    package = (
        BandwidthPackage.objects.active()
        .select_for_update(of=("self",))
        .select_related("area_a", "area_b")
        .filter(owner=owner, pk=package_id)
        .first()
    )
    if package is None:
        raise field_error("package", UNKNOWN_AVAILABLE_PACKAGE, "unknown_package")
    if package.is_expired:
        raise field_error("package", PACKAGE_FINANCIAL_LOCKED, "package_expired", package_id=package.pk)
    if package.is_expired:
        raise field_error("package", PACKAGE_FINANCIAL_LOCKED, "package_expired", package_id=package.pk)
    if package.cen_instance_id:
        raise field_error(
            "package", PACKAGE_ALREADY_BOUND, "package_bound", package_id=package.pk, cen_id=package.cen_instance_id
        )
    pair_taken = area_pair_taken_error("package", cen_id=cen_instance.pk, areas=package.areas_label)
    if area_pair_taken(cen_instance=cen_instance, area_a=package.area_a, area_b=package.area_b):
        raise pair_taken
    package.cen_instance = cen_instance
    try:
        with transaction.atomic():
            package.save(update_fields=["cen_instance"])
    except IntegrityError:
        # one_package_per_area_pair: another package for the pair was bound meanwhile.
        raise pair_taken from None
    audit_record(
        actor=owner,
        action="package.bound",
        target=package,
        changes={"status": (BandwidthPackage.Status.IDLE, package.status), "cen_instance": (None, cen_instance.pk)},
    )
    return package


@transaction.atomic
def package_unbind(*, owner, package_id: str, cen_instance_id: str | None = None) -> BandwidthPackage:
    """Unbind: the package leaves its CEN instance and becomes available, but only once none of its
    region connections remain. With cen_instance_id (the API names both), the package must be bound
    to that instance."""
    package = (
        BandwidthPackage.objects.active()
        .select_for_update(of=("self",))
        .select_related("area_a", "area_b")
        .get(owner=owner, pk=package_id)
    )
    if not package.cen_instance_id:
        raise refusal(PACKAGE_NOT_BOUND, "package_not_bound", package_id=package.pk)
    if cen_instance_id is not None and package.cen_instance_id != cen_instance_id:
        raise refusal(PACKAGE_NOT_BOUND_TO, "package_not_bound", package_id=package.pk, cen_id=cen_instance_id)
    # The networks app's rows, read through the relation (this app does not import that one).
    connections = package.region_connections.select_related("local_region", "opposite_region")
    if connections:
        labels = ", ".join(f"{c.regions_label} ({c.bandwidth} Mbps)" for c in connections)
        raise refusal(PACKAGE_HAS_CONNECTIONS, "package_has_connections", package_id=package.pk, connections=labels)
    # Inter-region connections of transit routers (the transit app's rows) draw from it too.
    peers = list(package.transit_peer_attachments.filter(deleted_at__isnull=True).values_list("pk", "bandwidth"))
    if peers:
        labels = ", ".join(f"{pk} ({bandwidth} Mbps)" for pk, bandwidth in peers)
        raise refusal(
            PACKAGE_HAS_PEER_ATTACHMENTS, "package_has_connections", package_id=package.pk, connections=labels
        )
    old_cen, old_status = package.cen_instance_id, package.status
    package.cen_instance = None
    package.save(update_fields=["cen_instance"])
    audit_record(
        actor=owner,
        action="package.unbound",
        target=package,
        changes={"status": (old_status, package.status), "cen_instance": (old_cen, None)},
    )
    return package


@transaction.atomic
def package_modify_attribute(*, owner, package_id: str, name: str | None = None, description: str | None = None):
    """Renames or re-describes a package (the API's ModifyCenBandwidthPackageAttribute)."""
    package = owned_package(owner=owner, package_id=package_id, lock=True)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    audited_update(
        actor=owner,
        action="package.modified",
        instance=package,
        fields=["name", "description"],
        data=clean_texts(**given),
    )
    return package


@transaction.atomic
def package_move_resource_group(*, owner, package_id: str, resource_group_id: str) -> BandwidthPackage:
    """Moves a package to another of the account's resource groups (the API's MoveResourceGroup)."""
    package = owned_package(owner=owner, package_id=package_id, lock=True)
    return resource_group_move(package, owner=owner, resource_group_id=resource_group_id, action="package.moved")


def package_delete_check(*, owner, package_id: str) -> None:
    """What a direct deletion (the API's DeleteCenBandwidthPackage) gets: an unknown package is
    refused as unknown; one of the owner's, always, since a package goes away only through a ticket."""
    package = owned_package(owner=owner, package_id=package_id)
    raise refusal(RELEASE_NEEDS_TICKET if package.is_expired else RELEASE_WITHIN_VALIDITY, "release_forbidden")


def package_release(*, package_id: str, actor, reason: str) -> BandwidthPackage:
    """Releases a package: its region connections are removed (by the networks app, on the
    package_releasing signal), it is unbound and marked released. The row stays for history. The one
    path that makes a package go away; callers hold the reason (an approved deletion ticket, or
    expiry past the grace period)."""
    with transaction.atomic():
        package = BandwidthPackage.objects.select_for_update().get(pk=package_id)
        if package.released_at:
            raise refusal(PACKAGE_ALREADY_RELEASED, "released", package_id=package.pk)
        package_releasing.send(sender=BandwidthPackage, package=package, actor=actor)
        old_status, old_cen = package.status, package.cen_instance_id
        package.cen_instance = None
        package.released_at = clock.now()
        package.released_by = actor if getattr(actor, "pk", None) else None
        package.release_reason = reason[:256]
        package.save(update_fields=["cen_instance", "released_at", "released_by", "release_reason"])
        audit_record(
            actor=actor,
            action="package.released",
            target=package,
            changes={"status": (old_status, package.status), "cen_instance": (old_cen, None)},
            note=reason,
        )
        return package


def package_saved(sender, *, instance: BandwidthPackage, **kwargs) -> None:
    """post_save receiver: binding or unbinding a package (whatever saved it: services, the admin,
    fixtures) changes the Instances page's package counts, so its cached table must not outlive it."""
    if instance.binding_changed:
        account_state_changed(owner=instance.owner_id)
    instance.binding_saved()
