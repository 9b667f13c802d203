"""Custom route entries of an attached VPC's route table through the networks services: routes to the
CEN instance, routes published to it and withdrawn, and their refusals."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.networks import services
from cenconsole.networks.models import VpcRouteEntry
from cenconsole.networks.services import route_entries

pytestmark = pytest.mark.django_db

TABLE = "vtb-hz"


@pytest.fixture
def vpc(cen_instance):
    """vpc-hz, 10.1.0.0/16, attached in cn-hangzhou; its route table is vtb-hz."""
    return services.network_instance_attach(
        owner=cen_instance.owner,
        cen_instance_id=cen_instance.pk,
        region_code="cn-hangzhou",
        network_id="vpc-hz",
        cidr_block="10.1.0.0/16",
    )


def route(vpc, destination="192.168.0.0/24", **overrides):
    """The keyword arguments that name a route of vpc's table."""
    return {
        "owner": vpc.owner,
        "cen_instance_id": vpc.cen_instance_id,
        "vpc_id": vpc.instance_id,
        "region_code": vpc.region_id,
        "route_table_id": TABLE,
        "destination_cidr": destination,
        **overrides,
    }


def code_of(excinfo) -> str:
    error = excinfo.value
    return next(iter(error.error_dict.values()))[0].code if hasattr(error, "error_dict") else error.error_list[0].code


def test_a_route_to_the_cen_is_added_to_the_vpcs_table(vpc):
    """CreateCenChildInstanceRouteEntryToCen: an entry of vtb-hz whose next hop is the CEN instance, audited."""
    entry = services.route_entry_to_cen_add(**route(vpc))
    assert (entry.route_table_id, entry.destination_cidr, entry.next_hop_type, entry.next_hop_id) == (
        TABLE,
        "192.168.0.0/24",
        "CEN",
        vpc.cen_instance_id,
    )
    assert entry.network == vpc and not entry.is_published
    assert AuditRecord.objects.filter(action="network.route_entry_added", target_id=entry.pk).exists()


def test_a_destination_is_kept_in_its_network_form(vpc):
    """192.168.0.7/24 is the route to 192.168.0.0/24."""
    assert services.route_entry_to_cen_add(**route(vpc, "192.168.0.7/24")).destination_cidr == "192.168.0.0/24"


def test_a_vpc_not_attached_to_the_cen_is_refused(vpc):
    """Another VPC ID, or the VPC in another region: unknown_network."""
    for overrides in ({"vpc_id": "vpc-other"}, {"region_code": "us-east-1"}):
        with pytest.raises(ValidationError) as excinfo:
            services.route_entry_to_cen_add(**route(vpc, **overrides))
        assert code_of(excinfo) == "unknown_network"


def test_another_accounts_cen_is_refused(vpc, other_user):
    """The CEN instance of another account is unknown_cen."""
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_cen_add(**route(vpc, owner=other_user))
    assert code_of(excinfo) == "unknown_cen"


def test_a_route_table_that_is_not_the_vpcs_is_refused(vpc):
    """The replica's VPC has one route table, named after it: any other ID is refused."""
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_cen_add(**route(vpc, route_table_id="vtb-other"))
    assert code_of(excinfo) == "vpc_route_table_unknown"


def test_a_destination_that_is_not_a_cidr_block_is_refused(vpc):
    """An address with no prefix length, or a prefix over 32, is destination_format."""
    for bad in ("192.168.0.0", "192.168.0.0/33", "ten/8"):
        with pytest.raises(ValidationError) as excinfo:
            services.route_entry_to_cen_add(**route(vpc, bad))
        assert code_of(excinfo) == "destination_format"


def test_a_destination_within_the_vpc_is_refused(vpc):
    """A custom route leads outside the VPC: 10.1.2.0/24 lies in vpc-hz's 10.1.0.0/16."""
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_cen_add(**route(vpc, "10.1.2.0/24"))
    assert code_of(excinfo) == "destination_in_vpc"


def test_a_second_route_to_the_same_destination_is_refused(vpc):
    """A route table has one route per destination."""
    services.route_entry_to_cen_add(**route(vpc))
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_publish(**route(vpc))
    assert code_of(excinfo) == "route_not_publishable"
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_to_cen_add(**route(vpc))
    assert code_of(excinfo) == "route_entry_exists"


