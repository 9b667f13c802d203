import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection

from cenconsole.accounts.models import User
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
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
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            services.subscriptions_process(now=now)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Order.objects.filter(package=package, order_type="Renew").count() == 1
    assert User.objects.get(pk=package.owner_id).balance == start - Decimal("68.00")
    assert BandwidthPackage.objects.get(pk=package.pk).expires_at > now
