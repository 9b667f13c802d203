"""The test clock (Advance time): the account's own time moves, what was due happens in order, and
nothing moves for anyone else."""

import urllib.parse
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.test import RequestFactory

from cenconsole.accounts.models import LedgerEntry
from cenconsole.api.models import AccessKey
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.pricing import add_months
from cenconsole.core import clock
from cenconsole.core.middleware import AccountClockMiddleware
from cenconsole.demo import services as demo
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, common_parameters, sdk_sign
from tests.factories import CenInstanceFactory, UserFactory, buy_package

pytestmark = pytest.mark.django_db

CLOCK_URL = "/demo/clock/"


def expiring(account):
    return BandwidthPackage.objects.get(owner=account, name="demo-expiring")


def ledger_total(account):
    return LedgerEntry.objects.filter(account=account).aggregate(total=Sum("amount"))["total"]


def test_advance_one_month_expires_the_expiring_package(client, sandbox):
    """1 month: the package expiring within the hour expires (auto-renewal off) and, expired longer
    than the grace period, is released; the top bar shows the account's clock."""
    client.force_login(sandbox)
    start = clock.real_now()
    response = client.post(CLOCK_URL, {"step": "month", "next": "/cen/packages/"})
    assert response.status_code == 302 and response.url == "/cen/packages/"
    sandbox.refresh_from_db()
    calendar_month = add_months(start, 1) - start  # 28 to 31 days
    assert calendar_month - timedelta(minutes=1) < sandbox.clock_offset <= calendar_month
    page = client.get("/cen/instances/").content.decode()
    assert f"{calendar_month.days} days ahead" in page or f"{calendar_month.days - 1} days ahead" in page
    assert f"Clock: {clock.real_now() + sandbox.clock_offset:%Y-%m-%d}" in page
    package = expiring(sandbox)
    assert package.expiry_processed_for == package.expires_at
    assert abs(package.released_at - (package.expires_at + timedelta(days=15))) < timedelta(seconds=1)


def test_auto_renewal_charges_at_the_expiry_and_ledger_agrees(sandbox):
    """With auto-renewal on, the month's advance renews the package at its old expiration and charges
    the balance: the Orders list has the renewal, and balance = sum of the ledger."""
    package = expiring(sandbox)
    BandwidthPackage.objects.filter(pk=package.pk).update(auto_renewal=True)
    balance_before = sandbox.balance
    done = demo.clock_advance(account=sandbox, step="month")
    assert done["auto_renewed"] == 1
    sandbox.refresh_from_db()
    renewal = Order.objects.get(owner=sandbox, order_type=Order.Type.RENEW)
    assert renewal.paid_at == package.expires_at
    assert sandbox.balance == balance_before - renewal.amount
    assert ledger_total(sandbox) == sandbox.balance
    package.refresh_from_db()
    with clock.account_time(sandbox.clock_offset):
        assert not package.shows_expired


def test_events_happen_in_order_over_a_long_advance(sandbox):
    """Stepping a month at a time for two months: the auto-renewed package renews twice, each at its
    own expiration; the expired one is released after the grace period."""
    BandwidthPackage.objects.filter(owner=sandbox, name="demo-expiring").update(auto_renewal=True)
    demo.clock_advance(account=sandbox, step="month")
    demo.clock_advance(account=sandbox, step="month")
    renewals = Order.objects.filter(owner=sandbox, order_type=Order.Type.RENEW).order_by("paid_at")
    assert renewals.count() == 2
    expired = BandwidthPackage.objects.get(owner=sandbox, name="demo-expired")
    assert expired.released_at is not None
    assert expired.released_at > clock.real_now()  # released on the account's clock


def test_to_next_expiry(sandbox):
    """To next expiry moves the clock to the earliest future expiration and processes it."""
    target = expiring(sandbox).expires_at
    demo.clock_advance(account=sandbox, step=demo.NEXT_EXPIRY)
    sandbox.refresh_from_db()
    assert abs(clock.real_now() + sandbox.clock_offset - target) < timedelta(seconds=5)
    with clock.account_time(sandbox.clock_offset):
        assert expiring(sandbox).shows_expired


