"""Issue 5 on region connections: an expired package's connections stop counting and are frozen."""

import html
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.networks import selectors, services
from tests.factories import buy_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def connected(user, cen_instance):
    """Two VPCs, Hangzhou and Beijing, connected at 4 Mbps by a Mainland China package."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    for region in ("cn-hangzhou", "cn-beijing"):
        services.network_instance_attach(owner=user, cen_instance_id=cen_instance.pk, region_code=region)
    connection = services.region_connection_set(
        owner=user,
        cen_instance_id=cen_instance.pk,
        package_id=package.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="cn-beijing",
        bandwidth=4,
    )
    return package, connection


def expire(package):
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=timezone.now() - timedelta(minutes=1))


def cross_cell(user, cen_instance):
    """The matrix cell from the first network's region to the second's, as the Networks tab shows it:
    its words (`label`) and where its link leads (`setup_url`)."""
    matrix = selectors.connectivity_matrix(owner=user, cen_instance=cen_instance)
    source, target = matrix.groups[0].region, matrix.groups[1].region
    client = Client()
    client.force_login(user)
    page = client.get(reverse("networks:cen_networks", kwargs={"cen_id": cen_instance.pk})).content.decode()
    cell = re.search(rf'data-from="{source.pk}" data-to="{target.pk}">(.*?)</td>', page, re.S).group(1)
    link = re.search(r'href="([^"]*)"', cell)
    label = re.sub(r"<div>.*?</div>|<[^>]+>", "", cell, flags=re.S).strip()
    return SimpleNamespace(label=html.unescape(label), setup_url=html.unescape(link.group(1)) if link else "")


def test_expired_package_connections_do_not_count_and_the_matrix_says_why(user, cen_instance, connected):
    """After expiry the matrix reads 'Not connected (bandwidth package expired)' and links to Renew."""
    package, _ = connected
    assert cross_cell(user, cen_instance).label == "Connected · 4 Mbps"
    expire(package)
    cell = cross_cell(user, cen_instance)
    assert cell.label == "Not connected (bandwidth package expired)"
    assert cell.setup_url == reverse("bandwidth:package_renew", args=[package.pk])


def test_expired_package_connections_cannot_be_changed(user, cen_instance, connected):
    """Setting or deleting a connection of an expired package is refused with the reason."""
    package, connection = connected
    expire(package)
    with pytest.raises(ValidationError, match="has expired"):
        services.region_connection_set(
            owner=user,
            cen_instance_id=cen_instance.pk,
            package_id=package.pk,
            local_region_code="cn-hangzhou",
            opposite_region_code="cn-beijing",
            bandwidth=2,
        )
    with pytest.raises(ValidationError, match="has expired"):
        services.region_connection_delete(owner=user, connection_id=connection.pk)


def test_renewing_restores_the_connections(user, cen_instance, connected):
    """Renewing the expired package makes its connections count again, unchanged."""
    package, _ = connected
    expire(package)
    order = bandwidth_services.order_create_renewal(
        terms_agreed=True, owner=user, idempotency_key="r", package_id=package.pk, duration_months=1
    )
    bandwidth_services.order_pay(owner=user, order_id=order.pk)
    assert cross_cell(user, cen_instance).label == "Connected · 4 Mbps"
