"""The multicast actions through the API: answers with every key of the SDK's response models, statuses
on the clock, ClientToken and DryRun, the documented refusals."""

import pytest

from cenconsole.accounts.uids import account_uid
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

GROUP = "239.0.0.2"
ZONES = {
    "ZoneMappings.1.ZoneId": "cn-hangzhou-h",
    "ZoneMappings.1.VSwitchId": "vsw-mc0001",
    "ZoneMappings.2.ZoneId": "cn-hangzhou-i",
    "ZoneMappings.2.VSwitchId": "vsw-mc0002",
}


def ok(answer):
    assert answer.status == 200, answer.body
    return answer.body


def conforms(action, body):
    assert mismatches(body, sample_answer(action)) == []
    return body


@pytest.fixture
def router(client, access_key, cen_instance, later):  # noqa: F811
    """An Active router in cn-hangzhou made with SupportMulticast, with an Attached VPC connection."""
    router_id = ok(
        api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou", SupportMulticast="true")
    )["TransitRouterId"]
    later()
    attachment_id = ok(
        api_call(client, "CreateTransitRouterVpcAttachment", TransitRouterId=router_id, VpcId="vpc-mc0001", **ZONES)
    )["TransitRouterAttachmentId"]
    later()
    return {"id": router_id, "attachment": attachment_id}


@pytest.fixture
def domain(client, router, later):  # noqa: F811
    """An Active multicast domain on the router."""
    domain_id = ok(api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router["id"]))[
        "TransitRouterMulticastDomainId"
    ]
    later()
    return domain_id


@pytest.fixture
def associated(client, router, domain, later):  # noqa: F811
    """The domain with the connection's two vSwitches Associated."""
    link = {"TransitRouterMulticastDomainId": domain, "TransitRouterAttachmentId": router["attachment"]}
    ok(api_call(client, "AssociateTransitRouterMulticastDomain", **link, **{"VSwitchIds.1": "vsw-mc0001"}))
    ok(api_call(client, "AssociateTransitRouterMulticastDomain", **link, **{"VSwitchIds.1": "vsw-mc0002"}))
    later()
    return domain


def register(client, domain, action="RegisterTransitRouterMulticastGroupMembers", eni="eni-mc0001", **extra):
    parameters = {"GroupIpAddress": GROUP, "NetworkInterfaceIds.1": eni, **extra}
    return api_call(client, action, TransitRouterMulticastDomainId=domain, **parameters)


def groups(client, domain, **extra):
    return ok(api_call(client, "ListTransitRouterMulticastGroups", TransitRouterMulticastDomainId=domain, **extra))


# Domains -------------------------------------------------------------------------------------------------


def test_create_and_list_a_domain_as_the_sdk_models_it(client, router, cen_instance, later):  # noqa: F811
    """CreateTransitRouterMulticastDomain answers its ID; the list shows it Creating, then Active, every key."""
    created = api_call(
        client,
        "CreateTransitRouterMulticastDomain",
        TransitRouterId=router["id"],
        TransitRouterMulticastDomainName="video",
        TransitRouterMulticastDomainDescription="east",
        **{"Options.Igmpv2Support": "enable"},
    )
    domain_id = conforms("CreateTransitRouterMulticastDomain", ok(created))["TransitRouterMulticastDomainId"]
    listed = conforms("ListTransitRouterMulticastDomains", ok(api_call(client, "ListTransitRouterMulticastDomains")))
    (domain,) = listed["TransitRouterMulticastDomains"]
    assert domain == {
        "CenId": cen_instance.pk,
        "Options": {"Igmpv2Support": "enable"},
        "RegionId": "cn-hangzhou",
        "Status": "Creating",
        "Tags": [],
        "TransitRouterId": router["id"],
        "TransitRouterMulticastDomainDescription": "east",
        "TransitRouterMulticastDomainId": domain_id,
        "TransitRouterMulticastDomainName": "video",
    }
    later()
    again = ok(api_call(client, "ListTransitRouterMulticastDomains", TransitRouterMulticastDomainId=domain_id))
    assert again["TransitRouterMulticastDomains"][0]["Status"] == "Active"


def test_a_domain_by_cen_and_region(client, router, cen_instance):
    """Without TransitRouterId, CenId and RegionId name the router."""
    created = ok(api_call(client, "CreateTransitRouterMulticastDomain", CenId=cen_instance.pk, RegionId="cn-hangzhou"))
    listed = ok(api_call(client, "ListTransitRouterMulticastDomains", CenId=cen_instance.pk))
    assert [each["TransitRouterId"] for each in listed["TransitRouterMulticastDomains"]] == [router["id"]]
    assert (
        listed["TransitRouterMulticastDomains"][0]["TransitRouterMulticastDomainId"]
        == (created["TransitRouterMulticastDomainId"])
    )


