"""Reset demo and the sandbox purge remove an account's transit routers with everything else."""

import pytest

from cenconsole.demo import services as demo_services
from cenconsole.transit.models import RouteTableLink, TransitRouter, TransitRouterPeerAttachment
from tests.transit.objects import transit_objects

pytestmark = pytest.mark.django_db


def test_reset_demo_removes_transit_routers_and_their_connections():
    """A sandbox with routers, a VPC connection and an inter-region connection resets cleanly."""
    sandbox = demo_services.sandbox_create(ip_address=None)
    cen_instance = sandbox.cen_instances.get()
    from tests.factories import buy_package

    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    transit_objects(owner=sandbox, cen_instance=cen_instance, package=package)
    demo_services.demo_reset(account=sandbox)
    assert not TransitRouter.objects.filter(owner=sandbox).exists()
    assert not TransitRouterPeerAttachment.objects.filter(owner=sandbox).exists()
    assert not RouteTableLink.objects.exists()
