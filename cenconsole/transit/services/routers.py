"""Create, rename and delete transit routers (one per CEN instance and region)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.bandwidth.services import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.regions.models import Region

from ..messages import (
    TRANSIT_ROUTER_EXISTS,
    TRANSIT_ROUTER_HAS_ATTACHMENTS,
    TRANSIT_ROUTER_HAS_ROUTE_TABLES,
    UNKNOWN_REGION,
)
from ..models import (
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteTable,
)
from .common import owned_router, refuse_unless_active, system_table_create


@transaction.atomic
def transit_router_create(
    *, owner, cen_instance_id: str, region_code: str, name: str = "", description: str = ""
) -> TransitRouter:
    """Create Transit Router: the CEN instance's Enterprise Edition router in a region (one per
    region). It is Creating for a few seconds, then Active."""
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
    router = TransitRouter(owner=owner, cen_instance=cen_instance, region=region, **texts)
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
    attachments = [
        *router.vpc_attachments.present().values_list("pk", flat=True),
        *TransitRouterPeerAttachment.objects.present()
        .filter(Q(transit_router=router) | Q(peer_transit_router=router))
        .values_list("pk", flat=True),
    ]
    if attachments:
        raise refusal(
            TRANSIT_ROUTER_HAS_ATTACHMENTS,
            "transit_router_has_attachments",
            transit_router_id=router.pk,
            attachments=", ".join(attachments),
        )
    custom = list(
        router.route_tables.present()
        .filter(table_type=TransitRouterRouteTable.TableType.CUSTOM)
        .values_list("pk", flat=True)
    )
    if custom:
        raise refusal(
            TRANSIT_ROUTER_HAS_ROUTE_TABLES,
            "transit_router_has_route_tables",
            transit_router_id=router.pk,
            route_tables=", ".join(custom),
        )
    router.deleted_at = clock.now()
    router.save(update_fields=["deleted_at"])
    router.route_tables.live().update(deleted_at=router.deleted_at)
    audit_record(
        actor=owner, action="transit_router.deleted", target=router, changes={"deleted_at": (None, router.deleted_at)}
    )
    return router