def test_a_router_is_named_one_way_or_the_other(client, access_key):
    """Neither TransitRouterId nor CenId: MissingTransitRouterId."""
    answer = api_call(client, "CreateTransitRouterMulticastDomain")
    assert (answer.status, answer.code) == (400, "MissingTransitRouterId")


def test_a_router_without_multicast_is_refused(client, access_key, cen_instance, later):  # noqa: F811
    """A router made without SupportMulticast: OperationUnsupported.TransitRouterSupportMulticast."""
    router_id = ok(api_call(client, "CreateTransitRouter", CenId=cen_instance.pk))["TransitRouterId"]
    later()
    answer = api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router_id)
    assert answer.code == "OperationUnsupported.TransitRouterSupportMulticast"


def test_a_retry_with_the_same_client_token_makes_no_second_domain(client, router):
    """The same ClientToken answers the first domain's ID."""
    first, second = (
        ok(api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router["id"], ClientToken="t-1"))[
            "TransitRouterMulticastDomainId"
        ]
        for _ in range(2)
    )
    assert first == second
    assert ok(api_call(client, "ListTransitRouterMulticastDomains"))["TotalCount"] == 1


def test_dry_run_creates_no_domain(client, router):
    """DryRun=true answers DryRunOperation and leaves no domain."""
    answer = api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router["id"], DryRun="true")
    assert answer.code == "DryRunOperation"
    assert ok(api_call(client, "ListTransitRouterMulticastDomains"))["TotalCount"] == 0


def test_an_invalid_tag_makes_no_domain(client, router):
    """Tag.N is checked before the domain is made: a reserved key refuses the create, and no domain is made."""
    answer = api_call(
        client, "CreateTransitRouterMulticastDomain", TransitRouterId=router["id"], **{"Tag.1.Key": "aliyun"}
    )
    assert answer.code == "InvalidTagKey"
    assert ok(api_call(client, "ListTransitRouterMulticastDomains"))["TotalCount"] == 0


def test_modify_renames_and_enables_igmpv2_for_good(client, domain):
    """Modify changes the name and turns IGMPv2 on; turning it off is refused as documented."""
    ok(
        api_call(
            client,
            "ModifyTransitRouterMulticastDomain",
            TransitRouterMulticastDomainId=domain,
            TransitRouterMulticastDomainName="renamed",
            **{"Options.Igmpv2Support": "enable"},
        )
    )
    (listed,) = ok(api_call(client, "ListTransitRouterMulticastDomains"))["TransitRouterMulticastDomains"]
    assert (listed["TransitRouterMulticastDomainName"], listed["Options"]) == ("renamed", {"Igmpv2Support": "enable"})
    off = api_call(
        client,
        "ModifyTransitRouterMulticastDomain",
        TransitRouterMulticastDomainId=domain,
        **{"Options.Igmpv2Support": "disable"},
    )
    assert off.code == "OperationUnsupported.NotAllowedDisableIgmpv2Support"
    bad = api_call(
        client,
        "ModifyTransitRouterMulticastDomain",
        TransitRouterMulticastDomainId=domain,
        **{"Options.Igmpv2Support": "1"},
    )
    assert bad.code == "IllegalParam.Igmpv2Support"


def test_delete_is_deleting_then_gone(client, domain, later):  # noqa: F811
    """DeleteTransitRouterMulticastDomain: Deleting, then no longer listed."""
    ok(api_call(client, "DeleteTransitRouterMulticastDomain", TransitRouterMulticastDomainId=domain))
    listed = ok(api_call(client, "ListTransitRouterMulticastDomains"))["TransitRouterMulticastDomains"]
    assert [each["Status"] for each in listed] == ["Deleting"]
    later()
    assert ok(api_call(client, "ListTransitRouterMulticastDomains"))["TotalCount"] == 0


def test_unknown_and_creating_domains_are_refused(client, router):
    """An unknown domain: InvalidTransitRouterMulticastDomainId.NotFound; a Creating one: IncorrectStatus."""
    unknown = api_call(client, "DeleteTransitRouterMulticastDomain", TransitRouterMulticastDomainId="tr-mcast-domain-x")
    assert unknown.code == "InvalidTransitRouterMulticastDomainId.NotFound"
    creating = ok(api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router["id"]))
    answer = api_call(client, "DeleteTransitRouterMulticastDomain", **creating)
    assert answer.code == "IncorrectStatus.MulticastDomain"


def test_a_domain_with_vswitches_is_not_deleted(client, associated):
    """Documented: InvalidOperation.MulticastDomainAssociationExist."""
    answer = api_call(client, "DeleteTransitRouterMulticastDomain", TransitRouterMulticastDomainId=associated)
    assert answer.code == "InvalidOperation.MulticastDomainAssociationExist"


