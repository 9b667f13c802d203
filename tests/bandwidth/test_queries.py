from itertools import combinations_with_replacement

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.regions.models import Area
from tests.factories import CenInstanceFactory, buy_package, order_purchase

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def buy_every_area_pair(cen_instance):
    """A package for each of the 15 area pairs: the most packages one CEN instance can hold."""
    codes = list(Area.objects.values_list("code", flat=True))
    for area_a, area_b in combinations_with_replacement(codes, 2):
        buy_package(cen_instance, area_a_code=area_a, area_b_code=area_b, bandwidth=2)


def test_bandwidth_packages_tab_queries_do_not_grow_with_rows(client_user, cen_instance):
    """The tab makes as many SQL queries for 15 packages (one per area pair, the most a CEN holds) as for 1."""
    url = f"/cen/instances/{cen_instance.pk}/bandwidth-packages/"
    other = CenInstanceFactory(owner=cen_instance.owner)
    buy_package(cen_instance)
    one = queries_for(client_user, url)
    buy_every_area_pair(other)
    url = f"/cen/instances/{other.pk}/bandwidth-packages/"
    assert queries_for(client_user, url) == one


def test_orders_page_queries_do_not_grow_with_rows(client_user, cen_instance):
    """The Orders page makes as many SQL queries for 50 orders as for 1."""
    buy_package(cen_instance)
    one = queries_for(client_user, "/cen/orders/")
    for _ in range(49):
        order_purchase(cen_instance, area_a_code="Europe", area_b_code="Australia")
    assert queries_for(client_user, "/cen/orders/") == one


def test_live_quote_queries_do_not_grow_with_instances_or_packages(client_user, cen_instance):
    """The purchase page's live quote (htmx) makes as many SQL queries for an account with 15 packages and
    20 instances as for one with 1."""
    quote = (
        "/cen/bandwidth-packages/buy/?idempotency_key=q&cen_instance={cen}&area_a=China&area_b=North-America"
        "&bandwidth=10&duration_months=12&auto_renewal_months=1"
    )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client_user.get(quote.format(cen=cen_instance.pk), HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        return len(captured)

    buy_package(cen_instance)
    one = queries()
    buy_every_area_pair(CenInstanceFactory(owner=cen_instance.owner))
    CenInstanceFactory.create_batch(19, owner=cen_instance.owner)
    assert queries() == one
