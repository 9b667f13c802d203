"""Writes for route maps: create, modify (the whole route map again, as ModifyCenRouteMap takes it),
delete. Every caller (the API today, a console page later) goes through these, so every rule holds."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.core.validators import clean_description
from cenconsole.regions.models import Region
from cenconsole.transit.models import TransitRouterRouteTable
from cenconsole.transit.services.common import owned_router, owned_table, refuse_if_deleting

from .conditions import conditions_clean, priority_clean
from .messages import (
    CHOICE,
    NEXT_PRIORITY_ORDER,
    PRIORITY_TAKEN,
    ROUTE_MAP_NOT_ACTIVE,
    ROUTE_TABLE_ELSEWHERE,
    ROUTER_HAS_ROUTE_MAPS,
    TABLE_HAS_ROUTE_MAPS,
    UNKNOWN_REGION,
    UNKNOWN_ROUTE_MAP,
    UNKNOWN_ROUTE_TABLE,
)
from .models import RouteMap, RouteMapStatus


def _region(region_code: str) -> Region:
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        raise field_error("region", UNKNOWN_REGION, "unknown_region")
    return region


def _choice(name: str, value: str, choices) -> str:
    if value not in choices.values:
        raise field_error(name, CHOICE, "condition_value", name=name, choices=", ".join(choices.values), value=value)
    return value


def _policy_clean(*, priority, map_result: str, next_priority, description: str) -> dict:
    """The route map's own settings: its priority, its action, the next one's priority, its description."""
    fields = {
        "priority": priority_clean("Priority", priority),
        "map_result": _choice("MapResult", map_result, RouteMap.MapResult),
        "next_priority": None if next_priority is None else priority_clean("NextPriority", next_priority),
    }
    if fields["next_priority"] is not None and fields["next_priority"] <= fields["priority"]:
        raise field_error(
            "NextPriority",
            NEXT_PRIORITY_ORDER,
            "next_priority_order",
            next_priority=fields["next_priority"],
            priority=fields["priority"],
        )
    try:
        fields["description"] = clean_description(description)
    except ValidationError as error:
        raise ValidationError({"description": error}) from None
    return fields


def _route_table(*, owner, cen_instance, region: Region, route_table_id: str | None):
    """The route table the route map belongs to: the one named (the owner's, of the CEN instance's
    transit router in the region), else that router's default route table, else none (Basic Edition)."""
    tables = TransitRouterRouteTable.objects.live().filter(
        transit_router__owner=owner, transit_router__deleted_at__isnull=True
    )
    if not route_table_id:
        table = tables.filter(
            transit_router__cen_instance=cen_instance,
            transit_router__region=region,
            table_type=TransitRouterRouteTable.TableType.SYSTEM,
        ).first()
        return table and _locked(owner=owner, table=table)
    table = tables.select_related("transit_router").filter(pk=route_table_id).first()
    if table is None:
        raise field_error("route_table", UNKNOWN_ROUTE_TABLE, "unknown_route_table")
    if table.transit_router.cen_instance_id != cen_instance.pk or table.transit_router.region_id != region.pk:
        raise field_error(
            "route_table", ROUTE_TABLE_ELSEWHERE, "route_table_elsewhere", route_table_id=table.pk, region=region.pk
        )
    return _locked(owner=owner, table=table)


def _locked(*, owner, table: TransitRouterRouteTable) -> TransitRouterRouteTable:
    """The table read again with its row and its router's locked, as Delete locks them: a delete of either
    sees the route map being made (and refuses), or has gone first (and the route map is refused)."""
    refuse_if_deleting(owned_router(owner=owner, transit_router_id=table.transit_router_id, lock=True))
    table = owned_table(owner=owner, route_table_id=table.pk, lock=True)
    refuse_if_deleting(table)
    return table


def _priority_free(*, route_map: RouteMap, region: Region, priority: int) -> None:
    """No other live route map of the CEN instance has this priority in this region and direction."""
    taken = (
        RouteMap.objects.live()
        .filter(
            cen_instance_id=route_map.cen_instance_id,
            region=region,
            transmit_direction=route_map.transmit_direction,
            priority=priority,
        )
        .exclude(pk=route_map.pk)
        .first()
    )
    if taken is not None:
        raise _priority_taken(taken)


def _priority_taken(taken: RouteMap) -> ValidationError:
    return field_error(
        "Priority",
        PRIORITY_TAKEN,
        "priority_taken",
        route_map_id=taken.pk,
        priority=taken.priority,
        region=taken.region_id,
        direction=taken.transmit_direction,
    )


