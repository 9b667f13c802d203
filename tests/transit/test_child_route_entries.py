"""Routes in a connected VPC's route table whose next hop is its VPC connection (the transit services
behind CreateCenChildInstanceRouteEntryToAttachment and its Delete)."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.networks.models import VpcRouteEntry
from cenconsole.transit import services
from tests.factories import CenInstanceFactory

from .conftest import ZONES

pytestmark = pytest.mark.django_db

TABLE = "vtb-tr0001"


@pytest.fixture
def connection(cen_instance, active_router, later):
    """vpc-tr0001 (10.9.0.0/16) connected to an Active router of cen_instance in Hangzhou, Attached."""
    router = active_router()
    attachment = services.vpc_attachment_create(
        owner=cen_instance.owner,
        transit_router_id=router.pk,
        vpc_id="vpc-tr0001",
        zone_mappings=ZONES[:1],
        cidr_block="10.9.0.0/16",
    )
    later(20)
    return attachment


def route(attachment, destination="0.0.0.0/0", **overrides):
    return {
        "owner": attachment.owner,
        "cen_instance_id": attachment.transit_router.cen_instance_id,
        "route_table_id": TABLE,
        "attachment_id": attachment.pk,
        "destination_cidr": destination,
        **overrides,
    }


def code_of(excinfo) -> str:
    error = excinfo.value
    return next(iter(error.error_dict.values()))[0].code if hasattr(error, "error_dict") else error.error_list[0].code


def test_a_route_to_the_connection_is_pending_then_available(connection, later):
    """The VPC's table gets a route whose next hop is the connection: Pending, then Available."""
    entry = services.route_entry_to_attachment_create(**route(connection))
    assert (entry.vpc_id, entry.route_table_id, entry.next_hop_type, entry.next_hop_id, entry.network) == (
        "vpc-tr0001",
        TABLE,
        "Attachment",
        connection.pk,
        None,
    )
    assert entry.status == "Pending"
    later(40)
    assert VpcRouteEntry.objects.get(pk=entry.pk).status == "Available"


def test_a_connection_of_another_cen_instance_is_refused(connection, user):
    """The connection must be on a router of the CEN instance named: unknown_attachment."""
    other = CenInstanceFactory(owner=user)
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_attachment_create(**route(connection, cen_instance_id=other.pk))
    assert code_of(excinfo) == "unknown_attachment"


def test_another_accounts_connection_is_refused(connection, other_user):
    """Another account's connection, even on its own CEN instance, is unknown_attachment."""
    theirs = CenInstanceFactory(owner=other_user)
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_attachment_create(**route(connection, owner=other_user, cen_instance_id=theirs.pk))
    assert code_of(excinfo) == "unknown_attachment"


def test_a_route_table_that_is_not_the_connected_vpcs_is_refused(connection):
    """The table must be the connected VPC's (vtb-tr0001)."""
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_attachment_create(**route(connection, route_table_id="vtb-other"))
    assert code_of(excinfo) == "vpc_route_table_unknown"


def test_a_connection_still_attaching_is_refused(cen_instance, active_router):
    """Until the connection is Attached no route can point to it."""
    attachment = services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=active_router().pk, vpc_id="vpc-tr0001", zone_mappings=ZONES[:1]
    )
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_attachment_create(**route(attachment))
    assert code_of(excinfo) == "attachment_not_attached"


def test_a_pending_route_cannot_be_deleted_yet(connection):
    """Pending, a route can only be read: route_entry_pending."""
    services.route_entry_to_attachment_create(**route(connection))
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_attachment_delete(**route(connection))
    assert code_of(excinfo) == "route_entry_pending"


def test_an_available_route_is_deleted(connection, later):
    """Available, the route is deleted; deleting it again is route_entry_not_found."""
    services.route_entry_to_attachment_create(**route(connection))
    later(40)
    services.route_entry_to_attachment_delete(**route(connection))
    assert not VpcRouteEntry.objects.exists()
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_attachment_delete(**route(connection))
    assert code_of(excinfo) == "route_entry_not_found"


def test_deleting_the_connection_removes_its_routes(connection, later):
    """The VPC's routes to a deleted connection go with it."""
    services.route_entry_to_attachment_create(**route(connection))
    later(40)
    services.vpc_attachment_delete(owner=connection.owner, attachment_id=connection.pk)
    assert not VpcRouteEntry.objects.exists()
