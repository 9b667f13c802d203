"""Inter-region connections between transit routers: bandwidth from a bound package under the one
budget rule shared with region connections, or pay-by-data-transfer; modify, delete, and what a
package's other actions see."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import pricing
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.networks.selectors import packages_with_usage_for_cen
from cenconsole.transit import services
from cenconsole.transit.models import TransitRouterPeerAttachment

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {each.code for errors in error.error_dict.values() for each in errors}
    return {each.code for each in error.error_list}


@pytest.fixture
def routers(cen_instance, later):
    """Active transit routers of cen_instance in Hangzhou and Virginia."""
    owner = cen_instance.owner
    hangzhou = services.transit_router_create(owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    virginia = services.transit_router_create(owner=owner, cen_instance_id=cen_instance.pk, region_code="us-east-1")
    later()
    return hangzhou, virginia


def peer(routers, package=None, bandwidth=5, **extra):
    hangzhou, virginia = routers
    return services.peer_attachment_create(
        owner=hangzhou.owner,
        transit_router_id=hangzhou.pk,
        peer_transit_router_id=virginia.pk,
        package_id=package.pk if package else "",
        bandwidth=bandwidth,
        **extra,
    )


def test_a_connection_draws_from_the_package(routers, package, later):
    """5 Mbps from a 10 Mbps package: Attaching, then Attached; the package has 5 Mbps left."""
    attachment = peer(routers, package)
    assert (attachment.attachment_status, attachment.package_id, attachment.bandwidth) == ("Attaching", package.pk, 5)
    later(20)
    assert TransitRouterPeerAttachment.objects.get().attachment_status == "Attached"
    (usage,) = packages_with_usage_for_cen(owner=package.owner, cen_instance=package.cen_instance)
    assert (usage.used_bandwidth, usage.remaining_bandwidth) == (5, 5)


def test_budget_is_shared_with_region_connections(routers, package, connect):
    """A region connection of 6 Mbps leaves 4 for inter-region connections, and the other way round."""
    connect(package, "cn-shanghai", "us-west-1", 6)
    with pytest.raises(ValidationError) as refused:
        peer(routers, package, bandwidth=5)
    assert codes(refused.value) == {"bandwidth_exceeds_remaining"}
    peer(routers, package, bandwidth=4)
    with pytest.raises(ValidationError) as refused:
        connect(package, "cn-shanghai", "us-west-1", 7)
    assert codes(refused.value) == {"bandwidth_exceeds_remaining"}


def test_a_package_of_other_areas_is_refused(cen_instance, routers):
    """A package whose area pair does not cover the two regions is refused."""
    from tests.factories import buy_package

    europe = buy_package(cen_instance, area_b_code="Europe")
    with pytest.raises(ValidationError) as refused:
        peer(routers, europe)
    assert codes(refused.value) == {"regions_not_covered"}


def test_bandwidth_package_type_needs_a_package(routers):
    """BandwidthPackage without a package is refused."""
    with pytest.raises(ValidationError) as refused:
        peer(routers)
    assert codes(refused.value) == {"unknown_package"}


def test_data_transfer_needs_no_package_and_has_a_price(routers, package):
    """DataTransfer takes no package, leaves the package's budget alone and is priced per GB."""
    attachment = peer(routers, bandwidth=50, bandwidth_type="DataTransfer")
    assert attachment.package is None
    assert pricing.data_transfer_price("China", "North-America") > 0
    with pytest.raises(ValidationError) as refused:
        peer(routers, package, bandwidth=5, bandwidth_type="DataTransfer")
    assert codes(refused.value) == {"peer_pair_taken"}


def test_one_connection_per_router_pair(routers, package):
    """A second connection between the same two routers is refused."""
    peer(routers, package, bandwidth=2)
    with pytest.raises(ValidationError) as refused:
        peer(routers, package, bandwidth=2)
    assert codes(refused.value) == {"peer_pair_taken"}


def test_modify_within_budget(routers, package, later):
    """Modify bandwidth: up to what the package has left, counting itself out."""
    attachment = peer(routers, package, bandwidth=5)
    later(20)
    services.peer_attachment_update(owner=package.owner, attachment_id=attachment.pk, bandwidth=10)
    with pytest.raises(ValidationError) as refused:
        services.peer_attachment_update(owner=package.owner, attachment_id=attachment.pk, bandwidth=11)
    assert codes(refused.value) == {"bandwidth_exceeds_remaining"}


def test_modify_turns_automatic_route_publishing_off_and_on(routers, package, later):
    """auto_publish_route changes in place (what Terraform's update of auto_publish_route_enabled sends)."""
    attachment = peer(routers, package, bandwidth=5)
    later(20)
    services.peer_attachment_update(owner=package.owner, attachment_id=attachment.pk, auto_publish_route=False)
    attachment.refresh_from_db()
    assert attachment.auto_publish_route is False
    services.peer_attachment_update(owner=package.owner, attachment_id=attachment.pk, auto_publish_route=True)
    attachment.refresh_from_db()
    assert attachment.auto_publish_route is True


