"""Answers as the SDKs read them: ModifyCenAttribute, CenBandwidthPackageOrderId, Format=XML, the
FinancialLocked refusal of AssociateCenBandwidthPackage, and region connections in the caller's
direction."""

import xml.etree.ElementTree as ElementTree

import pytest

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.networks import services as network_services
from tests.api.conftest import api_call, common_parameters, sdk_sign
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def xml_call(client, action, **parameters):
    response = client.post("/", sdk_sign("POST", common_parameters(action, Format="XML", **parameters)))
    return response, ElementTree.fromstring(response.content)


# ModifyCenAttribute ----------------------------------------------------------------------------------------


def test_modify_cen_attribute_renames_and_redescribes(client, access_key, cen_instance):
    """Name and Description change; the change is audited."""
    answer = api_call(client, "ModifyCenAttribute", CenId=cen_instance.pk, Name="renamed", Description="new words")
    assert answer.status == 200, answer.body
    cen_instance.refresh_from_db()
    assert (cen_instance.name, cen_instance.description) == ("renamed", "new words")
    assert AuditRecord.objects.filter(action="cen.modified", target_id=cen_instance.pk).exists()


def test_modify_cen_attribute_leaves_what_is_not_sent(client, access_key, cen_instance):
    """Only Name sent: the description stays."""
    api_call(client, "ModifyCenAttribute", CenId=cen_instance.pk, Name="renamed")
    cen_instance.refresh_from_db()
    assert (cen_instance.name, cen_instance.description) == ("renamed", "test instance")


def test_modify_cen_attribute_refuses_an_unknown_cen(client, access_key):
    """An unknown CenId: ParameterCenInstanceId."""
    answer = api_call(client, "ModifyCenAttribute", CenId="cen-doesnotexist00000", Name="x")
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")


def test_modify_cen_attribute_refuses_another_accounts_cen(client, access_key, other_user):
    """Another account's instance: refused as unknown, and unchanged."""
    theirs = CenInstanceFactory(owner=other_user, name="theirs")
    answer = api_call(client, "ModifyCenAttribute", CenId=theirs.pk, Name="mine now")
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")
    assert CenInstance.objects.get(pk=theirs.pk).name == "theirs"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("Name", "n" * 129, "InvalidName"),
        ("Name", "https://example.com", "InvalidName"),
        ("Description", "d" * 257, "InvalidDescription"),
        ("Description", "http://example.com", "InvalidDescription"),
    ],
)
def test_modify_cen_attribute_refuses_invalid_text(client, access_key, cen_instance, field, value, code):
    """Names over 128 characters, descriptions over 256, or either starting with a URL: refused."""
    answer = api_call(client, "ModifyCenAttribute", CenId=cen_instance.pk, **{field: value})
    assert (answer.status, answer.code) == (400, code)


# CreateCenBandwidthPackage's order ID ----------------------------------------------------------------------


def test_create_package_answers_the_order_id_as_the_sdks_read_it(client, access_key):
    """CenBandwidthPackageOrderId is the order of the purchase."""
    answer = api_call(
        client, "CreateCenBandwidthPackage", GeographicRegionAId="China", GeographicRegionBId="China", Bandwidth="2"
    )
    order = Order.objects.get(pk=answer.body["CenBandwidthPackageOrderId"])
    assert order.package_id == answer.body["CenBandwidthPackageId"]


# Format=XML ------------------------------------------------------------------------------------------------