# Associations ----------------------------------------------------------------------------------------------


def test_associations_listed_as_the_sdk_models_them(client, router, associated, user):
    """Each associated vSwitch is listed with its VPC and account, Associated."""
    body = conforms(
        "ListTransitRouterMulticastDomainAssociations",
        ok(api_call(client, "ListTransitRouterMulticastDomainAssociations", TransitRouterMulticastDomainId=associated)),
    )
    assert body["TransitRouterMulticastAssociations"][0] == {
        "ResourceId": "vpc-mc0001",
        "ResourceOwnerId": account_uid(user.pk),
        "ResourceType": "VPC",
        "Status": "Associated",
        "TransitRouterAttachmentId": router["attachment"],
        "TransitRouterMulticastDomainId": associated,
        "VSwitchId": "vsw-mc0001",
    }
    by_vswitch = ok(
        api_call(
            client,
            "ListTransitRouterMulticastDomainAssociations",
            TransitRouterAttachmentId=router["attachment"],
            **{"VSwitchIds.1": "vsw-mc0002"},
        )
    )
    assert [each["VSwitchId"] for each in by_vswitch["TransitRouterMulticastAssociations"]] == ["vsw-mc0002"]


def test_associate_refusals(client, router, associated):
    """No VSwitchIds: MissingParam.VSwitchIds; a vSwitch of another domain: AssociationExist.VSwitchIds;
    one not of the connection: IllegalParam.VSwitchIds."""
    link = {"TransitRouterMulticastDomainId": associated, "TransitRouterAttachmentId": router["attachment"]}
    assert api_call(client, "AssociateTransitRouterMulticastDomain", **link).code == "MissingParam.VSwitchIds"
    again = api_call(client, "AssociateTransitRouterMulticastDomain", **link, **{"VSwitchIds.1": "vsw-mc0001"})
    assert again.code == "AssociationExist.VSwitchIds"
    stranger = api_call(client, "AssociateTransitRouterMulticastDomain", **link, **{"VSwitchIds.1": "vsw-other"})
    assert stranger.code == "IllegalParam.VSwitchIds"


def test_vswitches_in_domains_by_vpc(client, associated, cen_instance):
    """ListTransitRouterMulticastDomainVSwitches: the VPC's vSwitches that are in a multicast domain."""
    body = conforms(
        "ListTransitRouterMulticastDomainVSwitches",
        ok(api_call(client, "ListTransitRouterMulticastDomainVSwitches", CenId=cen_instance.pk, VpcId="vpc-mc0001")),
    )
    assert (body["VSwitchIds"], body["TotalCount"]) == (["vsw-mc0001", "vsw-mc0002"], 2)
    unknown = api_call(client, "ListTransitRouterMulticastDomainVSwitches", CenId="cen-x", VpcId="vpc-mc0001")
    assert unknown.code == "InvalidCenId.NotFound"


def test_disassociate_is_dissociating_then_gone(client, router, associated, later):  # noqa: F811
    """Disassociate: Dissociating, then no longer listed."""
    link = {"TransitRouterMulticastDomainId": associated, "TransitRouterAttachmentId": router["attachment"]}
    ok(api_call(client, "DisassociateTransitRouterMulticastDomain", **link, **{"VSwitchIds.1": "vsw-mc0001"}))
    listed = ok(api_call(client, "ListTransitRouterMulticastDomainAssociations", **link))
    assert [each["Status"] for each in listed["TransitRouterMulticastAssociations"]] == ["Dissociating", "Associated"]
    later()
    assert ok(api_call(client, "ListTransitRouterMulticastDomainAssociations", **link))["TotalCount"] == 1


# Members and sources -----------------------------------------------------------------------------------------


def test_members_and_sources_listed_as_the_sdk_models_them(client, router, associated, user, later):  # noqa: F811
    """An ENI registered as a source and a member is listed twice, Registering then Registered."""
    ok(register(client, associated, "RegisterTransitRouterMulticastGroupSources"))
    ok(register(client, associated))
    body = conforms("ListTransitRouterMulticastGroups", groups(client, associated))
    source, member = body["TransitRouterMulticastGroups"]
    assert source == {
        "GroupIpAddress": GROUP,
        "GroupMember": False,
        "GroupSource": True,
        "MemberType": "",
        "NetworkInterfaceId": "eni-mc0001",
        "PeerTransitRouterMulticastDomainId": "",
        "ResourceId": "vpc-mc0001",
        "ResourceOwnerId": account_uid(user.pk),
        "ResourceType": "VPC",
        "SourceType": "Static",
        "Status": "Registering",
        "TransitRouterAttachmentId": router["attachment"],
        "TransitRouterMulticastDomainId": associated,
        "VSwitchId": "vsw-mc0001",
    }
    assert (member["GroupMember"], member["MemberType"]) == (True, "Static")
    later()
    only_members = groups(client, associated, IsGroupMember="true")["TransitRouterMulticastGroups"]
    assert [(each["GroupMember"], each["Status"]) for each in only_members] == [(True, "Registered")]


