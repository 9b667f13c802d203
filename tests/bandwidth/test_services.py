import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import (
    BandwidthPackage,
    DeletionRefused,
    Order,
    add_months,
)
from cenconsole.cen import services as cen_services
from cenconsole.regions.models import Area
from tests.factories import (
    CenInstanceFactory,
    balance_set,
    buy_package,
    order_purchase,
    purchase_args,
)

pytestmark = pytest.mark.django_db

SIGNUP_CREDIT = Decimal("10000.00")


def refused(code, **overrides):
    """Asserts that purchase_check refuses the purchase with error `code` and returns the field it was on."""
    cen_instance = overrides.pop("cen_instance")
    with pytest.raises(ValidationError) as caught:
        services.purchase_check(owner=cen_instance.owner, **purchase_args(cen_instance, **overrides))
    fields = {field for field, errors in caught.value.error_dict.items() if any(e.code == code for e in errors)}
    assert fields, f"no {code!r} error in {caught.value.message_dict}"
    return fields


def balance_of(user):
    user.refresh_from_db(fields=["balance"])
    return user.balance


# Purchase rules ---------------------------------------------------------------------------------


def test_a_valid_purchase_is_priced_from_the_table(cen_instance):
    """purchase_check accepts a valid purchase and prices it: 10 Mbps China <-> North America for a month."""
    checked = services.purchase_check(owner=cen_instance.owner, **purchase_args(cen_instance))
    assert checked.amount == Decimal("1600.00")


@pytest.mark.parametrize("bandwidth", [2, 10_000])
def test_bandwidth_from_2_to_10000_is_accepted(cen_instance, bandwidth):
    """The bandwidth limits themselves, 2 and 10,000 Mbps, are accepted."""
    checked = services.purchase_check(owner=cen_instance.owner, **purchase_args(cen_instance, bandwidth=bandwidth))
    assert checked.bandwidth == bandwidth


@pytest.mark.parametrize("bandwidth", [1, 0, -5, 10_001])
def test_bandwidth_outside_2_to_10000_is_refused(cen_instance, bandwidth):
    """Bandwidth below 2 or above 10,000 Mbps is refused on the bandwidth field."""
    assert refused("bandwidth_range", cen_instance=cen_instance, bandwidth=bandwidth) == {"bandwidth"}


@pytest.mark.parametrize("bandwidth", [2.5, "10", None, True])
def test_bandwidth_that_is_not_a_whole_number_is_refused(cen_instance, bandwidth):
    """A fractional, textual, missing or boolean bandwidth is refused."""
    assert refused("bandwidth_range", cen_instance=cen_instance, bandwidth=bandwidth) == {"bandwidth"}


@pytest.mark.parametrize("field", ["area_a_code", "area_b_code"])
def test_unknown_area_is_refused(cen_instance, field):
    """An area id that is not in the seed's table is refused."""
    assert refused("unknown_area", cen_instance=cen_instance, **{field: "Antarctica"})


@pytest.mark.parametrize("duration_months", [0, 4, 5, 7, 12 * 5, None])
def test_unknown_duration_is_refused(cen_instance, duration_months):
    """Durations other than 1, 2, 3, 6 months or 1, 2, 3 years are refused."""
    assert refused("unknown_duration", cen_instance=cen_instance, duration_months=duration_months) == {
        "duration_months"
    }


@pytest.mark.parametrize("duration_months", [1, 2, 3, 6, 12, 24, 36])
def test_every_listed_duration_is_accepted(cen_instance, duration_months):
    """Each duration of the Duration list is accepted."""
    args = purchase_args(cen_instance, duration_months=duration_months)
    assert services.purchase_check(owner=cen_instance.owner, **args).duration_months == duration_months


def test_unknown_auto_renewal_period_is_refused(cen_instance):
    """Auto-renewal renews for 1, 2 or 3 months only."""
    assert refused("unknown_auto_renewal", cen_instance=cen_instance, auto_renewal=True, auto_renewal_months=6)


def test_unknown_cen_instance_is_refused(cen_instance):
    """A CEN id that does not exist is refused."""
    assert refused("unknown_cen", cen_instance=cen_instance, cen_instance_id="cen-doesnotexist0000") == {
        "cen_instance_id"
    }


def test_another_accounts_cen_instance_is_refused(cen_instance, other_user):
    """A CEN instance of another account is refused as if it did not exist."""
    theirs = CenInstanceFactory(owner=other_user)
    assert refused("unknown_cen", cen_instance=cen_instance, cen_instance_id=theirs.pk) == {"cen_instance_id"}


