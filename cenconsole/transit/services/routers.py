"""Create, rename and delete transit routers (one per CEN instance and region)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.bandwidth.services import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.core.validators import clean_texts
from cenconsole.regions.models import Region

from ..messages import (
    CEN_HAS_CONNECTIONS,
    CEN_HAS_CUSTOM_ROUTE_TABLES,
    TRANSIT_ROUTER_EXISTS,
    TRANSIT_ROUTER_HAS_ATTACHMENTS,
    TRANSIT_ROUTER_HAS_ROUTE_TABLES,
    UNKNOWN_REGION,
)
from ..models import TransitRouter, TransitRouterRouteTable
from ..signals import transit_router_deleting
from .common import owned_router, refuse_unless_active, router_connections, system_table_create


@transaction.atomic
def transit_router_create(
    *,
    owner,
    cen_instance_id: str,
    region_code: str,
    name: str = "",
    description: str = "",
    support_multicast: bool = False,
) -> TransitRouter:
    """Create Transit Router: the CEN instance's Enterprise Edition router in a region (one per
    region), with multicast enabled if asked (it cannot be enabled later). It is Creating for a few
    seconds, then Active."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    cen_instance = type(cen_instance).objects.select_for_update().get(pk=cen_instance.pk)
    errors = {}
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        errors["region"] = refusal(UNKNOWN_REGION, "unknown_region")
    try:
        texts = clean_texts(name=name, description=description)
    except ValidationError as error:
        errors.update(error.error_dict)
        texts = {}
    if errors:
        raise ValidationError(errors)
    existing = TransitRouter.objects.live().filter(cen_instance=cen_instance, region=region).first()
    taken = field_error(
        "region",
        TRANSIT_ROUTER_EXISTS,
        "transit_router_exists",
        cen_id=cen_instance.pk,
        region=region.display_name,
        transit_router_id=existing.pk if existing else "",
    )
    if existing is not None:
        raise taken
    router = TransitRouter(
        owner=owner, cen_instance=cen_instance, region=region, support_multicast=bool(support_multicast), **texts
    )
    router.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            router.save(force_insert=True)
    except IntegrityError:
        raise taken from None  # created by a concurrent request meanwhile
    system_table_create(router)
    audit_record(
        actor=owner,
        action="transit_router.created",
        target=router,
        changes={"cen_instance": (None, cen_instance.pk), "region": (None, region.pk)},
    )
    return router


@transaction.atomic
def transit_router_update(
    *, owner, transit_router_id: str, name: str | None = None, description: str | None = None
) -> TransitRouter:
    """Renames or re-describes an Active router (UpdateTransitRouter); None leaves a field as it is."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    refuse_unless_active(router)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    audited_update(
        actor=owner,
        action="transit_router.modified",
        instance=router,
        fields=["name", "description"],
        data=clean_texts(**given),
    )
    return router


@transaction.atomic
def transit_router_delete(*, owner, transit_router_id: str) -> TransitRouter:
    """Delete: an Active router with no connections left is Deleting for a few seconds, then gone."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    refuse_unless_active(router)
    refuse_if_any(
        router_connections(router, present=True),
        TRANSIT_ROUTER_HAS_ATTACHMENTS,
        "transit_router_has_attachments",
        listed_as="attachments",
        transit_router_id=router.pk,
    )
    refuse_if_any(
        router.route_tables.present()
        .filter(table_type=TransitRouterRouteTable.TableType.CUSTOM)
        .values_list("pk", flat=True),
        TRANSIT_ROUTER_HAS_ROUTE_TABLES,
        "transit_router_has_route_tables",
        listed_as="route_tables",
        transit_router_id=router.pk,
    )
    transit_router_deleting.send(sender=TransitRouter, owner=owner, router=router)
    router.deleted_at = clock.now()
    router.save(update_fields=["deleted_at"])
    router.route_tables.live().update(deleted_at=router.deleted_at)
    audit_record(
        actor=owner, action="transit_router.deleted", target=router, changes={"deleted_at": (None, router.deleted_at)}
    )
    return router


def delete_routers_of_cen(sender, *, owner, instance, **kwargs) -> None:
    """Receiver of cen's cen_deleting: a CEN instance whose transit routers have connections of any
    kind or custom route tables is not deleted (the reference's prerequisites); bare routers go with
    it, each Deleting as a deleted router is (and as transit_router_deleting lets it)."""
    routers = list(TransitRouter.objects.live().select_for_update().filter(cen_instance=instance).order_by("pk"))
    refuse_if_any(
        (each for router in routers for each in router_connections(router, present=True)),
        CEN_HAS_CONNECTIONS,
        "cen_has_transit_connections",
        listed_as="attachments",
        cen_id=instance.pk,
    )
    refuse_if_any(
        TransitRouterRouteTable.objects.present()
        .filter(transit_router__in=routers, table_type=TransitRouterRouteTable.TableType.CUSTOM)
        .values_list("pk", flat=True),
        CEN_HAS_CUSTOM_ROUTE_TABLES,
        "cen_has_custom_route_tables",
        listed_as="route_tables",
        cen_id=instance.pk,
    )
    now = clock.now()
    for router in routers:
        transit_router_deleting.send(sender=TransitRouter, owner=owner, router=router)
        router.deleted_at = now
        router.save(update_fields=["deleted_at"])
        router.route_tables.live().update(deleted_at=now)
        audit_record(actor=owner, action="transit_router.deleted", target=router, changes={"deleted_at": (None, now)})
