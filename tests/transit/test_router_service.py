"""The account's transit router service (Check/OpenTransitRouterService) and the zones a region offers
transit routers (ListTransitRouterAvailableResource)."""

import pytest

from cenconsole.transit import selectors, services
from cenconsole.transit.models import TransitRouterService

pytestmark = pytest.mark.django_db


def test_a_new_account_has_no_transit_router_service(user):
    """Nothing opened it: not enabled."""
    assert not selectors.transit_router_service_enabled(owner=user)


def test_opening_the_service_places_an_order(user):
    """Open records the service with a 16-digit order number; the service is then enabled."""
    service = services.transit_router_service_open(owner=user)
    assert len(service.order_id) == 16 and service.order_id.isdigit()
    assert selectors.transit_router_service_enabled(owner=user)


def test_the_service_opens_once(user):
    """A second Open answers the order that opened the service and places none."""
    first = services.transit_router_service_open(owner=user)
    assert services.transit_router_service_open(owner=user).order_id == first.order_id
    assert TransitRouterService.objects.filter(owner=user).count() == 1


def test_an_account_with_a_router_opens_the_service_by_an_order(cen_instance):
    """An account whose routers opened the service gets an order when it opens it explicitly."""
    services.transit_router_create(owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="us-east-1")
    assert services.transit_router_service_open(owner=cen_instance.owner).order_id


def test_an_account_with_a_router_has_the_service(cen_instance):
    """Making a transit router opens the service, as the console's first router does."""
    services.transit_router_create(owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="us-east-1")
    assert selectors.transit_router_service_enabled(owner=cen_instance.owner)


def test_zones_follow_the_regions_form():
    """A region ending in a letter takes a hyphen before the zone's letter; one ending in a digit none."""
    assert selectors.transit_router_zones("cn-hangzhou")[0] == "cn-hangzhou-h"
    assert selectors.transit_router_zones("us-east-1") == ["us-east-1a", "us-east-1b"]


def test_an_unknown_region_has_no_zones():
    """A region the replica does not know offers none."""
    assert selectors.transit_router_zones("mars-north-1") == []
