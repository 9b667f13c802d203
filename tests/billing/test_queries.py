import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import buy_package

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def buy_unbound(cen_instance, count):
    """`count` charges, each with its order (unbound packages: one area pair holds any number)."""
    for _ in range(count):
        buy_package(cen_instance, cen_instance_id=None, area_a_code="Europe", area_b_code="Europe", bandwidth=2)


def test_billing_page_queries_do_not_grow_with_entries(client_user, cen_instance):
    """The Billing page makes as many SQL queries for a full page of linked entries (of two pages) as for 2."""
    buy_unbound(cen_instance, 1)
    two = queries_for(client_user, "/billing/")
    buy_unbound(cen_instance, 25)
    assert queries_for(client_user, "/billing/") == two


def test_export_queries_do_not_grow_with_entries(client_user, cen_instance):
    """Export CSV makes as many SQL queries for 27 entries as for 2."""
    buy_unbound(cen_instance, 1)
    two = queries_for(client_user, "/billing/export.csv")
    buy_unbound(cen_instance, 25)
    assert queries_for(client_user, "/billing/export.csv") == two
