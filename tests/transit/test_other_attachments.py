"""VBR, VPN and ECR connections through their services: statuses on the clock, the products' records they
name, one connection per VBR or VPN connection (per router for an ECR), the route table rules of a
delete, and a router that has them."""

import re

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.products.models import ProductResource
from cenconsole.transit import services
from cenconsole.transit.models import RouteTableLink, TransitRouter, TransitRouterVbrAttachment
from cenconsole.transit.selectors import connection_kinds

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {each.code for errors in error.error_dict.values() for each in errors}
    return {each.code for each in error.error_list}


def connect(router, kind="VBR", resource_id="vbr-hz0001", **extra):
    return services.product_attachment_create(
        owner=router.owner, kind=kind, resource_id=resource_id, transit_router_id=router.pk, **extra
    )


@pytest.fixture
def router(active_router):
    return active_router()


def test_a_vbr_connection_is_attaching_then_attached(router, later):
    """A VBR connection has a tr-attach- ID, is Attaching for a few seconds, then Attached, and is audited."""
    attachment = connect(router)
    assert re.fullmatch(r"tr-attach-[a-z0-9]{20}", attachment.pk)
    assert attachment.attachment_status == "Attaching"
    later(20)
    assert TransitRouterVbrAttachment.objects.get(pk=attachment.pk).attachment_status == "Attached"
    assert AuditRecord.objects.filter(action="transit_router.vbr_attached", target_id=router.pk).exists()


def test_the_named_vbr_becomes_a_record_of_the_routers_region(router):
    """The first mention of a VBR makes the account's record of it, in the router's region."""
    connect(router)
    record = ProductResource.objects.get(owner=router.owner, resource_id="vbr-hz0001")
    assert (record.kind, record.region_id) == ("VBR", "cn-hangzhou")


def test_a_vbr_of_another_region_is_refused(router, active_router):
    """A VBR lives in one region: the router of another region cannot take it."""
    connect(router)
    shanghai = active_router("cn-shanghai")
    with pytest.raises(ValidationError) as refused:
        connect(shanghai)
    assert codes(refused.value) == {"resource_region"}


def test_a_malformed_resource_id_is_refused(router):
    """A VPN connection's ID is vco- and lower-case letters and digits."""
    with pytest.raises(ValidationError) as refused:
        connect(router, kind="VPN", resource_id="vbr-wrongkind")
    assert refused.value.error_dict["VpnId"][0].code == "resource_id_format"


def test_a_vbr_takes_one_connection(router, later):
    """A second connection of the same VBR is refused while the first is not deleted."""
    first = connect(router)
    with pytest.raises(ValidationError) as refused:
        connect(router)
    assert codes(refused.value) == {"resource_connected"}
    later(20)
    services.product_attachment_delete(owner=router.owner, kind="VBR", attachment_id=first.pk)
    assert connect(router).pk != first.pk


def test_an_ecr_connects_once_per_router(router, active_router, later):
    """An ECR is global: it joins routers of several regions, each once."""
    connect(router, kind="ECR", resource_id="ecr-global0001")
    with pytest.raises(ValidationError) as refused:
        connect(router, kind="ECR", resource_id="ecr-global0001")
    assert codes(refused.value) == {"resource_connected"}
    other = active_router("us-east-1")
    assert connect(other, kind="ECR", resource_id="ecr-global0001").transit_router_id == other.pk


def test_a_vpn_connection_keeps_its_zones(router):
    """A VPN connection's zones are zones of the router's region, each once."""
    attachment = connect(router, kind="VPN", resource_id="vco-hz0001", zones=["cn-hangzhou-h", "cn-hangzhou-i"])
    assert attachment.zones == ["cn-hangzhou-h", "cn-hangzhou-i"]
    with pytest.raises(ValidationError) as refused:
        connect(router, kind="VPN", resource_id="vco-hz0002", zones=["us-east-1a"])
    assert codes(refused.value) == {"zone_format"}


def test_a_creating_router_refuses_connections(cen_instance):
    """A router named by ID must be Active."""
    creating = services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    with pytest.raises(ValidationError) as refused:
        connect(creating)
    assert codes(refused.value) == {"transit_router_not_active"}


def test_without_a_router_the_cens_router_of_the_region_is_made(cen_instance):
    """Given a CEN instance and a region with no router, the connection makes the router (both Creating)."""
    attachment = services.product_attachment_create(
        owner=cen_instance.owner,
        kind="VBR",
        resource_id="vbr-auto0001",
        cen_id=cen_instance.pk,
        region_code="us-east-1",
    )
    router = TransitRouter.objects.get(cen_instance=cen_instance, region_id="us-east-1")
    assert attachment.transit_router_id == router.pk
    assert (router.status, attachment.attachment_status) == ("Creating", "Attaching")


def test_without_a_router_the_cens_router_of_the_region_is_used(router):
    """Given a CEN instance and the region of its Active router, the connection joins that router."""
    attachment = services.product_attachment_create(
        owner=router.owner,
        kind="ECR",
        resource_id="ecr-auto0001",
        cen_id=router.cen_instance_id,
        region_code="cn-hangzhou",
    )
    assert attachment.transit_router_id == router.pk


def test_a_new_connection_has_no_route_table_links_unless_asked(router):
    """No association or propagation by default; both with the default route table when asked."""
    plain = connect(router)
    linked = connect(router, resource_id="vbr-hz0002", associate_with_default=True, propagate_to_default=True)
    assert not RouteTableLink.objects.filter(attachment_id=plain.pk).exists()
    assert sorted(RouteTableLink.objects.filter(attachment_id=linked.pk).values_list("kind", flat=True)) == [
        "association",
        "propagation",
    ]