def test_deleted_cen_instance_is_refused(cen_instance):
    """A CEN instance the account has deleted can no longer be bought for."""
    cen_services.cen_instance_delete(owner=cen_instance.owner, cen_id=cen_instance.pk)
    assert refused("unknown_cen", cen_instance=cen_instance) == {"cen_instance_id"}


def test_order_for_a_cen_instance_deleted_since_cannot_be_paid(cen_instance):
    """An unpaid order whose CEN instance was deleted afterwards is refused at Pay; nothing is charged."""
    order = order_purchase(cen_instance)
    cen_services.cen_instance_delete(owner=cen_instance.owner, cen_id=cen_instance.pk)
    with pytest.raises(ValidationError) as caught:
        services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert caught.value.messages == [services.UNKNOWN_CEN]
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT
    assert not BandwidthPackage.objects.exists()


def test_area_pair_already_bought_is_refused(cen_instance):
    """A second package for the same area pair on one CEN instance is refused."""
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    assert refused("area_pair_taken", cen_instance=cen_instance, area_a_code="China", area_b_code="North-America")


def test_area_pair_already_bought_in_the_other_order_is_refused(cen_instance):
    """Europe <-> Mainland China is the same pair as Mainland China <-> Europe."""
    buy_package(cen_instance, area_a_code="China", area_b_code="Europe")
    assert refused("area_pair_taken", cen_instance=cen_instance, area_a_code="Europe", area_b_code="China")


def test_same_area_pair_on_another_cen_instance_is_accepted(cen_instance):
    """The one-package-per-pair rule is per CEN instance: another instance may buy the same pair."""
    buy_package(cen_instance)
    second = CenInstanceFactory(owner=cen_instance.owner)
    assert services.purchase_check(owner=second.owner, **purchase_args(second)).cen_instance == second


def test_two_areas_may_be_the_same(cen_instance):
    """Mainland China <-> Mainland China is a valid pair (traffic between two mainland regions)."""
    args = purchase_args(cen_instance, area_a_code="China", area_b_code="China", cross_border_agreed=False)
    assert services.purchase_check(owner=cen_instance.owner, **args).area_b.code == "China"


def test_cross_border_pair_needs_the_agreement(cen_instance):
    """Mainland China <-> North America is refused unless the cross-border agreement is accepted."""
    assert refused("cross_border", cen_instance=cen_instance, cross_border_agreed=False) == {"cross_border_agreed"}


def test_pair_without_mainland_china_needs_no_agreement(cen_instance):
    """Europe <-> North America is not cross-border: no agreement is asked for."""
    args = purchase_args(cen_instance, area_a_code="Europe", area_b_code="North-America", cross_border_agreed=False)
    assert services.purchase_check(owner=cen_instance.owner, **args).area_a.code == "Europe"


@pytest.mark.parametrize("prefix", ["http://", "https://", "HTTP://"])
def test_name_starting_like_a_url_is_refused(cen_instance, prefix):
    """A name starting with http:// or https:// (any case) is refused."""
    assert refused("url_prefix", cen_instance=cen_instance, name=f"{prefix}example.com") == {"name"}


@pytest.mark.parametrize("prefix", ["http://", "https://"])
def test_description_starting_like_a_url_is_refused(cen_instance, prefix):
    """A description starting with http:// or https:// is refused."""
    assert refused("url_prefix", cen_instance=cen_instance, description=f"{prefix}example.com") == {"description"}


def test_name_longer_than_128_characters_is_refused(cen_instance):
    """A 129-character name is refused."""
    assert refused("max_length", cen_instance=cen_instance, name="n" * 129) == {"name"}


def test_name_of_128_characters_is_accepted(cen_instance):
    """A 128-character name is the longest accepted."""
    args = purchase_args(cen_instance, name="n" * 128)
    assert services.purchase_check(owner=cen_instance.owner, **args).name == "n" * 128


def test_description_longer_than_256_characters_is_refused(cen_instance):
    """A 257-character description is refused."""
    assert refused("max_length", cen_instance=cen_instance, description="d" * 257) == {"description"}


def test_empty_name_and_description_are_accepted(cen_instance):
    """Name and description are optional."""
    args = purchase_args(cen_instance, name="", description="")
    assert services.purchase_check(owner=cen_instance.owner, **args).name == ""


def test_refused_buy_now_creates_no_order(cen_instance):
    """Buy Now with a refused purchase raises and leaves no order behind."""
    with pytest.raises(ValidationError):
        order_purchase(cen_instance, bandwidth=1)
    assert not Order.objects.exists()


# Buy Now and idempotency --------------------------------------------------------------------------