def test_register_refusals(client, associated):
    """A group address outside multicast: IllegalParam.GroupIpAddress; twice: InstanceExist; six ENIs:
    InvalidParameter; none: MissingNetworkInterfaceIds."""
    assert register(client, associated, GroupIpAddress="10.0.0.1").code == "IllegalParam.GroupIpAddress"
    ok(register(client, associated))
    assert register(client, associated).code == "InstanceExist"
    six = {f"NetworkInterfaceIds.{n}": f"eni-mc000{n}" for n in range(1, 6)}
    too_many = api_call(
        client,
        "RegisterTransitRouterMulticastGroupMembers",
        TransitRouterMulticastDomainId=associated,
        GroupIpAddress=GROUP,
        **six,
        **{"PeerTransitRouterMulticastDomains.1": "tr-mcast-domain-x"},
    )
    assert too_many.code == "InvalidParameter"
    none = api_call(
        client,
        "RegisterTransitRouterMulticastGroupMembers",
        TransitRouterMulticastDomainId=associated,
        GroupIpAddress=GROUP,
    )
    assert none.code == "MissingNetworkInterfaceIds"


def test_a_retried_register_with_its_client_token_answers_again(client, associated):
    """The same ClientToken: the retry succeeds (no InstanceExist) and the ENI is registered once."""
    first = register(client, associated, ClientToken="retry-1")
    again = register(client, associated, ClientToken="retry-1")
    assert (first.status, again.status) == (200, 200)
    assert groups(client, associated)["TotalCount"] == 1


def test_register_dry_run_registers_nothing(client, associated):
    """DryRun=true answers DryRunOperation; the group stays empty."""
    assert register(client, associated, DryRun="true").code == "DryRunOperation"
    assert groups(client, associated)["TotalCount"] == 0


def test_deregister_then_gone(client, associated, later):  # noqa: F811
    """Deregister a Registered member: Deregistering, then no longer listed."""
    ok(register(client, associated))
    later()
    ok(register(client, associated, "DeregisterTransitRouterMulticastGroupMembers"))
    assert [each["Status"] for each in groups(client, associated)["TransitRouterMulticastGroups"]] == ["Deregistering"]
    later()
    assert groups(client, associated)["TotalCount"] == 0


def test_a_registering_member_is_not_deregistered(client, associated):
    """Documented: IncorrectStatus.MulticastGroup."""
    ok(register(client, associated))
    assert register(client, associated, "DeregisterTransitRouterMulticastGroupMembers").code == (
        "IncorrectStatus.MulticastGroup"
    )


def test_groups_of_an_unknown_domain_are_refused(client, access_key):
    """IllegalParam.TransitRouterMulticastDomainId (what Terraform's provider reads as gone)."""
    answer = api_call(client, "ListTransitRouterMulticastGroups", TransitRouterMulticastDomainId="tr-mcast-domain-x")
    assert answer.code == "IllegalParam.TransitRouterMulticastDomainId"


def test_another_regions_domain_as_a_member(client, router, domain, cen_instance, package, later):  # noqa: F811
    """A us-east-1 domain joins the group over the inter-region connection: ResourceType TR."""
    virginia = ok(
        api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="us-east-1", SupportMulticast="true")
    )["TransitRouterId"]
    later()
    peer = ok(
        api_call(
            client,
            "CreateTransitRouterPeerAttachment",
            TransitRouterId=router["id"],
            PeerTransitRouterId=virginia,
            CenBandwidthPackageId=package.pk,
            Bandwidth="2",
        )
    )["TransitRouterAttachmentId"]
    peer_domain = ok(api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=virginia))[
        "TransitRouterMulticastDomainId"
    ]
    later()
    ok(
        api_call(
            client,
            "RegisterTransitRouterMulticastGroupMembers",
            TransitRouterMulticastDomainId=domain,
            GroupIpAddress=GROUP,
            **{"PeerTransitRouterMulticastDomains.1": peer_domain},
        )
    )
    (row,) = groups(client, domain, **{"PeerTransitRouterMulticastDomains.1": peer_domain})[
        "TransitRouterMulticastGroups"
    ]
    assert (row["ResourceType"], row["ResourceId"], row["TransitRouterAttachmentId"], row["NetworkInterfaceId"]) == (
        "TR",
        virginia,
        peer,
        "",
    )