def test_a_route_table_takes_up_to_the_quota_of_custom_routes(vpc, monkeypatch):
    """Past MAX_CUSTOM_ROUTE_ENTRIES (200, the VPC product's quota) a new route is refused."""
    monkeypatch.setattr(route_entries, "MAX_CUSTOM_ROUTE_ENTRIES", 1)
    services.route_entry_to_cen_add(**route(vpc))
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_publish(**route(vpc, "172.16.0.0/12"))
    assert code_of(excinfo) == "route_entry_quota"


def test_a_route_to_the_cen_is_deleted(vpc):
    """DeleteCenChildInstanceRouteEntryToCen removes the entry, audited."""
    services.route_entry_to_cen_add(**route(vpc))
    services.route_entry_to_cen_remove(**route(vpc))
    assert not VpcRouteEntry.objects.exists()
    assert AuditRecord.objects.filter(action="network.route_entry_deleted").exists()


def test_deleting_a_route_to_the_cen_that_is_not_there_is_refused(vpc):
    """No such route, or a route to an ECS instance: route_entry_not_found."""
    services.route_entry_publish(**route(vpc))
    for destination in ("192.168.0.0/24", "172.16.0.0/12"):
        with pytest.raises(ValidationError) as excinfo:
            services.route_entry_to_cen_remove(**route(vpc, destination))
        assert code_of(excinfo) == "route_entry_not_found"


def test_publishing_a_route_first_mentioned_makes_and_publishes_it(vpc):
    """PublishRouteEntries on a destination the table has no route to: a route to an ECS instance, published."""
    entry = services.route_entry_publish(**route(vpc))
    assert (entry.next_hop_type, entry.network) == ("Instance", vpc)
    assert entry.is_published
    assert AuditRecord.objects.filter(action="network.route_published", target_id=entry.pk).exists()


def test_publishing_twice_keeps_the_first_publication(vpc):
    """A published route published again stays as it was."""
    first = services.route_entry_publish(**route(vpc)).published_at
    assert services.route_entry_publish(**route(vpc)).published_at == first


def test_publishing_the_vpcs_own_block_changes_nothing(vpc):
    """The system route (10.1.0.0/16) is always published: no entry is made."""
    assert services.route_entry_publish(**route(vpc, "10.1.0.0/16")) is None
    assert not VpcRouteEntry.objects.exists()


def test_withdrawing_keeps_the_route_in_the_table_unpublished(vpc):
    """WithdrawPublishedRouteEntries: the entry stays, not published, audited."""
    services.route_entry_publish(**route(vpc))
    entry = services.route_entry_withdraw(**route(vpc))
    assert not VpcRouteEntry.objects.get(pk=entry.pk).is_published
    assert AuditRecord.objects.filter(action="network.route_withdrawn").exists()


def test_withdrawing_a_route_that_is_not_published_is_refused(vpc):
    """Withdrawn already, or never there: route_entry_not_found (Terraform's provider reads it as gone)."""
    services.route_entry_publish(**route(vpc))
    services.route_entry_withdraw(**route(vpc))
    for destination in ("192.168.0.0/24", "172.16.0.0/12"):
        with pytest.raises(ValidationError) as excinfo:
            services.route_entry_withdraw(**route(vpc, destination))
        assert code_of(excinfo) == "route_entry_not_found"


def test_the_system_route_cannot_be_withdrawn(vpc):
    """The VPC's own block stays published: system_route_fixed."""
    with pytest.raises(ValidationError) as excinfo:
        services.route_entry_withdraw(**route(vpc, "10.1.0.0/16"))
    assert code_of(excinfo) == "system_route_fixed"


def test_detaching_the_vpc_removes_its_route_entries(vpc):
    """A Basic Edition entry belongs to its network instance: Detach takes it away."""
    services.route_entry_publish(**route(vpc))
    services.route_entry_to_cen_add(**route(vpc, "0.0.0.0/0"))
    services.network_instance_detach(owner=vpc.owner, network_id=vpc.pk)
    assert not VpcRouteEntry.objects.exists()