def test_buy_now_makes_an_unpaid_order_and_charges_nothing(cen_instance):
    """Buy Now records an unpaid order with its price; the balance is untouched until Pay."""
    order = order_purchase(cen_instance)
    assert (order.status, order.amount, order.unit_price) == (Order.Status.UNPAID, Decimal("1600.00"), 160)
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT
    assert not BandwidthPackage.objects.exists()


def test_same_idempotency_key_gives_one_order(cen_instance):
    """Two Buy Now calls with the same key return the same single order."""
    first = order_purchase(cen_instance, idempotency_key="key-1")
    second = order_purchase(cen_instance, idempotency_key="key-1")
    assert first.pk == second.pk
    assert Order.objects.count() == 1


def test_different_idempotency_keys_give_two_orders(cen_instance):
    """A new purchase form (a new key) makes a new order."""
    order_purchase(cen_instance, idempotency_key="key-1")
    order_purchase(cen_instance, idempotency_key="key-2")
    assert Order.objects.count() == 2


def test_another_account_may_use_the_same_idempotency_key(cen_instance, other_user):
    """Keys are per account: the same key from another account is another order."""
    theirs = CenInstanceFactory(owner=other_user)
    mine = order_purchase(cen_instance, idempotency_key="shared")
    their_order = order_purchase(theirs, idempotency_key="shared")
    assert mine.pk != their_order.pk


def test_missing_idempotency_key_is_refused(cen_instance):
    """Buy Now without a key is refused, so no resubmission can slip past the guard."""
    with pytest.raises(ValidationError) as caught:
        services.order_create_purchase(
            terms_agreed=True, owner=cen_instance.owner, idempotency_key="", **purchase_args(cen_instance)
        )
    assert caught.value.message_dict == {"idempotency_key": [services.MISSING_IDEMPOTENCY_KEY]}


# Pay ----------------------------------------------------------------------------------------------


def test_pay_charges_the_order_amount_from_the_balance(cen_instance):
    """Paying a USD 1,600 order leaves USD 8,400 of the USD 10,000 credit."""
    order = order_purchase(cen_instance)
    services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert balance_of(cen_instance.owner) == Decimal("8400.00")


def test_pay_creates_one_package_bound_to_the_cen_instance(cen_instance):
    """Pay creates exactly one package, bound to the order's CEN instance, with the order's settings."""
    order = order_purchase(cen_instance, bandwidth=25, name="bwp-a", area_a_code="North-America", area_b_code="China")
    order = services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    package = BandwidthPackage.objects.get()
    assert order.package == package
    assert (package.cen_instance, package.owner, package.bandwidth, package.name) == (
        cen_instance,
        cen_instance.owner,
        25,
        "bwp-a",
    )
    assert (package.area_a_id, package.area_b_id, package.geographic_span) == (
        "North-America",
        "China",
        "china_north-america",
    )
    assert package.status_label == "In Use"


def test_package_id_is_cenbwp_and_17_lowercase_alphanumerics(cen_instance):
    """Package ids look like the real service's: cenbwp- plus 17 lower-case letters and digits."""
    package = buy_package(cen_instance)
    assert re.fullmatch(r"cenbwp-[a-z0-9]{17}", package.pk)


@pytest.mark.parametrize("duration_months", [1, 6, 12, 36])
def test_package_expires_the_duration_after_purchase(cen_instance, duration_months):
    """The expiration time is the purchase time plus the chosen duration."""
    package = buy_package(
        cen_instance, area_a_code="China", area_b_code="China", bandwidth=2, duration_months=duration_months
    )
    assert package.expires_at == add_months(package.created_at, duration_months)
    assert (
        package.expires_at.year * 12
        + package.expires_at.month
        - (package.created_at.year * 12 + package.created_at.month)
        == duration_months
    )


def test_a_month_after_january_31_is_the_end_of_february():
    """Adding months clamps to the month's last day instead of overflowing into March."""
    moment = datetime(2027, 1, 31, 8, 30, tzinfo=UTC)
    assert add_months(moment, 1) == datetime(2027, 2, 28, 8, 30, tzinfo=UTC)


def test_pay_marks_the_order_paid(cen_instance):
    """After Pay the order is Paid, with its payment time."""
    order = order_purchase(cen_instance)
    services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.paid_at is not None


def test_paying_twice_returns_the_same_order_and_charges_once(cen_instance):
    """A second Pay of a paid order changes nothing: one package, one charge."""
    order = order_purchase(cen_instance)
    first = services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    second = services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert (first.pk, first.package_id) == (second.pk, second.package_id)
    assert BandwidthPackage.objects.count() == 1
    assert balance_of(cen_instance.owner) == Decimal("8400.00")


