from datetime import timedelta
from decimal import Decimal

import pytest

from cenconsole.accounts.models import User
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory, buy_package

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def test_two_runs_at_once_auto_renew_once():
    """Two process_subscriptions runs at the same moment renew a package once and charge once."""
    package = buy_package(CenInstanceFactory(), area_a_code="China", area_b_code="China", bandwidth=2)
    services.package_set_auto_renewal(
        owner=package.owner, package_id=package.pk, auto_renewal=True, auto_renewal_months=1
    )
    start = User.objects.get(pk=package.owner_id).balance
    now = package.expires_at + timedelta(minutes=1)
    results = at_once(*(lambda: services.subscriptions_process(now=now) for _ in range(2)))
    assert not any(isinstance(result, Exception) for result in results)
    assert Order.objects.filter(package=package, order_type="Renew").count() == 1
    assert User.objects.get(pk=package.owner_id).balance == start - Decimal("68.00")
    assert BandwidthPackage.objects.get(pk=package.pk).expires_at > now