def test_a_test_clock_changes_nothing_for_other_accounts(client, sandbox):
    """Another account with a package expiring at the same moment is untouched, and its pages and
    requests still run on real time."""
    other = UserFactory()
    package = buy_package(CenInstanceFactory(owner=other), area_a_code="Asia-Pacific", area_b_code="Europe")
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=expiring(sandbox).expires_at)
    other.refresh_from_db()
    other_balance = other.balance
    demo.clock_advance(account=sandbox, step="month")
    package.refresh_from_db()
    other.refresh_from_db()
    assert not package.shows_expired and package.expiry_processed_for is None
    assert other.balance == other_balance and other.clock_offset == timedelta(0)
    client.force_login(other)
    page = client.get("/cen/instances/").content.decode()
    assert "Clock:" not in page


def test_middleware_runs_the_account_on_its_clock_and_staff_on_real_time(sandbox):
    """Requests of an account with an offset see now() ahead; staff and anonymous requests do not."""
    seen = []
    middleware = AccountClockMiddleware(lambda request: seen.append(clock.now() - clock.real_now()))
    sandbox.clock_offset = timedelta(days=7)
    staff = UserFactory(is_staff=True)
    staff.clock_offset = timedelta(days=7)
    for user in (sandbox, staff):
        request = RequestFactory().get("/")
        request.user = user
        middleware(request)
    assert seen[0] > timedelta(days=6) and seen[1] < timedelta(seconds=1)
    assert clock.offset() == timedelta(0)  # reset after the request


def test_only_demo_accounts_may_advance(client):
    """An ordinary account gets 403 and its clock stays real."""
    account = UserFactory()
    client.force_login(account)
    assert client.post(CLOCK_URL, {"step": "day"}).status_code == 403
    account.refresh_from_db()
    assert account.clock_offset == timedelta(0)


def test_back_to_real_time_is_refused_once_state_depends_on_the_future(client, sandbox):
    """After an advance that expired a package, Back to real time explains why not and keeps the clock."""
    client.force_login(sandbox)
    client.post(CLOCK_URL, {"step": "day"})
    page = client.get(CLOCK_URL).content.decode()
    assert "cannot go back to real time" in page
    client.post("/demo/clock/real-time/")
    sandbox.refresh_from_db()
    assert sandbox.clock_offset > timedelta(0)


def test_back_to_real_time_when_nothing_happened(client, db):
    """An advance with nothing due leaves nothing in the future: the clock may go back."""
    account = demo.account_ensure(username="demo", password="demo", demo=True)
    client.force_login(account)
    client.post(CLOCK_URL, {"step": "week"})
    account.refresh_from_db()
    assert account.clock_offset >= timedelta(days=6)
    assert 'action="/demo/clock/real-time/"' in client.get(CLOCK_URL).content.decode()
    client.post("/demo/clock/real-time/")
    account.refresh_from_db()
    assert account.clock_offset == timedelta(0)


def test_periodic_job_runs_test_clock_accounts_at_their_own_time(sandbox):
    """process_subscriptions processes an account with an offset at its own time, everyone else at
    real time."""
    other = UserFactory()
    theirs = buy_package(CenInstanceFactory(owner=other), area_a_code="Asia-Pacific", area_b_code="Europe")
    in_ten_days = clock.real_now() + timedelta(days=10)
    BandwidthPackage.objects.filter(pk=theirs.pk).update(expires_at=in_ten_days)
    type(sandbox).objects.filter(pk=sandbox.pk).update(clock_offset=timedelta(days=30))
    mine = expiring(sandbox)
    # A package of the sandbox that is due on its clock but not on real time.
    BandwidthPackage.objects.filter(pk=mine.pk).update(expires_at=in_ten_days, expiry_processed_for=None)
    call_command("process_subscriptions")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.expiry_processed_for == in_ten_days
    assert theirs.expiry_processed_for is None


