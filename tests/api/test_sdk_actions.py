"""Each action through the official SDK against the live server: what it answers, what it changes in
the console's own tables, and the refusals its services make."""

from decimal import Decimal

import pytest
from aliyunsdkcbn.request.v20170912.AssociateCenBandwidthPackageRequest import AssociateCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.CreateCenBandwidthPackageRequest import CreateCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.CreateCenRequest import CreateCenRequest
from aliyunsdkcbn.request.v20170912.DeleteCenBandwidthPackageRequest import DeleteCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.DeleteCenRequest import DeleteCenRequest
from aliyunsdkcbn.request.v20170912.DescribeCenBandwidthPackagesRequest import DescribeCenBandwidthPackagesRequest
from aliyunsdkcbn.request.v20170912.DescribeCenGeographicSpanRemainingBandwidthRequest import (
    DescribeCenGeographicSpanRemainingBandwidthRequest,
)
from aliyunsdkcbn.request.v20170912.DescribeCenGeographicSpansRequest import DescribeCenGeographicSpansRequest
from aliyunsdkcbn.request.v20170912.DescribeCenInterRegionBandwidthLimitsRequest import (
    DescribeCenInterRegionBandwidthLimitsRequest,
)
from aliyunsdkcbn.request.v20170912.DescribeCensRequest import DescribeCensRequest
from aliyunsdkcbn.request.v20170912.ModifyCenBandwidthPackageAttributeRequest import (
    ModifyCenBandwidthPackageAttributeRequest,
)
from aliyunsdkcbn.request.v20170912.ModifyCenBandwidthPackageSpecRequest import ModifyCenBandwidthPackageSpecRequest
from aliyunsdkcbn.request.v20170912.SetCenInterRegionBandwidthLimitRequest import (
    SetCenInterRegionBandwidthLimitRequest,
)
from aliyunsdkcbn.request.v20170912.UnassociateCenBandwidthPackageRequest import (
    UnassociateCenBandwidthPackageRequest,
)

from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.networks import services as network_services
from cenconsole.networks.models import RegionConnection
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

CHINA_NORTH_AMERICA = {"GeographicRegionAId": "China", "GeographicRegionBId": "North-America"}


def refused_with(refusal, status, code):
    return (refusal.get_http_status(), refusal.get_error_code()) == (status, code)


def buy(sdk, **parameters):
    """CreateCenBandwidthPackage: 10 Mbps Mainland China <-> North America for a month, unless overridden."""
    return sdk.call(CreateCenBandwidthPackageRequest(), **{**CHINA_NORTH_AMERICA, "Bandwidth": 10, **parameters})


def packages(sdk, *filters, **parameters):
    answer = sdk.call(DescribeCenBandwidthPackagesRequest(), Filters=list(filters), **parameters)
    return answer["CenBandwidthPackages"]["CenBandwidthPackage"]


@pytest.fixture
def package(cen_instance):
    """Mainland China <-> North America, 10 Mbps, bought in the console and bound to cen_instance."""
    return buy_package(cen_instance)


def connect(package, local, opposite, bandwidth):
    return network_services.region_connection_set(
        owner=package.owner,
        cen_instance_id=package.cen_instance_id,
        package_id=package.pk,
        local_region_code=local,
        opposite_region_code=opposite,
        bandwidth=bandwidth,
    )


# CEN instances -------------------------------------------------------------------------------------


def test_create_cen_makes_an_instance_of_the_keys_account(sdk, user):
    """CreateCen creates a CEN instance owned by the AccessKey's account, with the name and description."""
    cen_id = sdk.call(CreateCenRequest(), Name="scripted", Description="by the SDK")["CenId"]
    instance = CenInstance.objects.get(pk=cen_id)
    assert (instance.owner, instance.name, instance.description) == (user, "scripted", "by the SDK")


def test_create_cen_with_the_same_client_token_creates_once(sdk, user):
    """A CreateCen retried with its ClientToken answers the first instance's ID and creates no other."""
    first = sdk.call(CreateCenRequest(), Name="once", ClientToken="token-1")["CenId"]
    again = sdk.call(CreateCenRequest(), Name="once", ClientToken="token-1")["CenId"]
    assert first == again
    assert CenInstance.objects.filter(owner=user).count() == 1


