"""TransitRouterVPCAttachmentOptions (a VPC connection's features, {"ipv6Support": "enable"}): taken by
CreateTransitRouterVpcAttachment and UpdateTransitRouterVpcAttachmentAttribute as the SDKs send a map in
RPC style (one parameter holding a JSON object), answered by ListTransitRouterVpcAttachments, refused
with InvalidParameter outside the reference's keys and values, counted in the ClientToken's fingerprint."""

import time

import pytest
from alibabacloud_cbn20170912 import models

from cenconsole.transit.models import TransitRouterVpcAttachment
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import later  # noqa: F401 (the fixture)

OPTIONS = "TransitRouterVPCAttachmentOptions"
ZONES = [models.CreateTransitRouterVpcAttachmentRequestZoneMappings(zone_id="cn-hangzhou-h", v_switch_id="vsw-opt01")]
FORM_ZONES = {"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.1.VSwitchId": "vsw-opt01"}


# Through the V3 SDK, against the live server --------------------------------------------------------


@pytest.fixture
def sdk_router(sdk_v3, settings):
    """An Active transit router in cn-hangzhou, made through the V3 SDK (transitions of one second)."""
    settings.TRANSIT_TRANSITION_SECONDS = 1
    cen_id = sdk_v3.call("create_cen", models.CreateCenRequest(name="options-cen"))["CenId"]
    router_id = sdk_v3.call(
        "create_transit_router", models.CreateTransitRouterRequest(cen_id=cen_id, region_id="cn-hangzhou")
    )["TransitRouterId"]
    wait_until(lambda: sdk_list(sdk_v3, models.ListTransitRoutersRequest(transit_router_id=router_id)), "Active")
    return cen_id, router_id


def sdk_list(sdk_v3, request):
    """The first item of a List… answer (routers or attachments), or None."""
    answer = sdk_v3.call(
        "list_transit_routers"
        if isinstance(request, models.ListTransitRoutersRequest)
        else "list_transit_router_vpc_attachments",
        request,
    )
    items = answer.get("TransitRouters", answer.get("TransitRouterAttachments"))
    return items[0] if items else None


def wait_until(read, status):
    deadline = time.monotonic() + 15
    while (found := read()) is None or found["Status"] != status:
        assert time.monotonic() < deadline, f"still {found!r}, {status} expected"
        time.sleep(0.25)
    return found


def sdk_attachment(sdk_v3, attachment_id):
    return sdk_list(sdk_v3, models.ListTransitRouterVpcAttachmentsRequest(transit_router_attachment_id=attachment_id))


@pytest.mark.django_db(transaction=True)
def test_the_v3_sdk_creates_with_options_and_lists_them(sdk_v3, user, sdk_router):
    """create_transit_router_vpc_attachment with {"ipv6Support": "enable"}: the list answers the same map,
    every key of the SDK's model there."""
    cen_id, router_id = sdk_router
    attachment_id = sdk_v3.call(
        "create_transit_router_vpc_attachment",
        models.CreateTransitRouterVpcAttachmentRequest(
            cen_id=cen_id,
            transit_router_id=router_id,
            vpc_id="vpc-opt0001",
            zone_mappings=ZONES,
            transit_router_vpcattachment_options={"ipv6Support": "enable"},
        ),
    )["TransitRouterAttachmentId"]
    found = wait_until(lambda: sdk_attachment(sdk_v3, attachment_id), "Attached")
    assert found[OPTIONS] == {"ipv6Support": "enable"}
    answer = sdk_v3.call(
        "list_transit_router_vpc_attachments",
        models.ListTransitRouterVpcAttachmentsRequest(transit_router_attachment_id=attachment_id),
    )
    assert mismatches(answer, sample_answer("ListTransitRouterVpcAttachments")) == []


@pytest.mark.django_db(transaction=True)
def test_the_v3_sdk_updates_the_options(sdk_v3, user, sdk_router):
    """update_transit_router_vpc_attachment_attribute with {"ipv6Support": "disable"}: the list answers
    it, the name sent with it changed too."""
    cen_id, router_id = sdk_router
    attachment_id = sdk_v3.call(
        "create_transit_router_vpc_attachment",
        models.CreateTransitRouterVpcAttachmentRequest(
            cen_id=cen_id,
            transit_router_id=router_id,
            vpc_id="vpc-opt0002",
            zone_mappings=ZONES,
            transit_router_vpcattachment_options={"ipv6Support": "enable"},
        ),
    )["TransitRouterAttachmentId"]
    wait_until(lambda: sdk_attachment(sdk_v3, attachment_id), "Attached")
    sdk_v3.call(
        "update_transit_router_vpc_attachment_attribute",
        models.UpdateTransitRouterVpcAttachmentAttributeRequest(
            transit_router_attachment_id=attachment_id,
            transit_router_attachment_name="v6-off",
            transit_router_vpcattachment_options={"ipv6Support": "disable"},
        ),
    )
    found = wait_until(lambda: sdk_attachment(sdk_v3, attachment_id), "Attached")
    assert (found[OPTIONS], found["TransitRouterAttachmentName"]) == ({"ipv6Support": "disable"}, "v6-off")


@pytest.mark.django_db(transaction=True)
def test_the_v3_sdk_sees_an_unknown_option_refused(sdk_v3, user, sdk_router):
    """A key the reference does not list: InvalidParameter through the SDK, and no connection made."""
    cen_id, router_id = sdk_router
    refused = sdk_v3.refusal(
        "create_transit_router_vpc_attachment",
        models.CreateTransitRouterVpcAttachmentRequest(
            cen_id=cen_id,
            transit_router_id=router_id,
            vpc_id="vpc-opt0003",
            zone_mappings=ZONES,
            transit_router_vpcattachment_options={"dnsSupport": "enable"},
        ),
    )
    assert refused.code == "InvalidParameter"
    assert not TransitRouterVpcAttachment.objects.exists()


