"""Links of connections to route tables: associations (the table that forwards a connection's traffic,
one per connection and router) and propagations (the tables that learn a connection's routes)."""

from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core.errors import field_error, refusal

from ..messages import (
    ALREADY_ASSOCIATED,
    ALREADY_PROPAGATING,
    NOT_ASSOCIATED,
    NOT_ASSOCIATED_ON_ROUTER,
    NOT_PROPAGATING,
    UNKNOWN_ATTACHMENT,
)
from ..models import RouteTableLink, TransitRouterRouteTable
from .common import owned_table, refuse_unless_table_active, router_connections


def _connection_on_table_router(table: TransitRouterRouteTable, attachment_id: str) -> None:
    if attachment_id not in router_connections(table.transit_router):
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "unknown_attachment")


@transaction.atomic
def route_table_link(*, owner, route_table_id: str, attachment_id: str, kind: str) -> RouteTableLink:
    """Associate a connection with a route table (one per connection and router), or enable its
    route propagation to the table."""
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    _connection_on_table_router(table, attachment_id)
    if kind == RouteTableLink.Kind.ASSOCIATION:
        current = RouteTableLink.objects.filter(
            kind=kind, attachment_id=attachment_id, transit_router=table.transit_router
        ).first()
        if current is not None:
            raise refusal(
                ALREADY_ASSOCIATED,
                "already_associated",
                attachment_id=attachment_id,
                route_table_id=current.route_table_id,
            )
    elif table.links.filter(kind=kind, attachment_id=attachment_id).exists():
        raise refusal(ALREADY_PROPAGATING, "already_propagating", attachment_id=attachment_id, route_table_id=table.pk)
    try:
        with transaction.atomic():
            link = RouteTableLink.objects.create(
                route_table=table, transit_router=table.transit_router, attachment_id=attachment_id, kind=kind
            )
    except IntegrityError:
        raise refusal(
            ALREADY_ASSOCIATED, "already_associated", attachment_id=attachment_id, route_table_id=table.pk
        ) from None
    audit_record(
        actor=owner, action=f"transit_router.{kind}_added", target=table, changes={attachment_id: (None, kind)}
    )
    return link


@transaction.atomic
def route_table_unlink(*, owner, route_table_id: str, attachment_id: str, kind: str) -> None:
    """Dissociate a connection from a route table, or disable its route propagation to it."""
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    link = table.links.filter(kind=kind, attachment_id=attachment_id).first()
    if link is None:
        message, code = (
            (NOT_ASSOCIATED, "not_associated")
            if kind == RouteTableLink.Kind.ASSOCIATION
            else (NOT_PROPAGATING, "not_propagating")
        )
        raise refusal(message, code, attachment_id=attachment_id, route_table_id=table.pk)
    link.delete()
    audit_record(
        actor=owner, action=f"transit_router.{kind}_removed", target=table, changes={attachment_id: (kind, None)}
    )


@transaction.atomic
def route_table_association_replace(*, owner, attachment_id: str, route_table_id: str) -> RouteTableLink:
    """Moves a connection's association to another route table of the same router
    (ReplaceTransitRouterRouteTableAssociation): one association per connection and router, so the
    connection leaves the table it had."""
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    refuse_unless_table_active(table)
    _connection_on_table_router(table, attachment_id)
    association = (
        RouteTableLink.objects.select_for_update()
        .filter(kind=RouteTableLink.Kind.ASSOCIATION, attachment_id=attachment_id, transit_router=table.transit_router)
        .first()
    )
    if association is None:
        raise refusal(NOT_ASSOCIATED_ON_ROUTER, "not_associated", attachment_id=attachment_id)
    if association.route_table_id == table.pk:
        raise refusal(ALREADY_ASSOCIATED, "already_associated", attachment_id=attachment_id, route_table_id=table.pk)
    audited_update(
        actor=owner,
        action="transit_router.association_replaced",
        instance=association,
        fields=["route_table"],
        data={"route_table": table},
    )
    return association