def test_create_cen_refuses_a_url_prefixed_name(sdk, user):
    """A name starting with http:// is refused with InvalidName, as the console refuses it."""
    refusal = sdk.refusal(CreateCenRequest(), Name="http://example.com")
    assert refused_with(refusal, 400, "InvalidName")
    assert not CenInstance.objects.filter(owner=user).exists()


def test_describe_cens_lists_the_accounts_instances_with_their_packages(sdk, package, other_user):
    """DescribeCens lists the account's instances (not another's) with their bound package IDs."""
    CenInstanceFactory(owner=other_user)
    answer = sdk.call(DescribeCensRequest())
    assert answer["TotalCount"] == 1
    cen = answer["Cens"]["Cen"][0]
    assert cen["CenId"] == package.cen_instance_id
    assert cen["Status"] == "Active"
    assert cen["CenBandwidthPackageIds"]["CenBandwidthPackageId"] == [package.pk]


def test_describe_cens_pages_and_filters(sdk, user):
    """DescribeCens pages with PageNumber/PageSize and filters by Name."""
    for number in range(3):
        CenInstanceFactory(owner=user, name=f"cen-{number}")
    second_page = sdk.call(DescribeCensRequest(), PageNumber=2, PageSize=2)
    assert (second_page["TotalCount"], second_page["PageNumber"], len(second_page["Cens"]["Cen"])) == (3, 2, 1)
    named = sdk.call(DescribeCensRequest(), Filters=[{"Key": "Name", "Value": ["cen-1"]}])
    assert [cen["Name"] for cen in named["Cens"]["Cen"]] == ["cen-1"]


def test_delete_cen_deletes_an_unused_instance(sdk, cen_instance):
    """DeleteCen deletes an instance with nothing bound or attached."""
    sdk.call(DeleteCenRequest(), CenId=cen_instance.pk)
    cen_instance.refresh_from_db()
    assert cen_instance.deleted_at is not None


def test_delete_cen_refuses_an_instance_with_a_package(sdk, package):
    """DeleteCen refuses an instance that still has a bandwidth package bound."""
    refusal = sdk.refusal(DeleteCenRequest(), CenId=package.cen_instance_id)
    assert refused_with(refusal, 400, "InvalidOperation.CenInstanceStatus")
    assert package.pk in refusal.get_error_msg()


def test_another_accounts_cen_instance_does_not_exist_for_the_key(sdk, other_user):
    """Another account's CEN instance is refused as unknown: ParameterCenInstanceId."""
    theirs = CenInstanceFactory(owner=other_user)
    refusal = sdk.refusal(DeleteCenRequest(), CenId=theirs.pk)
    assert refused_with(refusal, 400, "ParameterCenInstanceId")
    theirs.refresh_from_db()
    assert theirs.deleted_at is None


# Buying --------------------------------------------------------------------------------------------


def test_create_package_buys_it_unbound_and_charges_the_balance(sdk, user):
    """CreateCenBandwidthPackage pays at once from the account's balance and leaves the package Idle."""
    answer = buy(sdk, Name="bought-by-api")
    package = BandwidthPackage.objects.get(pk=answer["CenBandwidthPackageId"])
    assert (package.owner, package.cen_instance, package.bandwidth, package.name) == (user, None, 10, "bought-by-api")
    order = Order.objects.get(pk=answer["CenBandwidthPackageOrderId"])
    assert (order.status, order.package, order.amount) == ("Paid", package, Decimal("1600.00"))
    user.refresh_from_db()
    assert user.balance == Decimal("8400.00")


def test_create_package_reads_area_ids_in_any_case(sdk):
    """GeographicRegionAId/BId are matched case-insensitively, as the responses' lower-case ids."""
    answer = buy(sdk, GeographicRegionAId="asia-pacific", GeographicRegionBId="EUROPE")
    package = BandwidthPackage.objects.get(pk=answer["CenBandwidthPackageId"])
    assert (package.area_a_id, package.area_b_id) == ("Asia-Pacific", "Europe")