def test_insufficient_balance_is_refused_and_nothing_is_charged_or_created(cen_instance):
    """An order dearer than the balance raises ValidationError; balance, packages and order are unchanged."""
    order = order_purchase(cen_instance, bandwidth=100)  # USD 16,000
    with pytest.raises(ValidationError) as caught:
        services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert caught.value.code == "insufficient_balance"
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT
    assert not BandwidthPackage.objects.exists()
    assert Order.objects.get().status == Order.Status.UNPAID


def test_balance_exactly_equal_to_the_amount_pays(cen_instance):
    """A balance equal to the amount is enough, and leaves zero."""
    order = order_purchase(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10, duration_months=36)
    assert order.amount == Decimal("10200.00")
    balance_set(cen_instance.owner, order.amount)
    services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert balance_of(cen_instance.owner) == Decimal("0.00")


def test_cancelled_order_cannot_be_paid(cen_instance):
    """Pay of a cancelled order is refused and charges nothing."""
    order = order_purchase(cen_instance)
    services.order_cancel(owner=cen_instance.owner, order_id=order.pk)
    with pytest.raises(ValidationError) as caught:
        services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert caught.value.messages == [services.ORDER_CANCELLED]
    assert balance_of(cen_instance.owner) == SIGNUP_CREDIT
    assert not BandwidthPackage.objects.exists()


def test_paid_order_cannot_be_cancelled(cen_instance):
    """Cancelling a paid order is refused; it stays paid."""
    order = order_purchase(cen_instance)
    services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    with pytest.raises(ValidationError) as caught:
        services.order_cancel(owner=cen_instance.owner, order_id=order.pk)
    assert caught.value.messages == [services.ORDER_PAID]
    assert Order.objects.get().status == Order.Status.PAID


def test_cancel_marks_an_unpaid_order_cancelled(cen_instance):
    """Cancel turns an unpaid order into a cancelled one, with the time."""
    order = order_purchase(cen_instance)
    services.order_cancel(owner=cen_instance.owner, order_id=order.pk)
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    assert order.cancelled_at is not None


def test_second_order_for_a_pair_bought_meanwhile_cannot_be_paid(cen_instance):
    """Two unpaid orders for one pair: once one is paid, paying the other is refused and charges nothing."""
    first = order_purchase(cen_instance)
    second = order_purchase(cen_instance)
    services.order_pay(owner=cen_instance.owner, order_id=first.pk)
    with pytest.raises(ValidationError) as caught:
        services.order_pay(owner=cen_instance.owner, order_id=second.pk)
    assert "already has a bandwidth package" in caught.value.messages[0]
    assert BandwidthPackage.objects.count() == 1
    assert balance_of(cen_instance.owner) == Decimal("8400.00")


def test_another_account_cannot_pay_an_order(cen_instance, other_user):
    """Pay with another account's order id finds no order."""
    order = order_purchase(cen_instance)
    with pytest.raises(Order.DoesNotExist):
        services.order_pay(owner=other_user, order_id=order.pk)
    assert balance_of(other_user) == SIGNUP_CREDIT
    assert not BandwidthPackage.objects.exists()


def test_purchase_writes_an_audit_record(cen_instance):
    """Paying records who bought which package, bound to which CEN instance, for how much."""
    package = buy_package(cen_instance)
    record = AuditRecord.objects.for_target(package).get()
    assert (record.action, record.actor) == ("package.bought", cen_instance.owner)
    assert record.changes["cen_instance"] == [None, cen_instance.pk]
    assert "USD 1600.00" in record.note


def test_refused_payment_writes_no_audit_record(cen_instance):
    """A payment refused for want of balance leaves no audit record."""
    order = order_purchase(cen_instance, bandwidth=100)
    with pytest.raises(ValidationError):
        services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert not AuditRecord.objects.exists()


# Immutability and deletion ------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["area_a", "area_b"])
def test_changing_an_area_on_save_is_refused(cen_instance, field):
    """Saving a package with a changed area raises, and the stored areas stay as bought."""
    package = BandwidthPackage.objects.get(pk=buy_package(cen_instance).pk)
    setattr(package, field, Area.objects.get(code="Europe"))
    with pytest.raises(ValidationError):
        package.save()
    stored = BandwidthPackage.objects.get(pk=package.pk)
    assert (stored.area_a_id, stored.area_b_id) == ("China", "North-America")


def test_changing_an_area_of_a_just_bought_package_is_refused(cen_instance):
    """The package object Pay returns refuses an area change too."""
    package = buy_package(cen_instance)
    package.area_b_id = "Europe"
    with pytest.raises(ValidationError):
        package.save()


