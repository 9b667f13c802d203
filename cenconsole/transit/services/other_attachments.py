"""VBR, VPN and ECR connections: a transit router connected to another product's resource, a record of
cenconsole.products made by the first action that names it. The three share every rule, so one set of
services serves them, told apart by `kind` ("VBR", "VPN", "ECR"): a VBR or an IPsec-VPN connection lives
in one region and joins the router of that region (one connection each); an ECR is global and joins
any router (once per router). A new connection has no route table links unless asked for; it cannot be
deleted while links or static routes name it, unless by force (the real API's documented rules)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refuse_if_any
from cenconsole.core.validators import clean_texts
from cenconsole.products.models import ProductResource
from cenconsole.products.services import product_resource_ensure

from ..messages import (
    CONNECTION_HAS_LINKS,
    CONNECTION_HAS_ROUTES,
    CONNECTION_NOT_ATTACHED,
    ORDER_TYPE_UNKNOWN,
    RESOURCE_CONNECTED,
    UNKNOWN_ECR_ATTACHMENT,
    UNKNOWN_VBR_ATTACHMENT,
    UNKNOWN_VPN_ATTACHMENT,
)
from ..models import (
    ProductAttachment,
    RouteTableLink,
    TransitRouter,
    TransitRouterEcrAttachment,
    TransitRouterRouteEntry,
    TransitRouterVbrAttachment,
    TransitRouterVpnAttachment,
)
from ..signals import attachment_deleting
from .common import link_to_default, owned_attachment, owned_router, refuse_unless_active, refuse_unless_attached
from .routers import transit_router_create
from .zones import zone_ids_clean


@dataclass(frozen=True)
class ConnectionKind:
    model: type[ProductAttachment]
    product_kind: str
    field: str  # the parameter that names the resource (VbrId, VpnId, EcrId): refusals name it
    regional: bool  # the resource lives in the router's region (a VBR, a VPN connection); an ECR is global
    unique_per: tuple[str, ...]  # what may hold one connection of it that is not being deleted
    unknown: str


KINDS = {
    "VBR": ConnectionKind(
        TransitRouterVbrAttachment,
        ProductResource.Kind.VBR,
        "VbrId",
        True,
        ("product_resource",),
        UNKNOWN_VBR_ATTACHMENT,
    ),
    "VPN": ConnectionKind(
        TransitRouterVpnAttachment,
        ProductResource.Kind.VPN,
        "VpnId",
        True,
        ("product_resource",),
        UNKNOWN_VPN_ATTACHMENT,
    ),
    "ECR": ConnectionKind(
        TransitRouterEcrAttachment,
        ProductResource.Kind.ECR,
        "EcrId",
        False,
        ("product_resource", "transit_router"),
        UNKNOWN_ECR_ATTACHMENT,
    ),
}


def _router_for(*, owner, transit_router_id: str, cen_id: str, region_code: str) -> TransitRouter:
    """The Active router named, or (none named) the CEN instance's router in region_code, made now when
    it has none there: the real API does so, and a router made for the connection is Creating with it."""
    if transit_router_id:
        router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
        refuse_unless_active(router)
        return router
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_id)
    router = (
        TransitRouter.objects.live()
        .select_for_update(of=("self",))
        .select_related("region__area", "cen_instance")
        .filter(cen_instance=cen_instance, region_id=region_code)
        .first()
    )
    if router is None:
        return transit_router_create(owner=owner, cen_instance_id=cen_instance.pk, region_code=region_code)
    refuse_unless_active(router)
    return router


def _taken(spec: ConnectionKind, attachment) -> ValidationError:
    return field_error(
        spec.field,
        RESOURCE_CONNECTED,
        "resource_connected",
        resource_id=attachment.product_resource.resource_id,
        transit_router_id=attachment.transit_router_id,
        attachment_id=attachment.pk,
    )


@transaction.atomic
def product_attachment_create(
    *,
    owner,
    kind: str,
    resource_id: str,
    transit_router_id: str = "",
    cen_id: str = "",
    region_code: str = "",
    name: str = "",
    description: str = "",
    auto_publish_route: bool = False,
    zones=(),
    associate_with_default: bool = False,
    propagate_to_default: bool = False,
) -> ProductAttachment:
    """Create a VBR, VPN or ECR connection (kind) on a transit router: Attaching for a few seconds, then
    Attached. Linked to the router's default route table only when asked (associate / propagate)."""
    spec = KINDS[kind]
    texts = clean_texts(name=name, description=description)
    router = _router_for(owner=owner, transit_router_id=transit_router_id, cen_id=cen_id, region_code=region_code)
    resource = product_resource_ensure(
        owner=owner,
        kind=spec.product_kind,
        resource_id=resource_id,
        region_code=router.region_id if spec.regional else None,
        field=spec.field,
    )
    ProductResource.objects.select_for_update().filter(pk=resource.pk).values_list("pk", flat=True).first()
    scope = {"product_resource": resource, "transit_router": router}
    same = spec.model.objects.live().select_related("product_resource")
    same = same.filter(**{field: scope[field] for field in spec.unique_per})
    if same.exists():
        raise _taken(spec, same.first())
    attachment = spec.model(
        owner=owner,
        transit_router=router,
        product_resource=resource,
        auto_publish_route=bool(auto_publish_route),
        **texts,
    )
    if isinstance(attachment, TransitRouterVpnAttachment):
        attachment.zones = zone_ids_clean(zones, region=router.region)
    attachment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            attachment.save(force_insert=True)
    except IntegrityError:  # made by a concurrent request meanwhile
        raise _taken(spec, same.first()) from None
    link_to_default(
        attachment_id=attachment.pk, router=router, associate=associate_with_default, propagate=propagate_to_default
    )
    audit_record(
        actor=owner,
        action=f"transit_router.{kind.lower()}_attached",
        target=router,
        changes={attachment.pk: (None, resource.resource_id)},
        note=f"{kind} connection {attachment.pk} of {resource.resource_id}.",
    )
    return attachment