def test_create_package_for_a_year_runs_twelve_months(sdk):
    """Period 1 with PricingCycle Year buys twelve months (priced as ten)."""
    answer = buy(sdk, Bandwidth=2, Period=1, PricingCycle="Year")
    order = Order.objects.get(pk=answer["CenBandwidthPackageOrderId"])
    assert (order.duration_months, order.amount) == (12, Decimal("3200.00"))  # USD 320 a month, ten months


def test_create_package_with_the_same_client_token_buys_once(sdk, user):
    """A purchase retried with its ClientToken answers the same package and charges once."""
    first = buy(sdk, Bandwidth=2, ClientToken="buy-once")
    again = buy(sdk, Bandwidth=2, ClientToken="buy-once")
    keys = ("CenBandwidthPackageId", "CenBandwidthPackageOrderId")
    assert [again[key] for key in keys] == [first[key] for key in keys]
    assert BandwidthPackage.objects.filter(owner=user).count() == 1
    user.refresh_from_db()
    assert user.balance == Decimal("10000.00") - Decimal("320.00")


def test_create_package_without_auto_pay_leaves_the_order_unpaid(sdk, user):
    """AutoPay false leaves an unpaid order on the Orders page and creates no package yet."""
    answer = buy(sdk, AutoPay=False)
    assert answer["CenBandwidthPackageId"] == ""
    assert Order.objects.get(pk=answer["CenBandwidthPackageOrderId"]).status == "Unpaid"
    assert not BandwidthPackage.objects.exists()


def test_create_package_refuses_a_bandwidth_out_of_range(sdk, user):
    """Bandwidth 1 is refused with InvalidParameter and the service's message; nothing is ordered."""
    refusal = sdk.refusal(CreateCenBandwidthPackageRequest(), Bandwidth=1, **CHINA_NORTH_AMERICA)
    assert refused_with(refusal, 400, "InvalidParameter")
    assert "2 to 10,000" in refusal.get_error_msg()
    assert not Order.objects.exists()


def test_create_package_refuses_an_unknown_duration(sdk):
    """Period 4 with PricingCycle Month is not a duration the console sells."""
    refusal = sdk.refusal(CreateCenBandwidthPackageRequest(), Bandwidth=2, Period=4, **CHINA_NORTH_AMERICA)
    assert refused_with(refusal, 400, "InvalidParameter")


def test_create_package_refuses_postpay_as_the_real_api_does(sdk, user):
    """BandwidthPackageChargeType POSTPAY (Terraform's payment_type PostPaid) is refused InvalidParameter:
    the reference takes PREPAY only ("取值: PREPAY"); nothing is ordered or charged."""
    refusal = sdk.refusal(
        CreateCenBandwidthPackageRequest(), Bandwidth=2, BandwidthPackageChargeType="POSTPAY", **CHINA_NORTH_AMERICA
    )
    assert refused_with(refusal, 400, "InvalidParameter")
    assert (
        refusal.get_error_msg()
        == 'The specified parameter "BandwidthPackageChargeType" is not valid: one of PREPAY expected.'
    )
    assert not Order.objects.exists()
    user.refresh_from_db()
    assert user.balance == Decimal("10000.00")


def test_create_package_takes_prepay(sdk):
    """BandwidthPackageChargeType PREPAY, the one value the reference lists, buys the package."""
    answer = buy(sdk, BandwidthPackageChargeType="PREPAY")
    assert BandwidthPackage.objects.filter(pk=answer["CenBandwidthPackageId"]).exists()


def test_create_package_refuses_an_unknown_area(sdk):
    """An area id that is not in the seed's table is refused with InvalidParameter."""
    refusal = sdk.refusal(
        CreateCenBandwidthPackageRequest(), Bandwidth=2, GeographicRegionAId="Mars", GeographicRegionBId="China"
    )
    assert refused_with(refusal, 400, "InvalidParameter")