# Through the test client (the shape of the parameter, the refusals, the token) ----------------------


@pytest.fixture
def router(client, access_key, cen_instance, later):  # noqa: F811
    router_id = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou").body[
        "TransitRouterId"
    ]
    later()
    return router_id


def create(client, router_id, vpc_id="vpc-opt0101", **extra):
    return api_call(
        client, "CreateTransitRouterVpcAttachment", TransitRouterId=router_id, VpcId=vpc_id, **FORM_ZONES, **extra
    )


def listed_options(client, attachment_id):
    answer = api_call(client, "ListTransitRouterVpcAttachments", TransitRouterAttachmentId=attachment_id)
    return answer.body["TransitRouterAttachments"][0][OPTIONS]


@pytest.mark.django_db
def test_a_connection_made_without_options_answers_an_empty_map(client, router):
    """No options sent: the list answers {} (the replica does not model the VPC's own IPv6 state)."""
    attachment_id = create(client, router).body["TransitRouterAttachmentId"]
    assert listed_options(client, attachment_id) == {}


@pytest.mark.django_db
def test_the_old_sdks_spacing_reads_the_same(client, router):
    """aliyun-python-sdk-cbn sends json.dumps's '{"ipv6Support": "enable"}' (with a space): taken alike."""
    attachment_id = create(client, router, **{OPTIONS: '{"ipv6Support": "enable"}'}).body["TransitRouterAttachmentId"]
    assert listed_options(client, attachment_id) == {"ipv6Support": "enable"}


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["ipv6Support=enable", '["enable"]', '{"ipv6Support": true}'])
def test_options_that_are_not_a_json_object_of_strings_are_refused(client, router, raw):
    """Not a JSON object of strings: InvalidParameter naming the parameter, and nothing made."""
    refused = create(client, router, **{OPTIONS: raw})
    assert (refused.status, refused.code) == (400, "InvalidParameter")
    assert OPTIONS in refused.body["Message"]
    assert not TransitRouterVpcAttachment.objects.exists()


@pytest.mark.django_db
def test_an_option_value_outside_enable_and_disable_is_refused(client, router):
    """ipv6Support takes enable or disable only: anything else is InvalidParameter, and nothing is made."""
    refused = create(client, router, **{OPTIONS: '{"ipv6Support":"on"}'})
    assert (refused.status, refused.code) == (400, "InvalidParameter")
    assert not TransitRouterVpcAttachment.objects.exists()


@pytest.mark.django_db
def test_an_update_with_an_unknown_option_is_refused_and_changes_nothing(client, router, later):  # noqa: F811
    """UpdateTransitRouterVpcAttachmentAttribute with a key the reference does not list: InvalidParameter,
    the name sent with it unchanged."""
    attachment_id = create(client, router, **{OPTIONS: '{"ipv6Support":"enable"}'}).body["TransitRouterAttachmentId"]
    later(20)
    refused = api_call(
        client,
        "UpdateTransitRouterVpcAttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterAttachmentName="renamed",
        **{OPTIONS: '{"applianceModeSupport":"enable"}'},
    )
    assert (refused.status, refused.code) == (400, "InvalidParameter")
    attachment = TransitRouterVpcAttachment.objects.get(pk=attachment_id)
    assert (attachment.name, attachment.attachment_options) == ("", {"ipv6Support": "enable"})


@pytest.mark.django_db
def test_an_update_without_options_keeps_them(client, router, later):  # noqa: F811
    """An update of the name alone leaves the options as they were."""
    attachment_id = create(client, router, **{OPTIONS: '{"ipv6Support":"enable"}'}).body["TransitRouterAttachmentId"]
    later(20)
    api_call(
        client,
        "UpdateTransitRouterVpcAttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterAttachmentName="n",
    )
    assert listed_options(client, attachment_id) == {"ipv6Support": "enable"}


@pytest.mark.django_db
def test_a_retry_with_the_same_token_and_options_answers_the_first_connection(client, router):
    """The same ClientToken and the same options (spaced otherwise): the first connection's ID, no second."""
    first = create(client, router, ClientToken="vpc-1", **{OPTIONS: '{"ipv6Support":"enable"}'})
    again = create(client, router, ClientToken="vpc-1", **{OPTIONS: '{ "ipv6Support" : "enable" }'})
    assert again.status == 200, again.body
    assert again.body["TransitRouterAttachmentId"] == first.body["TransitRouterAttachmentId"]
    assert TransitRouterVpcAttachment.objects.count() == 1


@pytest.mark.django_db
def test_a_retry_with_the_same_token_and_other_options_is_refused(client, router):
    """The same ClientToken with other options: IdempotentParameterMismatch, and no second connection."""
    create(client, router, ClientToken="vpc-2", **{OPTIONS: '{"ipv6Support":"enable"}'})
    refused = create(client, router, ClientToken="vpc-2", **{OPTIONS: '{"ipv6Support":"disable"}'})
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert TransitRouterVpcAttachment.objects.count() == 1


@pytest.mark.django_db
def test_the_newer_options_parameter_is_refused_as_unsupported(client, router):
    """Options (the provider's options block; not in SDK 1.4.0's model) is refused by name, nothing made."""
    refused = create(client, router, Options='{"Ipv6Support":"enable"}')
    assert refused.status == 400
    assert "Options" in refused.body["Message"]
    assert not TransitRouterVpcAttachment.objects.exists()