def _owned(kind: str, *, owner, attachment_id: str) -> ProductAttachment:
    spec = KINDS[kind]
    return owned_attachment(
        spec.model,
        owner=owner,
        attachment_id=attachment_id,
        message=spec.unknown,
        related=("transit_router__region", "product_resource"),
        lock=True,
    )


@transaction.atomic
def product_attachment_update(
    *,
    owner,
    kind: str,
    attachment_id: str,
    name: str | None = None,
    description: str | None = None,
    auto_publish_route: bool | None = None,
    order_type: str | None = None,
) -> ProductAttachment:
    """Update…AttachmentAttribute of an Attached connection: name, description, route publishing, payer."""
    attachment = _owned(kind, owner=owner, attachment_id=attachment_id)
    refuse_unless_attached(attachment, CONNECTION_NOT_ATTACHED)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    data = clean_texts(**given)
    if auto_publish_route is not None:
        data["auto_publish_route"] = bool(auto_publish_route)
    if order_type is not None:
        if order_type not in ProductAttachment.OrderType.values:
            raise field_error("order_type", ORDER_TYPE_UNKNOWN, "unknown_order_type")
        data["order_type"] = order_type
    audited_update(
        actor=owner,
        action=f"transit_router.{kind.lower()}_attachment_modified",
        instance=attachment,
        fields=["name", "description", "auto_publish_route", "order_type"],
        data=data,
    )
    return attachment


@transaction.atomic
def product_attachment_delete(*, owner, kind: str, attachment_id: str, force: bool = False) -> ProductAttachment:
    """Delete an Attached connection: Detaching for a few seconds, then gone. Refused while a route table
    is associated with it, learns from it or has a static route to it, unless `force` removes those too."""
    attachment = _owned(kind, owner=owner, attachment_id=attachment_id)
    refuse_unless_attached(attachment, CONNECTION_NOT_ATTACHED)
    links = RouteTableLink.objects.filter(attachment_id=attachment.pk)
    routes = TransitRouterRouteEntry.objects.live().filter(
        next_hop_id=attachment.pk, route_table__transit_router=attachment.transit_router
    )
    if not force:
        for rows, message, code in (
            (links, CONNECTION_HAS_LINKS, "connection_has_links"),
            (routes, CONNECTION_HAS_ROUTES, "connection_has_routes"),
        ):
            tables = sorted(rows.values_list("route_table_id", flat=True))
            refuse_if_any(tables, message, code, listed_as="route_tables", attachment_id=attachment.pk)
    attachment_deleting.send(sender=type(attachment), owner=owner, attachment=attachment)
    now = clock.now()
    routes.update(deleted_at=now)
    links.delete()
    attachment.deleted_at = now
    attachment.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action=f"transit_router.{kind.lower()}_detached",
        target=attachment.transit_router,
        changes={attachment.pk: (attachment.resource_id, None)},
        note=f"{kind} connection {attachment.pk} of {attachment.resource_id}" + (", by force." if force else "."),
    )
    return attachment