def test_a_connection_is_gold_unless_told_otherwise(routers, package):
    """No link type given: Gold, the reference's default (ListTransitRouterPeerAttachments: "Gold (default)")."""
    attachment = peer(routers, package)
    assert attachment.default_link_type == TransitRouterPeerAttachment.LinkType.GOLD


def test_a_pay_by_data_transfer_connection_may_be_platinum(routers):
    """Platinum is kept for a DataTransfer connection."""
    attachment = peer(routers, bandwidth_type="DataTransfer", default_link_type="Platinum")
    attachment.refresh_from_db()
    assert attachment.default_link_type == "Platinum"


def test_platinum_is_refused_for_a_package_connection(routers, package):
    """The reference: Platinum is supported only when BandwidthType is DataTransfer."""
    with pytest.raises(ValidationError) as refused:
        peer(routers, package, default_link_type="Platinum")
    assert codes(refused.value) == {"platinum_needs_data_transfer"}


def test_an_unknown_link_type_is_refused(routers):
    """Only Platinum and Gold are link types."""
    with pytest.raises(ValidationError) as refused:
        peer(routers, bandwidth_type="DataTransfer", default_link_type="Silver")
    assert codes(refused.value) == {"unknown_link_type"}


def test_modify_changes_the_link_type_with_an_audit_record(routers, later):
    """Gold to Platinum on a DataTransfer connection, kept, and one audit record of the change."""
    attachment = peer(routers, bandwidth_type="DataTransfer", default_link_type="Gold")
    later(20)
    owner = attachment.owner
    services.peer_attachment_update(owner=owner, attachment_id=attachment.pk, default_link_type="Platinum")
    attachment.refresh_from_db()
    assert attachment.default_link_type == "Platinum"
    record = AuditRecord.objects.get(action="transit_router.peer_attachment_modified", target_id=attachment.pk)
    assert record.changes == {"default_link_type": ["Gold", "Platinum"]}


def test_modify_to_platinum_is_refused_for_a_package_connection(routers, package, later):
    """A package connection stays Gold: Platinum needs DataTransfer on an update too."""
    attachment = peer(routers, package)
    later(20)
    with pytest.raises(ValidationError) as refused:
        services.peer_attachment_update(owner=package.owner, attachment_id=attachment.pk, default_link_type="Platinum")
    assert codes(refused.value) == {"platinum_needs_data_transfer"}
    attachment.refresh_from_db()
    assert attachment.default_link_type == "Gold"


def test_delete_returns_the_bandwidth_and_frees_the_router(routers, package, later):
    """A deleted connection gives its bandwidth back at once; the routers can go once it is gone."""
    attachment = peer(routers, package, bandwidth=10)
    later(20)
    hangzhou, virginia = routers
    with pytest.raises(ValidationError) as refused:
        services.transit_router_delete(owner=package.owner, transit_router_id=virginia.pk)
    assert codes(refused.value) == {"transit_router_has_attachments"}
    services.peer_attachment_delete(owner=package.owner, attachment_id=attachment.pk)
    (usage,) = packages_with_usage_for_cen(owner=package.owner, cen_instance=package.cen_instance)
    assert usage.remaining_bandwidth == 10
    later(40)
    services.transit_router_delete(owner=package.owner, transit_router_id=virginia.pk)


def test_unbind_and_downgrade_see_the_connection(routers, package):
    """A package carrying an inter-region connection cannot be unbound, nor downgraded below it."""
    peer(routers, package, bandwidth=5)
    with pytest.raises(ValidationError) as refused:
        bandwidth_services.package_unbind(owner=package.owner, package_id=package.pk)
    assert codes(refused.value) == {"package_has_connections"}
    assert bandwidth_services.connections_used(package) == 5


def test_the_two_routers_must_differ_in_region_and_cen(cen_instance, routers, later):
    """A peer of another CEN instance is refused."""
    from tests.factories import CenInstanceFactory

    other = CenInstanceFactory(owner=cen_instance.owner)
    elsewhere = services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=other.pk, region_code="us-east-1"
    )
    later(20)
    with pytest.raises(ValidationError) as refused:
        services.peer_attachment_create(
            owner=cen_instance.owner,
            transit_router_id=routers[0].pk,
            peer_transit_router_id=elsewhere.pk,
            bandwidth_type="DataTransfer",
            bandwidth=5,
        )
    assert codes(refused.value) == {"unknown_transit_router"}


def test_each_router_is_read_once_with_its_region_and_area(routers, package):
    """Creating a connection reads each router once, its region and area joined: no region read again."""
    with CaptureQueriesContext(connection) as queries:
        peer(routers, package)
    router_reads = [each["sql"] for each in queries if each["sql"].startswith('SELECT "transit_transitrouter"')]
    region_reads = [each["sql"] for each in queries if 'FROM "regions_region" ' in each["sql"]]
    assert (len(router_reads), region_reads) == (2, [])
    assert all('"regions_area"' in sql for sql in router_reads)
