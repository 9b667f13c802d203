"""Route tables through their services: renaming a table (UpdateTransitRouterRouteTable) and a static
route (UpdateTransitRouterRouteEntry), and moving a connection's association to another table of its
router (ReplaceTransitRouterRouteTableAssociation)."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.transit import services
from cenconsole.transit.models import RouteTableLink, TransitRouterRouteEntry, TransitRouterRouteTable
from cenconsole.transit.selectors import routes_of

from .conftest import ZONES

pytestmark = pytest.mark.django_db


@pytest.fixture
def router(active_router):
    return active_router()


@pytest.fixture
def custom_table(router, later):
    """An Active custom route table of the router."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk, name="custom")
    later()
    return table


@pytest.fixture
def connection(router, later):
    """An Attached VPC connection of the router, associated with its default route table."""
    attachment = services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-routes0001", zone_mappings=ZONES[:1]
    )
    later(20)
    return attachment


def association_of(attachment) -> str:
    return RouteTableLink.objects.get(kind=RouteTableLink.Kind.ASSOCIATION, attachment_id=attachment.pk).route_table_id


def refusal_code(attempt) -> str:
    """The code of the one refusal attempt() raises."""
    with pytest.raises(ValidationError) as refused:
        attempt()
    error = refused.value
    errors = error.error_list if not hasattr(error, "error_dict") else sum(error.error_dict.values(), [])
    (code,) = {each.code for each in errors}
    return code


# Route tables --------------------------------------------------------------------------------------


def test_update_renames_a_route_table_and_audits(custom_table):
    """A new name and description are kept, with one audit record of the change."""
    owner = custom_table.transit_router.owner
    services.route_table_update(owner=owner, route_table_id=custom_table.pk, name="blue", description="the blue one")
    table = TransitRouterRouteTable.objects.get(pk=custom_table.pk)
    assert (table.name, table.description) == ("blue", "the blue one")
    record = AuditRecord.objects.get(action="transit_router.route_table_modified", target_id=table.pk)
    assert record.changes == {"name": ["custom", "blue"], "description": ["", "the blue one"]}


def test_update_of_a_route_table_leaves_what_is_not_given(custom_table):
    """None leaves a field as it is, and nothing changed means no audit record."""
    owner = custom_table.transit_router.owner
    services.route_table_update(owner=owner, route_table_id=custom_table.pk, name="custom")
    assert TransitRouterRouteTable.objects.get(pk=custom_table.pk).name == "custom"
    assert not AuditRecord.objects.filter(action="transit_router.route_table_modified").exists()


def test_a_creating_route_table_cannot_be_renamed(router):
    """While Creating, a route table can be read but not renamed: route_table_not_active."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk)
    code = refusal_code(lambda: services.route_table_update(owner=router.owner, route_table_id=table.pk, name="x"))
    assert code == "route_table_not_active"


def test_another_accounts_route_table_is_unknown(custom_table, other_user):
    """Another account's route table is refused as unknown."""
    code = refusal_code(lambda: services.route_table_update(owner=other_user, route_table_id=custom_table.pk, name="x"))
    assert code == "unknown_route_table"


def test_a_route_table_name_follows_the_name_rules(custom_table):
    """A name starting with http:// is refused on the name field."""
    owner = custom_table.transit_router.owner
    with pytest.raises(ValidationError) as refused:
        services.route_table_update(owner=owner, route_table_id=custom_table.pk, name="http://x")
    assert set(refused.value.error_dict) == {"name"}


# Route entries -------------------------------------------------------------------------------------


def test_update_renames_a_static_route_and_audits(custom_table):
    """A static route's new name and description are kept, with one audit record."""
    owner = custom_table.transit_router.owner
    entry = services.route_entry_create(
        owner=owner, route_table_id=custom_table.pk, destination_cidr="10.9.0.0/16", next_hop_type="BlackHole"
    )
    services.route_entry_update(owner=owner, route_entry_id=entry.pk, name="drop", description="to nowhere")
    entry = TransitRouterRouteEntry.objects.get(pk=entry.pk)
    assert (entry.name, entry.description) == ("drop", "to nowhere")
    assert AuditRecord.objects.filter(action="transit_router.route_modified", target_id=entry.pk).count() == 1


def test_a_learned_route_cannot_be_renamed(router, connection):
    """A route the table learned from a connection is the system's: route_entry_learned."""
    table = router.route_tables.get(table_type="System")
    (learned,) = routes_of(table)
    code = refusal_code(lambda: services.route_entry_update(owner=router.owner, route_entry_id=learned.id, name="x"))
    assert code == "route_entry_learned"


def test_an_unknown_route_entry_is_refused(router):
    """A route entry ID that is not the account's: unknown_route_entry."""
    code = refusal_code(
        lambda: services.route_entry_update(owner=router.owner, route_entry_id="rte-00000000000000000000", name="x")
    )
    assert code == "unknown_route_entry"


# Replacing an association --------------------------------------------------------------------------


def test_replace_moves_the_association_to_another_table(custom_table, connection):
    """The connection leaves its route table for the given one, with one audit record."""
    owner = connection.owner
    services.route_table_association_replace(owner=owner, attachment_id=connection.pk, route_table_id=custom_table.pk)
    assert association_of(connection) == custom_table.pk
    assert AuditRecord.objects.filter(action="transit_router.association_replaced").count() == 1


def test_replace_needs_an_association(custom_table, connection):
    """A connection associated with no table of the router is refused: not_associated."""
    owner = connection.owner
    services.route_table_unlink(
        owner=owner,
        route_table_id=association_of(connection),
        attachment_id=connection.pk,
        kind=RouteTableLink.Kind.ASSOCIATION,
    )
    code = refusal_code(
        lambda: services.route_table_association_replace(
            owner=owner, attachment_id=connection.pk, route_table_id=custom_table.pk
        )
    )
    assert code == "not_associated"


def test_replace_with_the_table_it_has_is_refused(connection):
    """Replacing a connection's table with the same table: already_associated."""
    current = association_of(connection)
    code = refusal_code(
        lambda: services.route_table_association_replace(
            owner=connection.owner, attachment_id=connection.pk, route_table_id=current
        )
    )
    assert code == "already_associated"


def test_replace_with_a_table_of_another_router_is_refused(cen_instance, connection, later):
    """A connection moves only among its own router's tables: unknown_attachment on another router's table."""
    other = services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="us-east-1"
    )
    later(30)
    table = services.route_table_create(owner=other.owner, transit_router_id=other.pk)
    later(40)
    code = refusal_code(
        lambda: services.route_table_association_replace(
            owner=connection.owner, attachment_id=connection.pk, route_table_id=table.pk
        )
    )
    assert code == "unknown_attachment"


def test_replace_onto_a_creating_table_is_refused(router, connection):
    """A route table still Creating takes no association: route_table_not_active."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk)
    code = refusal_code(
        lambda: services.route_table_association_replace(
            owner=router.owner, attachment_id=connection.pk, route_table_id=table.pk
        )
    )
    assert code == "route_table_not_active"