def test_xml_answer_is_rooted_in_the_action(client, access_key):
    """Format=XML: <CreateCenResponse> with RequestId and CenId, served as text/xml."""
    response, root = xml_call(client, "CreateCen", Name="by xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml;charset=utf-8"
    assert root.tag == "CreateCenResponse"
    assert CenInstance.objects.get(pk=root.findtext("CenId")).name == "by xml"
    assert root.findtext("RequestId") == response["x-acs-request-id"]


def test_xml_lists_repeat_their_item_element(client, access_key, user):
    """A list is its item element repeated inside the wrapper: <Cens><Cen>...</Cen><Cen>...</Cen></Cens>."""
    CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    _response, root = xml_call(client, "DescribeCens")
    assert root.tag == "DescribeCensResponse"
    assert len(root.findall("./Cens/Cen")) == 2
    assert root.findtext("TotalCount") == "2"
    assert root.find("./Cens/Cen/CenBandwidthPackageIds") is not None


def test_xml_booleans_are_true_or_false(client, access_key, cen_instance):
    """IsCrossBorder is true/false in XML, as in the real API."""
    buy_package(cen_instance)
    _response, root = xml_call(client, "DescribeCenBandwidthPackages")
    assert root.findtext("./CenBandwidthPackages/CenBandwidthPackage/IsCrossBorder") == "true"


def test_xml_errors_are_an_error_element(client, access_key):
    """A refusal with Format=XML: <Error> with RequestId, HostId, Code and Message, at the error's status."""
    response, root = xml_call(client, "DeleteCen", CenId="cen-doesnotexist00000")
    assert response.status_code == 400
    assert root.tag == "Error"
    assert root.findtext("Code") == "ParameterCenInstanceId"
    assert root.findtext("RequestId") and root.findtext("HostId") and root.findtext("Message")


def test_xml_gateway_refusals_are_xml_too(client, access_key):
    """A wrong signature with Format=XML is answered in XML."""
    parameters = sdk_sign("POST", common_parameters("DescribeCens", Format="XML"), secret="not-the-secret")
    response = client.post("/", parameters)
    assert ElementTree.fromstring(response.content).findtext("Code") == "SignatureDoesNotMatch"


def test_json_stays_the_default(client, access_key):
    """Without Format (or Format=JSON) the answer is JSON."""
    response = client.post("/", sdk_sign("POST", {**common_parameters("DescribeCens"), "Format": "JSON"}))
    assert response["Content-Type"] == "application/json"


def test_an_unknown_format_is_refused(client, access_key):
    """Format other than JSON or XML: InvalidParameter.Format."""
    answer = api_call(client, "DescribeCens", Format="YAML")
    assert (answer.status, answer.code) == (400, "InvalidParameter.Format")


# AssociateCenBandwidthPackage and an expired package -------------------------------------------------------


def test_associate_refuses_a_financially_locked_package(client, access_key, user, cen_instance):
    """An expired (FinancialLocked) package: InvalidOperation.BwpBusinessStatus, and it stays unbound."""
    package = buy_package(CenInstanceFactory(owner=user))
    bandwidth_services.package_unbind(owner=user, package_id=package.pk)
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at="2020-01-02T03:04:05Z")
    answer = api_call(client, "AssociateCenBandwidthPackage", CenId=cen_instance.pk, CenBandwidthPackageId=package.pk)
    assert (answer.status, answer.code) == (400, "InvalidOperation.BwpBusinessStatus")
    assert BandwidthPackage.objects.get(pk=package.pk).cen_instance_id is None


# Region connections in the caller's direction ---------------------------------------------------------------


@pytest.mark.parametrize(("local", "opposite"), [("us-east-1", "cn-hangzhou"), ("cn-hangzhou", "us-east-1")])
def test_limits_keep_the_callers_local_and_opposite_regions(client, access_key, cen_instance, local, opposite):
    """DescribeCenInterRegionBandwidthLimits answers the regions in the order SetCen... gave them."""
    buy_package(cen_instance)
    set_answer = api_call(
        client,
        "SetCenInterRegionBandwidthLimit",
        CenId=cen_instance.pk,
        LocalRegionId=local,
        OppositeRegionId=opposite,
        BandwidthLimit="3",
    )
    assert set_answer.status == 200, set_answer.body
    answer = api_call(client, "DescribeCenInterRegionBandwidthLimits", CenId=cen_instance.pk)
    (limit,) = answer.body["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"]
    assert (limit["LocalRegionId"], limit["OppositeRegionId"], limit["BandwidthLimit"]) == (local, opposite, 3)


def test_a_connection_set_in_the_console_shows_in_the_seed_tables_order(client, access_key, user, cen_instance):
    """A connection the API never set is described as the console stores it."""
    buy_package(cen_instance)
    network_services.region_connection_set_by_regions(
        owner=user,
        cen_instance_id=cen_instance.pk,
        local_region_code="us-east-1",
        opposite_region_code="cn-hangzhou",
        bandwidth=2,
    )
    answer = api_call(client, "DescribeCenInterRegionBandwidthLimits", CenId=cen_instance.pk)
    (limit,) = answer.body["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"]
    assert (limit["LocalRegionId"], limit["OppositeRegionId"]) == ("cn-hangzhou", "us-east-1")


@pytest.mark.parametrize("field", ["Name", "Description"])
def test_create_cen_refuses_a_control_character(client, access_key, field):
    """CreateCen with x\\x01y as a name or description: refused (InvalidName / InvalidDescription), nothing made."""
    answer = api_call(client, "CreateCen", **{field: "x\x01y"})
    assert (answer.status, answer.code) == (400, f"Invalid{field}")
    assert not CenInstance.objects.exists()


def test_modify_cen_attribute_refuses_a_control_character(client, access_key, cen_instance):
    """ModifyCenAttribute with a control character in the name: InvalidName, the name unchanged."""
    answer = api_call(client, "ModifyCenAttribute", CenId=cen_instance.pk, Name="x\x01y")
    assert (answer.status, answer.code) == (400, "InvalidName")
    assert CenInstance.objects.get(pk=cen_instance.pk).name == cen_instance.name


def test_xml_describe_cens_parses_whatever_a_name_holds(client, access_key, user):
    """DescribeCens&Format=XML parses even for a row holding a control character from before the rule."""
    cen_instance = CenInstanceFactory(owner=user, name="plain")
    CenInstance.objects.filter(pk=cen_instance.pk).update(name="x\x01y", description="a\x1b[31mb")
    response, root = xml_call(client, "DescribeCens")
    assert response.status_code == 200
    assert root.findtext("./Cens/Cen/Name") == "x\ufffdy"
    assert root.findtext("./Cens/Cen/Description") == "a\ufffd[31mb"