def test_create_package_refuses_when_the_balance_is_short(sdk, user):
    """A purchase the balance cannot pay is refused and charges nothing."""
    refusal = sdk.refusal(
        CreateCenBandwidthPackageRequest(), Bandwidth=10_000, Period=3, PricingCycle="Year", **CHINA_NORTH_AMERICA
    )
    assert refused_with(refusal, 400, "OperationFailed.InsufficientBalance")
    assert not BandwidthPackage.objects.exists()
    user.refresh_from_db()
    assert user.balance == Decimal("10000.00")


def test_auto_pay_that_cannot_be_paid_leaves_no_order(sdk, user):
    """AutoPay=true that the balance cannot pay fails the call and leaves no Unpaid order behind,
    however often it is retried."""
    for _ in range(3):
        refusal = sdk.refusal(
            CreateCenBandwidthPackageRequest(), Bandwidth=10_000, Period=3, PricingCycle="Year", **CHINA_NORTH_AMERICA
        )
        assert refused_with(refusal, 400, "OperationFailed.InsufficientBalance")
    assert not Order.objects.filter(owner=user).exists()


# Listing, binding, modifying -------------------------------------------------------------------------


def test_describe_packages_filters_by_status(sdk, package):
    """Filter Status=Idle lists only unbound packages; InUse only bound ones."""
    idle_id = buy(sdk)["CenBandwidthPackageId"]
    assert [p["CenBandwidthPackageId"] for p in packages(sdk, {"Key": "Status", "Value": ["Idle"]})] == [idle_id]
    assert [p["CenBandwidthPackageId"] for p in packages(sdk, {"Key": "Status", "Value": ["InUse"]})] == [package.pk]


def test_describe_packages_filters_by_name_and_or_keys(sdk, package):
    """Name filters match exactly; IsOrKey makes two filters match either."""
    other_id = buy(sdk, Name="other")["CenBandwidthPackageId"]
    by_name = packages(sdk, {"Key": "Name", "Value": ["other"]})
    assert [p["CenBandwidthPackageId"] for p in by_name] == [other_id]
    either = packages(
        sdk, {"Key": "Name", "Value": ["other"]}, {"Key": "CenId", "Value": [package.cen_instance_id]}, IsOrKey=True
    )
    assert {p["CenBandwidthPackageId"] for p in either} == {other_id, package.pk}


def test_describe_packages_shows_times_and_business_status_as_the_real_api(sdk, package):
    """Times are YYYY-MM-DDThh:mmZ in UTC; an expired package is FinancialLocked."""
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at="2020-01-02T03:04:05Z")
    shown = packages(sdk)[0]
    assert shown["ExpiredTime"] == "2020-01-02T03:04Z"
    assert shown["BusinessStatus"] == "FinancialLocked"


def test_describe_packages_refuses_an_unknown_filter_key(sdk):
    """A Filter key other than CenId, Status, CenBandwidthPackageId or Name is refused."""
    refusal = sdk.refusal(DescribeCenBandwidthPackagesRequest(), Filters=[{"Key": "Colour", "Value": ["red"]}])
    assert refused_with(refusal, 400, "InvalidParameter")


def test_associate_binds_an_idle_package(sdk, cen_instance):
    """AssociateCenBandwidthPackage binds an Idle package to the CEN instance: it is InUse."""
    package_id = buy(sdk)["CenBandwidthPackageId"]
    sdk.call(AssociateCenBandwidthPackageRequest(), CenId=cen_instance.pk, CenBandwidthPackageId=package_id)
    assert BandwidthPackage.objects.get(pk=package_id).cen_instance == cen_instance


def test_associate_refuses_a_second_package_for_the_same_areas(sdk, package):
    """A CEN instance cannot have two packages for one area pair."""
    package_id = buy(sdk)["CenBandwidthPackageId"]
    refusal = sdk.refusal(
        AssociateCenBandwidthPackageRequest(), CenId=package.cen_instance_id, CenBandwidthPackageId=package_id
    )
    assert refused_with(refusal, 409, "InvalidOperation.BwpForGeoSpanAlreadyAssociated")
    assert BandwidthPackage.objects.get(pk=package_id).cen_instance is None