@transaction.atomic
def route_map_create(
    *,
    owner,
    cen_instance_id: str,
    region_code: str,
    transmit_direction: str,
    priority: int,
    map_result: str,
    next_priority: int | None = None,
    description: str = "",
    route_table_id: str | None = None,
    conditions: dict | None = None,
) -> RouteMap:
    """CreateCenRouteMap: a route map of the CEN instance in a region and direction (Creating, then Active)."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    cen_instance = type(cen_instance).objects.select_for_update().get(pk=cen_instance.pk)
    region = _region(region_code)
    route_map = RouteMap(
        owner=owner,
        cen_instance=cen_instance,
        region=region,
        transmit_direction=_choice("TransmitDirection", transmit_direction, RouteMap.Direction),
        transit_router_route_table=_route_table(
            owner=owner, cen_instance=cen_instance, region=region, route_table_id=route_table_id
        ),
        conditions=conditions_clean(conditions or {}),
        **_policy_clean(priority=priority, map_result=map_result, next_priority=next_priority, description=description),
    )
    _priority_free(route_map=route_map, region=region, priority=route_map.priority)
    try:
        with transaction.atomic():
            route_map.save(force_insert=True)
    except IntegrityError:  # the priority was taken by a concurrent request meanwhile
        raise _priority_taken(route_map) from None
    audit_record(
        actor=owner,
        action="route_map.created",
        target=route_map,
        changes={"cen_instance": (None, cen_instance.pk), "priority": (None, route_map.priority)},
    )
    return route_map


def owned_route_map(*, owner, cen_instance_id: str, route_map_id: str, region_code: str | None = None) -> RouteMap:
    """The owner's route map of that CEN instance (in that region when given), not being deleted, locked."""
    route_maps = RouteMap.objects.live().select_for_update(of=("self",)).select_related("cen_instance")
    route_map = route_maps.filter(
        owner=owner, pk=route_map_id, cen_instance_id=cen_instance_id, cen_instance__deleted_at__isnull=True
    ).first()
    if route_map is None or (region_code and route_map.region_id != region_code):
        raise field_error("route_map", UNKNOWN_ROUTE_MAP, "unknown_route_map")
    return route_map


def _refuse_unless_active(route_map: RouteMap) -> None:
    if route_map.status != RouteMapStatus.ACTIVE:
        raise refusal(
            ROUTE_MAP_NOT_ACTIVE,
            "route_map_not_active",
            route_map_id=route_map.pk,
            status=RouteMapStatus(route_map.status).label,
        )


@transaction.atomic
def route_map_modify(
    *,
    owner,
    cen_instance_id: str,
    route_map_id: str,
    region_code: str,
    priority: int,
    map_result: str,
    next_priority: int | None = None,
    description: str = "",
    conditions: dict | None = None,
) -> RouteMap:
    """ModifyCenRouteMap: the route map as given now (what is not given is cleared, as the API takes
    the whole route map each time); Modifying for a few seconds when anything changed. Its direction
    and route table stay; a new region is taken only with that region's default route table."""
    route_map = owned_route_map(owner=owner, cen_instance_id=cen_instance_id, route_map_id=route_map_id)
    _refuse_unless_active(route_map)
    data = {
        "region": _region(region_code),
        "conditions": conditions_clean(conditions or {}),
        **_policy_clean(priority=priority, map_result=map_result, next_priority=next_priority, description=description),
    }
    if data["region"].pk != route_map.region_id:
        data["transit_router_route_table"] = _route_table(
            owner=owner, cen_instance=route_map.cen_instance, region=data["region"], route_table_id=None
        )
    _priority_free(route_map=route_map, region=data["region"], priority=data["priority"])
    try:
        with transaction.atomic():
            changes = audited_update(
                actor=owner, action="route_map.modified", instance=route_map, fields=list(data), data=data
            )
    except IntegrityError:  # the priority was taken by a concurrent request meanwhile
        raise _priority_taken(route_map) from None
    if changes:
        route_map.modified_at = clock.now()
        route_map.save(update_fields=["modified_at"])
    return route_map


@transaction.atomic
def route_map_delete(*, owner, cen_instance_id: str, route_map_id: str, region_code: str | None = None) -> RouteMap:
    """DeleteCenRouteMap: an Active route map is Deleting for a few seconds, then gone."""
    route_map = owned_route_map(
        owner=owner, cen_instance_id=cen_instance_id, route_map_id=route_map_id, region_code=region_code
    )
    _refuse_unless_active(route_map)
    route_map.deleted_at = clock.now()
    route_map.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner, action="route_map.deleted", target=route_map, changes={"deleted_at": (None, route_map.deleted_at)}
    )
    return route_map


def refuse_router_delete_with_route_maps(sender, *, owner, router, **kwargs) -> None:
    """Receiver of transit's transit_router_deleting: a router whose (default) route table has route maps
    stays, as the table would go with it."""
    route_maps = (
        RouteMap.objects.present()
        .filter(transit_router_route_table__transit_router=router)
        .values_list("pk", flat=True)
    )
    refuse_if_any(
        route_maps, ROUTER_HAS_ROUTE_MAPS, "route_maps_exist", listed_as="route_maps", transit_router_id=router.pk
    )


def refuse_route_table_delete_with_route_maps(sender, *, owner, route_table, **kwargs) -> None:
    """Receiver of transit's route_table_deleting: a route table with route maps stays."""
    route_maps = RouteMap.objects.present().filter(transit_router_route_table=route_table).values_list("pk", flat=True)
    refuse_if_any(
        route_maps, TABLE_HAS_ROUTE_MAPS, "route_maps_exist", listed_as="route_maps", route_table_id=route_table.pk
    )
