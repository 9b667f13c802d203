"""A create that would name a transit router or route table, racing that router's or table's delete, on
PostgreSQL (SQLite serialises whole transactions): the create is held for a moment after it has found its
router or table, while the delete runs beside it. Never both: either the delete sees what is being made
and refuses, or it goes first and the create is refused; nothing is left naming what was deleted."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from cenconsole.flowlogs import services as flowlog_services
from cenconsole.flowlogs.models import FlowLog
from cenconsole.routemaps import services as routemap_services
from cenconsole.routemaps.models import RouteMap
from cenconsole.transit import services
from tests.conftest import requires_postgres

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def create_held_while_deleting(monkeypatch, module, step: str, create, delete):
    """Runs create in a thread, holding it for up to a second after `module.step` has answered; runs
    delete in a second thread once create is held. Returns (create's outcome, delete's outcome)."""
    found, deleted = threading.Event(), threading.Event()
    original = getattr(module, step)

    def held(*args, **kwargs):
        answer = original(*args, **kwargs)
        found.set()
        deleted.wait(timeout=1)
        return answer

    monkeypatch.setattr(module, step, held)
    outcomes = {}

    def run(name, call, before=None, after=None):
        try:
            if before:
                before.wait(timeout=10)
            outcomes[name] = call()
        except ValidationError as error:
            outcomes[name] = error
        finally:
            if after:
                after.set()
            connection.close()

    threads = [
        threading.Thread(target=run, args=("create", create)),
        threading.Thread(target=run, args=("delete", delete, found, deleted)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return outcomes["create"], outcomes["delete"]


def refused(outcome) -> bool:
    return isinstance(outcome, ValidationError)


def test_a_flow_log_made_while_its_router_is_deleted_leaves_no_flow_log_of_a_deleted_router(
    monkeypatch, cen_instance, active_router
):
    """CreateFlowlog found the router; DeleteTransitRouter runs before the flow log is saved: one of them is refused."""
    router = active_router()
    owner = router.owner
    made, gone = create_held_while_deleting(
        monkeypatch,
        flowlog_services,
        "_router_and_attachment",
        lambda: flowlog_services.flow_log_create(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            region_code="cn-hangzhou",
            project_name="flowlog-project",
            log_store_name="flowlog_store",
            transit_router_id=router.pk,
        ),
        lambda: services.transit_router_delete(owner=owner, transit_router_id=router.pk),
    )
    assert refused(made) != refused(gone), (made, gone)
    router.refresh_from_db()
    assert FlowLog.objects.filter(transit_router=router).exists() == (router.deleted_at is None)


def test_a_route_map_made_while_its_route_table_is_deleted_leaves_no_route_map_of_a_deleted_table(
    monkeypatch, cen_instance, active_router, later
):
    """CreateCenRouteMap found the custom route table; DeleteTransitRouterRouteTable runs before the route map is
    saved: one of them is refused."""
    router = active_router()
    owner = router.owner
    table = services.route_table_create(owner=owner, transit_router_id=router.pk)
    later()
    made, gone = create_held_while_deleting(
        monkeypatch,
        routemap_services,
        "_route_table",
        lambda: routemap_services.route_map_create(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            region_code="cn-hangzhou",
            transmit_direction="RegionIn",
            priority=10,
            map_result="Permit",
            route_table_id=table.pk,
        ),
        lambda: services.route_table_delete(owner=owner, route_table_id=table.pk),
    )
    assert refused(made) != refused(gone), (made, gone)
    table.refresh_from_db()
    assert RouteMap.objects.live().filter(transit_router_route_table=table).exists() == (table.deleted_at is None)