def test_unassociate_unbinds_a_package_without_connections(sdk, package):
    """UnassociateCenBandwidthPackage makes a package without region connections Idle."""
    sdk.call(UnassociateCenBandwidthPackageRequest(), CenId=package.cen_instance_id, CenBandwidthPackageId=package.pk)
    assert BandwidthPackage.objects.get(pk=package.pk).status == "Idle"


def test_unassociate_refuses_while_connections_remain(sdk, package):
    """A package whose region connections remain cannot be unbound."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    refusal = sdk.refusal(
        UnassociateCenBandwidthPackageRequest(), CenId=package.cen_instance_id, CenBandwidthPackageId=package.pk
    )
    assert refused_with(refusal, 400, "InvalidOperation.CenBandwidthLimitsNotZero")


def test_unassociate_refuses_another_cen_instance(sdk, package, user):
    """Unassociate names the CEN instance: a package bound to another one is refused."""
    elsewhere = CenInstanceFactory(owner=user)
    refusal = sdk.refusal(UnassociateCenBandwidthPackageRequest(), CenId=elsewhere.pk, CenBandwidthPackageId=package.pk)
    assert refused_with(refusal, 403, "InvalidOperation.BwpInstanceStatus")
    assert BandwidthPackage.objects.get(pk=package.pk).cen_instance_id == package.cen_instance_id


def test_modify_attribute_renames_a_package(sdk, package):
    """ModifyCenBandwidthPackageAttribute changes the name and description."""
    sdk.call(
        ModifyCenBandwidthPackageAttributeRequest(), CenBandwidthPackageId=package.pk, Name="renamed", Description="d"
    )
    package.refresh_from_db()
    assert (package.name, package.description) == ("renamed", "d")


def test_modify_spec_upgrades_and_charges(sdk, package, user):
    """ModifyCenBandwidthPackageSpec to more bandwidth orders and pays an Upgrade."""
    balance = type(user).objects.get(pk=user.pk).balance
    sdk.call(ModifyCenBandwidthPackageSpecRequest(), CenBandwidthPackageId=package.pk, Bandwidth=12)
    package.refresh_from_db()
    assert package.bandwidth == 12
    upgrade = Order.objects.get(package=package, order_type="Upgrade")
    assert upgrade.status == "Paid" and upgrade.amount > 0
    assert type(user).objects.get(pk=user.pk).balance == balance - upgrade.amount


def test_modify_spec_refuses_the_same_bandwidth(sdk, package):
    """Asking for the bandwidth the package has is refused with Operation.Failed."""
    refusal = sdk.refusal(ModifyCenBandwidthPackageSpecRequest(), CenBandwidthPackageId=package.pk, Bandwidth=10)
    assert refused_with(refusal, 400, "Operation.Failed")


def test_delete_package_is_refused_with_forbidden_release(sdk, package):
    """DeleteCenBandwidthPackage on a package within its validity: Forbidden.Release, 403; the package stays."""
    refusal = sdk.refusal(DeleteCenBandwidthPackageRequest(), CenBandwidthPackageId=package.pk)
    assert refused_with(refusal, 403, "Forbidden.Release")
    assert "open a ticket" in refusal.get_error_msg()
    assert BandwidthPackage.objects.active().filter(pk=package.pk).exists()


def test_another_accounts_package_does_not_exist_for_the_key(sdk, other_user):
    """Another account's package is refused as unknown: ParameterBwpInstanceId."""
    theirs = buy_package(CenInstanceFactory(owner=other_user))
    refusal = sdk.refusal(ModifyCenBandwidthPackageAttributeRequest(), CenBandwidthPackageId=theirs.pk, Name="mine")
    assert refused_with(refusal, 400, "ParameterBwpInstanceId")
    assert BandwidthPackage.objects.get(pk=theirs.pk).name == "bwp-test"


# Region connections --------------------------------------------------------------------------------


