"""TempUpgradeCenBandwidthPackageSpec: a temporary upgrade, priced and paid through the one Pay pipeline
(with its ledger entry), shown as reservation data, and undone by time passing at its end time."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine

from cenconsole.accounts.models import LedgerEntry
from cenconsole.bandwidth import pricing
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.core import clock
from cenconsole.networks import services as network_services
from cenconsole.networks.models import RegionConnection
from tests.api.conftest import api_call

pytestmark = pytest.mark.django_db


def api_time(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%MZ")


def temp_upgrade(client, package, bandwidth=20, ends_at=None):
    ends_at = ends_at or (clock.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    return api_call(
        client,
        "TempUpgradeCenBandwidthPackageSpec",
        CenBandwidthPackageId=package.pk,
        Bandwidth=bandwidth,
        EndTime=api_time(ends_at),
    )


def test_a_temporary_upgrade_raises_the_bandwidth_and_charges_the_prorated_difference(client, access_key, package):
    """The package has the new bandwidth at once; a TempUpgrade order is paid for the hours until the end."""
    ends_at = (clock.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    with time_machine.travel(clock.now(), tick=False):
        expected = pricing.upgrade_price(
            area_a_code=package.area_a_id,
            area_b_code=package.area_b_id,
            old_bandwidth=10,
            new_bandwidth=20,
            expires_at=ends_at,
            now=clock.now(),
        )
        answer = temp_upgrade(client, package, ends_at=ends_at)
    assert answer.status == 200, answer.body
    package.refresh_from_db()
    assert (package.bandwidth, package.temporary_upgrade_from, package.temporary_upgrade_ends_at) == (20, 10, ends_at)
    order = Order.objects.get(order_type=Order.Type.TEMP_UPGRADE)
    assert (order.status, order.amount, order.ends_at) == (Order.Status.PAID, expected, ends_at)
    assert expected > Decimal("0")
    entry = LedgerEntry.objects.get(order_id=order.pk)
    assert entry.amount == -expected


def test_reservation_data_shows_the_return_to_the_old_bandwidth(client, access_key, package):
    """IncludeReservationData: the old bandwidth, the end time and TEMP_UPGRADE; HasReservationData true."""
    ends_at = (clock.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    temp_upgrade(client, package, ends_at=ends_at)
    answer = api_call(client, "DescribeCenBandwidthPackages", IncludeReservationData="true")
    (shown,) = answer.body["CenBandwidthPackages"]["CenBandwidthPackage"]
    assert (shown["Bandwidth"], shown["HasReservationData"]) == (20, "true")
    assert (shown["ReservationBandwidth"], shown["ReservationActiveTime"], shown["ReservationOrderType"]) == (
        "10",
        api_time(ends_at),
        "TEMP_UPGRADE",
    )


def test_without_include_reservation_data_the_fields_are_empty(client, access_key, package):
    """Without IncludeReservationData the Reservation* fields are there, empty; HasReservationData still says."""
    temp_upgrade(client, package)
    (shown,) = api_call(client, "DescribeCenBandwidthPackages").body["CenBandwidthPackages"]["CenBandwidthPackage"]
    assert (shown["ReservationBandwidth"], shown["HasReservationData"]) == ("", "true")


def test_at_the_end_time_the_package_returns_to_the_old_bandwidth(client, access_key, package):
    """process_subscriptions at the end time: back to 10 Mbps, the reservation gone, audited."""
    ends_at = (clock.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    temp_upgrade(client, package, ends_at=ends_at)
    assert bandwidth_services.subscriptions_process(now=ends_at - timedelta(minutes=1))["temporary_upgrades_ended"] == 0
    done = bandwidth_services.subscriptions_process(now=ends_at)
    assert done["temporary_upgrades_ended"] == 1
    package.refresh_from_db()
    assert (package.bandwidth, package.temporary_upgrade_from, package.temporary_upgrade_ends_at) == (10, None, None)
    assert bandwidth_services.subscriptions_process(now=ends_at)["temporary_upgrades_ended"] == 0


def test_region_connections_beyond_the_old_bandwidth_are_cut_at_the_end(client, access_key, package):
    """Connections using the upgraded bandwidth are cut back, newest first, to fit the old bandwidth."""
    temp_upgrade(client, package)
    for opposite, bandwidth in (("us-east-1", 8), ("us-west-1", 10)):
        network_services.region_connection_set(
            owner=package.owner,
            cen_instance_id=package.cen_instance_id,
            package_id=package.pk,
            local_region_code="cn-hangzhou",
            opposite_region_code=opposite,
            bandwidth=bandwidth,
        )
    bandwidth_services.subscriptions_process(now=clock.now() + timedelta(days=4))
    left = dict(RegionConnection.objects.values_list("opposite_region_id", "bandwidth"))
    assert left == {"us-east-1": 8, "us-west-1": 2}


@pytest.mark.parametrize(
    "bandwidth, days, code",
    [
        (10, 3, "InvalidParameter"),
        (5, 3, "InvalidParameter"),
        (20, 400, "InvalidParameter"),
        (20, -1, "InvalidParameter"),
    ],
)
def test_a_temporary_upgrade_that_cannot_be_is_refused(client, access_key, package, bandwidth, days, code):
    """Not higher than now, or ending in the past or after the expiration: refused, nothing charged."""
    ends_at = (clock.now() + timedelta(days=days)).replace(second=0, microsecond=0)
    answer = temp_upgrade(client, package, bandwidth=bandwidth, ends_at=ends_at)
    assert (answer.status, answer.code) == (400, code)
    assert BandwidthPackage.objects.get(pk=package.pk).bandwidth == 10
    assert not Order.objects.filter(order_type=Order.Type.TEMP_UPGRADE).exists()


def test_a_second_temporary_upgrade_or_a_resize_waits_for_the_first_to_end(client, access_key, package):
    """While temporarily upgraded, another temporary upgrade or a resize is refused."""
    temp_upgrade(client, package)
    assert temp_upgrade(client, package, bandwidth=30).code == "OperationFailed.OperationIsProcessing"
    resize = api_call(client, "ModifyCenBandwidthPackageSpec", CenBandwidthPackageId=package.pk, Bandwidth=40)
    assert resize.code == "OperationFailed.OperationIsProcessing"


def test_a_malformed_end_time_is_refused(client, access_key, package):
    """EndTime not of the yyyy-MM-ddTHH:mmZ form: InvalidParameter naming EndTime."""
    answer = api_call(
        client, "TempUpgradeCenBandwidthPackageSpec", CenBandwidthPackageId=package.pk, Bandwidth=20, EndTime="soon"
    )
    assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert "EndTime" in answer.body["Message"]


def test_another_accounts_package_is_refused(client, access_key, other_user, cen_instance):
    """Another account's package: ParameterBwpInstanceId, untouched."""
    from tests.factories import CenInstanceFactory, buy_package

    theirs = buy_package(CenInstanceFactory(owner=other_user))
    answer = temp_upgrade(client, theirs)
    assert answer.code == "ParameterBwpInstanceId"
    assert BandwidthPackage.objects.get(pk=theirs.pk).bandwidth == theirs.bandwidth


def test_the_ledger_entry_reads_as_a_temporary_upgrade_order(client, access_key, package):
    """Billing's line for the charge names the order as a Temporary upgrade order."""
    temp_upgrade(client, package)
    order = Order.objects.get(order_type=Order.Type.TEMP_UPGRADE)
    entry = LedgerEntry.objects.get(order_id=order.pk)
    assert entry.description_display == f"Temporary upgrade order {order.number}"