def test_saving_a_package_with_unchanged_areas_works(cen_instance):
    """Other fields still change through save(): the rule is about areas only."""
    package = BandwidthPackage.objects.get(pk=buy_package(cen_instance).pk)
    package.name = "renamed"
    package.save()
    assert BandwidthPackage.objects.get(pk=package.pk).name == "renamed"


def test_saving_a_package_loaded_without_its_areas_works(cen_instance):
    """A package loaded with only() some fields saves without being taken for an area change."""
    package = BandwidthPackage.objects.only("id", "name").get(pk=buy_package(cen_instance).pk)
    package.name = "renamed"
    package.save()
    assert BandwidthPackage.objects.get(pk=package.pk).name == "renamed"


def test_changing_an_area_of_a_package_loaded_without_its_areas_is_refused(cen_instance):
    """Deferring the area fields does not open a way around the rule."""
    package = BandwidthPackage.objects.only("id", "name").get(pk=buy_package(cen_instance).pk)
    package.area_a_id = "Europe"
    with pytest.raises(ValidationError):
        package.save()
    assert BandwidthPackage.objects.get(pk=package.pk).area_a_id == "China"


@pytest.mark.parametrize("field", ["area_a", "area_a_id", "area_b", "area_b_id", "geographic_span"])
def test_changing_an_area_through_queryset_update_is_refused(cen_instance, field):
    """QuerySet.update() of an area field raises, and the row is unchanged."""
    package = buy_package(cen_instance)
    value = "europe_north-america" if field == "geographic_span" else "Europe"
    with pytest.raises(ValidationError):
        BandwidthPackage.objects.filter(pk=package.pk).update(**{field: value})
    stored = BandwidthPackage.objects.get(pk=package.pk)
    assert (stored.area_a_id, stored.area_b_id, stored.geographic_span) == (
        "China",
        "North-America",
        "china_north-america",
    )


def test_changing_an_area_through_bulk_update_is_refused(cen_instance):
    """bulk_update() of an area field raises too."""
    package = buy_package(cen_instance)
    package.area_a_id = "Europe"
    with pytest.raises(ValidationError), transaction.atomic():
        BandwidthPackage.objects.bulk_update([package], ["area_a"])
    assert BandwidthPackage.objects.get(pk=package.pk).area_a_id == "China"


def test_queryset_update_of_other_fields_works(cen_instance):
    """QuerySet.update() of a field other than the areas still works."""
    package = buy_package(cen_instance)
    BandwidthPackage.objects.filter(pk=package.pk).update(name="renamed")
    assert BandwidthPackage.objects.get(pk=package.pk).name == "renamed"


def test_deleting_a_package_is_refused(cen_instance):
    """Package.delete() raises DeletionRefused and the package stays."""
    package = buy_package(cen_instance)
    with pytest.raises(DeletionRefused):
        package.delete()
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_deleting_packages_through_a_queryset_is_refused(cen_instance):
    """QuerySet.delete() raises DeletionRefused and the packages stay."""
    buy_package(cen_instance)
    with pytest.raises(DeletionRefused):
        BandwidthPackage.objects.all().delete()
    assert BandwidthPackage.objects.count() == 1


def test_deleting_a_cen_instance_with_a_package_is_refused(cen_instance):
    """Deleting the CEN instance a package is bound to raises ProtectedError naming the package."""
    package = buy_package(cen_instance)
    with pytest.raises(ProtectedError) as caught:
        cen_instance.delete()
    assert package in caught.value.protected_objects
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_deleting_an_account_with_a_package_is_refused(cen_instance):
    """Deleting the account that owns a package raises ProtectedError naming the package."""
    package = buy_package(cen_instance)
    with pytest.raises(ProtectedError) as caught:
        cen_instance.owner.delete()
    assert package in caught.value.protected_objects
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_deleting_an_area_in_use_is_refused(cen_instance):
    """Reference data a package uses cannot be deleted from under it."""
    package = buy_package(cen_instance)
    with pytest.raises(ProtectedError) as caught:
        Area.objects.get(code="North-America").delete()
    assert package in caught.value.protected_objects


def test_same_idempotency_key_with_other_terms_is_refused(cen_instance):
    """A Buy Now with the key of an order placed for other terms is refused (no second order), not
    answered with that order."""
    order_purchase(cen_instance, idempotency_key="key-1", bandwidth=10)
    with pytest.raises(ValidationError) as caught:
        order_purchase(cen_instance, idempotency_key="key-1", bandwidth=20)
    assert [error.code for error in caught.value.error_list] == ["order_key_other_terms"]
    assert Order.objects.count() == 1
