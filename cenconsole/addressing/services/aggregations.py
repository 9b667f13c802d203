"""Aggregate routes on a transit router's route table (Create/Modify/Delete/RefreshTransitRouteTableAggregation):
one CIDR block advertised, instead of the routes it covers, to the VPCs whose connections are associated
with the table. Configuring for a few seconds after each change, then AllConfigured."""

import ipaddress

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.transit.services.common import owned_table, refuse_unless_active, refuse_unless_table_active

from ..messages import (
    AGGREGATION_CIDR_UNSUPPORTED,
    AGGREGATION_EXISTS,
    AGGREGATION_NOT_CONFIGURED,
    AGGREGATION_SCOPE,
    UNKNOWN_AGGREGATION,
    UNKNOWN_AGGREGATION_ROUTE_TABLE,
)
from ..models import TransitRouteTableAggregation
from .cidrs import ipv4_network

Status = TransitRouteTableAggregation.Status
UNSUPPORTED = tuple(ipaddress.IPv4Network(network) for network in ("0.0.0.0/8", "100.64.0.0/10", "224.0.0.0/4"))


def aggregation_table(*, owner, route_table_id: str, lock: bool = False):
    """The owner's route table, refused with the code the provider reads as "gone" for an aggregate."""
    try:
        return owned_table(owner=owner, route_table_id=route_table_id, lock=lock)
    except ValidationError:
        raise field_error("route_table", UNKNOWN_AGGREGATION_ROUTE_TABLE, "unknown_aggregation_route_table") from None


def aggregation_cidr_clean(value: str) -> str:
    """The documented limits: no block starting with 0 or 100.64, no multicast block."""
    network = ipv4_network(value, field="cidr")
    if any(network.overlaps(unsupported) for unsupported in UNSUPPORTED):
        raise field_error("cidr", AGGREGATION_CIDR_UNSUPPORTED, "aggregation_cidr_unsupported", cidr=str(network))
    return str(network)


def _scope_clean(scope: str | None, scope_list: list[str] | None) -> tuple[str, list[str]]:
    """At least one of the two; only VPC; the same value not in both (documented)."""
    scope = scope or ""
    scope_list = list(dict.fromkeys(scope_list or []))
    valid = set(TransitRouteTableAggregation.SCOPES)
    if (
        (not scope and not scope_list)
        or (scope and scope not in valid)
        or set(scope_list) - valid
        or scope in scope_list
    ):
        raise field_error("scope", AGGREGATION_SCOPE, "aggregation_scope")
    return scope, scope_list


def owned_aggregation(*, owner, route_table_id: str, cidr: str, lock: bool = False) -> TransitRouteTableAggregation:
    """The aggregate route to cidr (in any spelling of the block) on the owner's table, not being deleted."""
    table = aggregation_table(owner=owner, route_table_id=route_table_id)
    try:
        cidr = str(ipaddress.IPv4Network(cidr, strict=False))
    except ValueError:
        pass
    rows = TransitRouteTableAggregation.objects.live().select_related("route_table__transit_router")
    if lock:
        rows = rows.select_for_update(of=("self",))
    found = rows.filter(route_table=table, cidr=cidr).first()
    if found is None:
        raise field_error("cidr", UNKNOWN_AGGREGATION, "unknown_aggregation", route_table_id=table.pk, cidr=cidr)
    return found


@transaction.atomic
def aggregation_create(
    *,
    owner,
    route_table_id: str,
    cidr: str,
    name: str = "",
    description: str = "",
    scope: str | None = None,
    scope_list: list[str] | None = None,
) -> TransitRouteTableAggregation:
    """CreateTransitRouteTableAggregation on an Active route table of an Active router: one per block
    and table; Configuring, then AllConfigured."""
    table = aggregation_table(owner=owner, route_table_id=route_table_id, lock=True)
    refuse_unless_active(table.transit_router)
    refuse_unless_table_active(table)
    errors = {}
    for clean, args in ((aggregation_cidr_clean, (cidr,)), (_scope_clean, (scope, scope_list))):
        try:
            clean(*args)
        except ValidationError as error:
            errors.update(error.error_dict)
    try:
        texts = clean_texts(name=name, description=description)
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    cidr = aggregation_cidr_clean(cidr)
    scope, scope_list = _scope_clean(scope, scope_list)
    taken = field_error("cidr", AGGREGATION_EXISTS, "aggregation_exists", route_table_id=table.pk, cidr=cidr)
    if table.aggregations.live().filter(cidr=cidr).exists():
        raise taken
    try:
        with transaction.atomic():
            aggregation = TransitRouteTableAggregation.objects.create(
                route_table=table, cidr=cidr, scope=scope, scope_list=scope_list, **texts
            )
    except IntegrityError:
        raise taken from None  # made by a concurrent request meanwhile
    audit_record(
        actor=owner,
        action="route_table_aggregation.created",
        target=aggregation,
        changes={"route_table": (None, table.pk), "cidr": (None, cidr)},
    )
    return aggregation


def _refuse_unless_configured(aggregation) -> None:
    if aggregation.status != Status.ALL_CONFIGURED:
        raise refusal(
            AGGREGATION_NOT_CONFIGURED,
            "aggregation_not_configured",
            cidr=aggregation.cidr,
            status=Status(aggregation.status).label,
        )


@transaction.atomic
def aggregation_update(
    *,
    owner,
    route_table_id: str,
    cidr: str,
    name: str | None = None,
    description: str | None = None,
    scope: str | None = None,
    scope_list: list[str] | None = None,
) -> TransitRouteTableAggregation:
    """ModifyTransitRouteTableAggregation: None leaves a field as it is; a change of scope configures the
    route again (Configuring, then AllConfigured)."""
    aggregation = owned_aggregation(owner=owner, route_table_id=route_table_id, cidr=cidr, lock=True)
    _refuse_unless_configured(aggregation)
    given = {key: value for key, value in (("name", name), ("description", description)) if value is not None}
    data = clean_texts(**given)
    if scope is not None or scope_list is not None:
        new_scope = aggregation.scope if scope is None else scope
        new_list = aggregation.scope_list if scope_list is None else scope_list
        data["scope"], data["scope_list"] = _scope_clean(new_scope, new_list)
    changes = audited_update(
        actor=owner,
        action="route_table_aggregation.modified",
        instance=aggregation,
        fields=["name", "description", "scope", "scope_list"],
        data=data,
    )
    if changes:
        aggregation.configured_at = clock.now()
        aggregation.save(update_fields=["configured_at"])
    return aggregation


@transaction.atomic
def aggregation_refresh(*, owner, route_table_id: str, cidr: str) -> TransitRouteTableAggregation:
    """RefreshTransitRouteTableAggregation: advertise the route again (Configuring, then AllConfigured)."""
    aggregation = owned_aggregation(owner=owner, route_table_id=route_table_id, cidr=cidr, lock=True)
    aggregation.configured_at = clock.now()
    aggregation.save(update_fields=["configured_at"])
    audit_record(actor=owner, action="route_table_aggregation.refreshed", target=aggregation)
    return aggregation


@transaction.atomic
def aggregation_delete(*, owner, route_table_id: str, cidr: str) -> TransitRouteTableAggregation:
    """DeleteTransitRouteTableAggregation: Deleting for a few seconds, then gone."""
    aggregation = owned_aggregation(owner=owner, route_table_id=route_table_id, cidr=cidr, lock=True)
    aggregation.deleted_at = clock.now()
    aggregation.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="route_table_aggregation.deleted",
        target=aggregation,
        changes={"deleted_at": (None, aggregation.deleted_at)},
    )
    return aggregation