def test_the_router_knows_its_connections_kinds(router):
    """Route table views name a VBR connection's resource type and the VBR's ID."""
    attachment = connect(router)
    assert connection_kinds(router)[attachment.pk] == ("VBR", "vbr-hz0001")


def test_update_changes_name_publishing_and_payer(router, later):
    """An Attached connection takes a new name, route publishing and payer, audited."""
    attachment = connect(router, kind="VPN", resource_id="vco-hz0001")
    later(20)
    services.product_attachment_update(
        owner=router.owner,
        kind="VPN",
        attachment_id=attachment.pk,
        name="vpn-1",
        auto_publish_route=True,
        order_type="PayByResourceOwner",
    )
    attachment.refresh_from_db()
    assert (attachment.name, attachment.auto_publish_route, attachment.order_type) == (
        "vpn-1",
        True,
        "PayByResourceOwner",
    )
    assert AuditRecord.objects.filter(action="transit_router.vpn_attachment_modified").exists()


def test_an_unknown_payer_is_refused(router, later):
    """OrderType is PayByCenOwner or PayByResourceOwner."""
    attachment = connect(router)
    later(20)
    with pytest.raises(ValidationError) as refused:
        services.product_attachment_update(
            owner=router.owner, kind="VBR", attachment_id=attachment.pk, order_type="PayByNobody"
        )
    assert codes(refused.value) == {"unknown_order_type"}


def test_an_attaching_connection_refuses_changes(router):
    """Update and Delete wait until the connection is Attached."""
    attachment = connect(router)
    for change in (
        lambda: services.product_attachment_update(
            owner=router.owner, kind="VBR", attachment_id=attachment.pk, name="x"
        ),
        lambda: services.product_attachment_delete(owner=router.owner, kind="VBR", attachment_id=attachment.pk),
    ):
        with pytest.raises(ValidationError) as refused:
            change()
        assert codes(refused.value) == {"attachment_not_attached"}


def test_another_kinds_or_accounts_connection_is_unknown(router, other_user, later):
    """A VBR connection is not a VPN connection, and another account's is nobody's."""
    attachment = connect(router)
    later(20)
    for owner, kind in ((router.owner, "VPN"), (other_user, "VBR")):
        with pytest.raises(ValidationError) as refused:
            services.product_attachment_delete(owner=owner, kind=kind, attachment_id=attachment.pk)
        assert codes(refused.value) == {"unknown_attachment"}


def test_delete_is_refused_while_a_route_table_links_it(router, later):
    """A connection associated with a route table is not deleted without Force."""
    attachment = connect(router, associate_with_default=True)
    later(20)
    with pytest.raises(ValidationError) as refused:
        services.product_attachment_delete(owner=router.owner, kind="VBR", attachment_id=attachment.pk)
    assert codes(refused.value) == {"connection_has_links"}


def test_delete_is_refused_while_a_static_route_points_at_it(router, later):
    """A static route whose next hop is the connection keeps it, without Force."""
    attachment = connect(router)
    later(20)
    table = router.route_tables.get()
    services.route_entry_create(
        owner=router.owner,
        route_table_id=table.pk,
        destination_cidr="10.8.0.0/16",
        next_hop_type="Attachment",
        next_hop_id=attachment.pk,
    )
    with pytest.raises(ValidationError) as refused:
        services.product_attachment_delete(owner=router.owner, kind="VBR", attachment_id=attachment.pk)
    assert codes(refused.value) == {"connection_has_routes"}


def test_force_delete_removes_its_links_and_routes(router, later):
    """Force deletes the connection with its associations, propagations and static routes."""
    attachment = connect(router, associate_with_default=True, propagate_to_default=True)
    later(20)
    table = router.route_tables.get()
    entry = services.route_entry_create(
        owner=router.owner,
        route_table_id=table.pk,
        destination_cidr="10.8.0.0/16",
        next_hop_type="Attachment",
        next_hop_id=attachment.pk,
    )
    services.product_attachment_delete(owner=router.owner, kind="VBR", attachment_id=attachment.pk, force=True)
    entry.refresh_from_db()
    assert entry.deleted_at is not None
    assert not RouteTableLink.objects.filter(attachment_id=attachment.pk).exists()
    assert TransitRouterVbrAttachment.objects.get(pk=attachment.pk).attachment_status == "Detaching"


def test_a_router_with_a_vbr_connection_is_not_deleted(router, later):
    """DeleteTransitRouter counts VBR, VPN and ECR connections among the router's connections."""
    attachment = connect(router, kind="ECR", resource_id="ecr-hz0001")
    later(20)
    with pytest.raises(ValidationError) as refused:
        services.transit_router_delete(owner=router.owner, transit_router_id=router.pk)
    assert codes(refused.value) == {"transit_router_has_attachments"}
    services.product_attachment_delete(owner=router.owner, kind="ECR", attachment_id=attachment.pk)
    later(40)
    services.transit_router_delete(owner=router.owner, transit_router_id=router.pk)


def test_a_connection_can_be_associated_with_a_custom_route_table(router, later):
    """Route tables take the new connections as they take VPC connections."""
    attachment = connect(router, kind="VPN", resource_id="vco-hz0001")
    later(20)
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk)
    link = services.route_table_link(
        owner=router.owner, route_table_id=table.pk, attachment_id=attachment.pk, kind="association"
    )
    assert link.route_table_id == table.pk