def api_post(client, parameters):
    signed = sdk_sign("POST", parameters)
    return client.post("/api/", urllib.parse.urlencode(signed), content_type="application/x-www-form-urlencoded")


def test_api_sees_the_sandbox_clock_while_signatures_stay_real(client, sandbox):
    """A sandbox's AccessKey: the actions run on the sandbox's clock (a CEN instance made through the
    API is created at the sandbox's time), while the Timestamp is checked against real time: a
    request stamped with the sandbox's time is refused."""
    from cenconsole.api import services as api_services

    api_services.access_key_ensure(owner=sandbox, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    demo.clock_advance(account=sandbox, step="month")
    sandbox.refresh_from_db()
    answer = api_post(client, common_parameters("CreateCen", Name="api-cen"))
    assert answer.status_code == 200, answer.content
    cen_id = answer.json()["CenId"]
    filtered = {"Filter.1.Key": "CenId", "Filter.1.Value.1": cen_id}
    described = api_post(client, common_parameters("DescribeCens", **filtered)).json()
    created = described["Cens"]["Cen"][0]["CreationTime"]
    created_at = datetime.strptime(created, "%Y-%m-%dT%H:%MZ").replace(tzinfo=UTC)
    assert abs(created_at - (clock.real_now() + sandbox.clock_offset)) < timedelta(minutes=2)
    future_stamp = (clock.real_now() + sandbox.clock_offset).strftime("%Y-%m-%dT%H:%M:%SZ")
    refused = api_post(client, common_parameters("DescribeCens", Timestamp=future_stamp))
    assert refused.status_code == 400 and refused.json()["Code"] == "InvalidTimeStamp.Expired"
    assert AccessKey.objects.get(pk=ACCESS_KEY_ID).last_used_at < clock.real_now() + timedelta(seconds=1)


@pytest.mark.parametrize(
    ("now", "days"),
    [("2027-01-31T10:00:00+00:00", 28), ("2027-03-15T10:00:00+00:00", 31), ("2027-04-15T10:00:00+00:00", 30)],
)
def test_one_month_is_one_calendar_month(sandbox, now, days, time_machine):
    """1 month moves the clock one calendar month, as subscriptions count it (Jan 31 -> Feb 28: 28 days)."""
    time_machine.move_to(datetime.fromisoformat(now), tick=False)
    demo.clock_advance(account=sandbox, step="month")
    sandbox.refresh_from_db()
    assert sandbox.clock_offset == timedelta(days=days)


def test_a_one_month_package_bought_now_has_expired_after_one_month(sandbox):
    """A 1-Month package bought on the account's clock has expired once the clock moves 1 month."""
    instance = CenInstanceFactory(owner=sandbox)
    package = buy_package(instance, area_a_code="China", area_b_code="China", bandwidth=2, duration_months=1)
    demo.clock_advance(account=sandbox, step="month")
    sandbox.refresh_from_db()
    package.refresh_from_db()
    with clock.account_time(sandbox.clock_offset):
        assert package.is_expired
        assert package.expiry_processed_for == package.expires_at


def test_to_next_expiry_counts_only_the_package_that_changed(sandbox):
    """To next expiry: the package that expires counts; the one that already showed Expired does not."""
    done = demo.clock_advance(account=sandbox, step=demo.NEXT_EXPIRY)
    assert done.get("expired") == 1
    assert expiring(sandbox).expiry_processed_for is not None


def test_to_next_expiry_message_says_one_package_expired(client, sandbox):
    """The message after To next expiry says "1 package expired", as the screen shows."""
    client.force_login(sandbox)
    response = client.post(CLOCK_URL, {"step": demo.NEXT_EXPIRY}, follow=True)
    assert "The clock moved ahead: 1 package expired." in response.content.decode()