def test_set_limit_zero_removes_the_connection(sdk, package):
    """BandwidthLimit 0 removes an existing region connection."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    sdk.call(
        SetCenInterRegionBandwidthLimitRequest(),
        CenId=package.cen_instance_id,
        LocalRegionId="us-east-1",
        OppositeRegionId="cn-hangzhou",
        BandwidthLimit=0,
    )
    assert not RegionConnection.objects.exists()


def test_set_limit_zero_on_a_pair_without_a_limit_succeeds(sdk, package):
    """BandwidthLimit 0 on a pair that has no limit: nothing to remove, so it succeeds and changes nothing."""
    connect(package, "cn-hangzhou", "us-west-1", 2)
    sdk.call(
        SetCenInterRegionBandwidthLimitRequest(),
        CenId=package.cen_instance_id,
        LocalRegionId="cn-hangzhou",
        OppositeRegionId="us-east-1",
        BandwidthLimit=0,
    )
    assert list(RegionConnection.objects.values_list("opposite_region_id", "bandwidth")) == [("us-west-1", 2)]


def test_set_limit_zero_twice_succeeds_both_times(sdk, package):
    """Removing a limit is idempotent: the second BandwidthLimit 0 finds nothing to remove and succeeds."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    for _ in range(2):
        sdk.call(
            SetCenInterRegionBandwidthLimitRequest(),
            CenId=package.cen_instance_id,
            LocalRegionId="cn-hangzhou",
            OppositeRegionId="us-east-1",
            BandwidthLimit=0,
        )
    assert not RegionConnection.objects.exists()


def test_set_limit_refuses_regions_no_package_covers(sdk, package):
    """Hangzhou <-> Shanghai needs a Mainland China <-> Mainland China package the CEN does not have."""
    refusal = sdk.refusal(
        SetCenInterRegionBandwidthLimitRequest(),
        CenId=package.cen_instance_id,
        LocalRegionId="cn-hangzhou",
        OppositeRegionId="cn-shanghai",
        BandwidthLimit=1,
    )
    assert refused_with(refusal, 400, "InvalidOperation.NoBwpForGeographicSpan")
    assert not RegionConnection.objects.exists()


def test_describe_limits_filters_by_region(sdk, package):
    """DescribeCenInterRegionBandwidthLimits with TrRegionId lists the connections touching that region."""
    connect(package, "cn-hangzhou", "us-east-1", 3)
    connect(package, "cn-beijing", "us-west-1", 3)
    answer = sdk.call(DescribeCenInterRegionBandwidthLimitsRequest(), TrRegionId="us-west-1")
    limits = answer["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"]
    assert [(limit["LocalRegionId"], limit["OppositeRegionId"]) for limit in limits] == [("cn-beijing", "us-west-1")]


def test_remaining_bandwidth_is_what_the_areas_package_has_left(sdk, package):
    """DescribeCenGeographicSpanRemainingBandwidth: the package's bandwidth less its connections."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    answer = sdk.call(
        DescribeCenGeographicSpanRemainingBandwidthRequest(),
        CenId=package.cen_instance_id,
        GeographicRegionAId="north-america",
        GeographicRegionBId="china",
    )
    assert answer["RemainingBandwidth"] == 4


def test_geographic_spans_are_every_pair_of_areas(sdk):
    """DescribeCenGeographicSpans lists the 15 area pairs (same-area pairs included) and filters by id."""
    every = sdk.call(DescribeCenGeographicSpansRequest(), PageSize=50)
    assert every["TotalCount"] == 15
    one = sdk.call(DescribeCenGeographicSpansRequest(), GeographicSpanId="china_north-america")
    assert one["GeographicSpanModels"]["GeographicSpanModel"] == [
        {"GeographicSpanId": "china_north-america", "LocalGeoRegionId": "china", "OppositeGeoRegionId": "north-america"}
    ]


@pytest.mark.parametrize(("parameter", "code"), [("Name", "InvalidName"), ("Description", "InvalidDescription")])
def test_create_cen_refuses_bidirectional_controls(sdk, user, parameter, code):
    """A name or description holding a bidirectional isolate (U+2066) is refused with InvalidName/InvalidDescription."""
    refusal = sdk.refusal(CreateCenRequest(), **{parameter: "left\u2066right"})
    assert refused_with(refusal, 400, code)
    assert not CenInstance.objects.filter(owner=user).exists()
