"""terraform-provider-alicloud's calls for alicloud_cen_transit_router_multicast_domain, _domain_association,
_domain_member, _domain_source and _domain_peer_member, and the data sources _multicast_domains,
_domain_associations, _domain_members, _domain_sources and _domain_peer_members, replayed with the
parameters the provider sends. Read from aliyun/terraform-provider-alicloud at commit
81c43b6727a09e9da37b3d88818c3ba5fa17fa14:
alicloud/resource_alicloud_cen_transit_router_multicast_domain*.go, data_source_alicloud_cen_transit_router_
multicast_domain*.go, service_alicloud_cen_v2.go (DescribeCenTransitRouterMulticastDomain) and
service_alicloud_cbn.go (the other Describe functions): each Create, Read, Update and Delete, with its
waits (BuildStateConf, polled every 5 seconds: the clock moves on between polls), its retry lists and
its not-found rules; apply, refresh with no diff, update of every updatable argument, import (a Read
by the ID alone), destroy in the reverse order of the dependencies.

The domain's tags travel as the provider sends them: Tag.N on its Create, and on an Update
CenServiceV2.SetResourceTags (UntagResources of the removed keys, then TagResources of the added or
changed ones, ResourceType TRANSITROUTERMULTICASTDOMAIN). The data source _domain_peer_members puts its
list of peer domains under PeerTransitRouterMulticastDomains.1, which the provider's client flattens to
PeerTransitRouterMulticastDomains.1.1, .1.2, ...: the replica reads that as the list."""

from dataclasses import dataclass, field

import pytest

from tests.api.conftest import api_call
from tests.api.terraform import expand_tags, set_resource_tags, token
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

PAGE_SIZE_LARGE, PAGE_SIZE_MEDIUM = 50, 20  # alicloud/common.go
HANGZHOU, VIRGINIA = "cn-hangzhou", "us-east-1"
VSWITCHES = ["vsw-tfmc0001", "vsw-tfmc0002"]
GROUP = "239.1.1.1"


class NotFound(Exception):
    """The provider's NotFoundError: the resource is gone."""


class Refused(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass
class Provider:
    """RpcPost("Cbn", "2017-09-12", ...) of a provider in `region`, with resource.Retry around each call
    and BuildStateConf(...).WaitForState() around the waits."""

    client: object
    later: object
    region: str = HANGZHOU
    calls: list = field(default_factory=list)

    def call(self, action: str, retry: tuple = (), **parameters) -> dict:
        """One call; a refusal whose code is in `retry` is retried after the provider's wait (the clock
        moves 5 seconds), as resource.Retry does; any other refusal raises Refused."""
        for _ in range(10):
            self.calls.append(action)
            answer = api_call(self.client, action, **parameters)
            if answer.status == 200:
                return answer.body
            if answer.code not in retry:
                raise Refused(answer.code)
            self.later(5)
            if "ClientToken" in parameters:
                parameters["ClientToken"] = token()
        raise AssertionError(f"{action} kept answering {answer.code}")

    def wait_for(self, describe, target: list[str]) -> list:
        """WaitForState with no pending list: poll every 5 seconds until the status is in target ([]:
        until NotFound). Returns the statuses seen before the target."""
        seen = []
        for _ in range(10):
            try:
                status = describe()["Status"]
            except NotFound:
                if target == []:
                    return seen
                status = None
            if status in target:
                return seen
            seen.append(status)
            self.later(5)
        raise AssertionError(f"never reached {target}: {seen}")


# alicloud_cen_transit_router_multicast_domain -------------------------------------------------------------


def domain_create(tf: Provider, config: dict) -> str:
    request = {"RegionId": tf.region, "ClientToken": token(), "TransitRouterId": config["transit_router_id"]}
    for argument, parameter in (
        ("transit_router_multicast_domain_name", "TransitRouterMulticastDomainName"),
        ("transit_router_multicast_domain_description", "TransitRouterMulticastDomainDescription"),
    ):
        if config.get(argument):
            request[parameter] = config[argument]
    if config.get("options"):
        request["Options.Igmpv2Support"] = config["options"][0]["igmpv2_support"]
    request.update(expand_tags(config.get("tags") or {}))
    return tf.call("CreateTransitRouterMulticastDomain", retry=("Operation.Blocking",), **request)[
        "TransitRouterMulticastDomainId"
    ]


def domain_describe(tf: Provider, domain_id: str) -> dict:
    """CenServiceV2.DescribeCenTransitRouterMulticastDomain: the first item, or NotFound."""
    answer = tf.call(
        "ListTransitRouterMulticastDomains",
        TransitRouterMulticastDomainId=domain_id,
        RegionId=tf.region,
        ClientToken=token(),
    )
    if not answer["TransitRouterMulticastDomains"]:
        raise NotFound(domain_id)
    return answer["TransitRouterMulticastDomains"][0]


def domain_read(tf: Provider, domain_id: str) -> dict:
    found = domain_describe(tf, domain_id)
    return {
        "region_id": found["RegionId"],
        "status": found["Status"],
        "transit_router_id": found["TransitRouterId"],
        "transit_router_multicast_domain_description": found["TransitRouterMulticastDomainDescription"],
        "transit_router_multicast_domain_name": found["TransitRouterMulticastDomainName"],
        "options": [{"igmpv2_support": found["Options"]["Igmpv2Support"]}] if found["Options"] else [],
        "tags": {tag["Key"]: tag["Value"] for tag in found["Tags"]},
    }


def domain_update(tf: Provider, domain_id: str, old: dict, new: dict) -> None:
    """One ModifyTransitRouterMulticastDomain when the name, the description or the options changed,
    sending each that is set; then the tags, when they changed."""
    changed = [key for key in new if new[key] != old.get(key)]
    if set(changed) & {
        "transit_router_multicast_domain_name",
        "transit_router_multicast_domain_description",
        "options",
    }:
        domain_modify(tf, domain_id, new)
    if "tags" in changed:
        set_resource_tags(tf, domain_id, "TRANSITROUTERMULTICASTDOMAIN", old.get("tags") or {}, new["tags"])


def domain_modify(tf: Provider, domain_id: str, new: dict) -> None:
    request = {"TransitRouterMulticastDomainId": domain_id, "ClientToken": token()}
    if new.get("transit_router_multicast_domain_name"):
        request["TransitRouterMulticastDomainName"] = new["transit_router_multicast_domain_name"]
    if new.get("transit_router_multicast_domain_description"):
        request["TransitRouterMulticastDomainDescription"] = new["transit_router_multicast_domain_description"]
    if new.get("options"):
        request["Options.Igmpv2Support"] = new["options"][0]["igmpv2_support"]
    tf.call("ModifyTransitRouterMulticastDomain", retry=("Operation.Blocking",), **request)


def domain_delete(tf: Provider, domain_id: str) -> None:
    """Retried while the domain is in flux or still has groups; NotFound is success; no wait after."""
    retry = ("Operation.Blocking", "IncorrectStatus.MulticastDomain", "InvalidOperation.MulticastGroupExist")
    tf.call(
        "DeleteTransitRouterMulticastDomain", retry=retry, TransitRouterMulticastDomainId=domain_id, ClientToken=token()
    )


# alicloud_cen_transit_router_multicast_domain_association -------------------------------------------------


def association_create(tf: Provider, config: dict) -> str:
    domain_id, attachment_id, vswitch_id = (
        config["transit_router_multicast_domain_id"],
        config["transit_router_attachment_id"],
        config["vswitch_id"],
    )
    tf.call(
        "AssociateTransitRouterMulticastDomain",
        retry=("Operation.Blocking",),
        ClientToken=token(),
        TransitRouterMulticastDomainId=domain_id,
        TransitRouterAttachmentId=attachment_id,
        **{"VSwitchIds.1": vswitch_id},
    )
    association_id = f"{domain_id}:{attachment_id}:{vswitch_id}"
    tf.wait_for(lambda: association_describe(tf, association_id), ["Associated"])
    return association_id


def association_describe(tf: Provider, association_id: str) -> dict:
    """CbnService.DescribeCenTransitRouterMulticastDomainAssociation: by the connection and the vSwitch."""
    _, attachment_id, vswitch_id = association_id.split(":")
    answer = tf.call(
        "ListTransitRouterMulticastDomainAssociations",
        ClientToken=token(),
        TransitRouterAttachmentId=attachment_id,
        **{"VSwitchIds.1": vswitch_id},
    )
    for found in answer["TransitRouterMulticastAssociations"]:
        if found["VSwitchId"] == vswitch_id:
            return found
    raise NotFound(association_id)


def association_read(tf: Provider, association_id: str) -> dict:
    found = association_describe(tf, association_id)
    return {
        "transit_router_multicast_domain_id": found["TransitRouterMulticastDomainId"],
        "transit_router_attachment_id": found["TransitRouterAttachmentId"],
        "vswitch_id": found["VSwitchId"],
        "status": found["Status"],
    }


def association_delete(tf: Provider, association_id: str) -> None:
    domain_id, attachment_id, vswitch_id = association_id.split(":")
    tf.call(
        "DisassociateTransitRouterMulticastDomain",
        retry=("Operation.Blocking", "InvalidOperation.MulticastGroupExist", "IncorrectStatus.Attachment"),
        ClientToken=token(),
        TransitRouterMulticastDomainId=domain_id,
        TransitRouterAttachmentId=attachment_id,
        **{"VSwitchIds.1": vswitch_id},
    )
    tf.wait_for(lambda: association_describe(tf, association_id), [])


# alicloud_cen_transit_router_multicast_domain_member ------------------------------------------------------


def member_create(tf: Provider, config: dict) -> str:
    domain_id, group_ip, eni_id = (
        config["transit_router_multicast_domain_id"],
        config["group_ip_address"],
        config["network_interface_id"],
    )
    request = {
        "ClientToken": token(),
        "TransitRouterMulticastDomainId": domain_id,
        "GroupIpAddress": group_ip,
        "NetworkInterfaceIds.1": eni_id,
    }
    if config.get("vpc_id"):
        request["VpcId"] = config["vpc_id"]
    tf.call("RegisterTransitRouterMulticastGroupMembers", retry=("Operation.Blocking",), **request)
    member_id = f"{domain_id}:{group_ip}:{eni_id}"
    tf.wait_for(lambda: member_describe(tf, member_id), ["Registered"])
    return member_id


def member_describe(tf: Provider, member_id: str) -> dict:
    """CbnService.DescribeCenTransitRouterMulticastDomainMember: pages of the group's ENI, the row of the
    domain, group and ENI; IllegalParam.TransitRouterMulticastDomainId or TotalCount 0 is NotFound."""
    domain_id, group_ip, eni_id = member_id.split(":")
    request = {
        "ClientToken": token(),
        "TransitRouterMulticastDomainId": domain_id,
        "GroupIpAddress": group_ip,
        "NetworkInterfaceIds.1": eni_id,
        "MaxResults": PAGE_SIZE_LARGE,
    }
    while True:
        try:
            answer = tf.call("ListTransitRouterMulticastGroups", **request)
        except Refused as refused:
            if refused.code == "IllegalParam.TransitRouterMulticastDomainId":
                raise NotFound(member_id) from None
            raise
        if answer["TotalCount"] == 0:
            raise NotFound(member_id)
        for found in answer["TransitRouterMulticastGroups"]:
            if (found["TransitRouterMulticastDomainId"], found["GroupIpAddress"], found["NetworkInterfaceId"]) == (
                domain_id,
                group_ip,
                eni_id,
            ):
                return found
        if not answer["NextToken"]:
            raise NotFound(member_id)
        request["NextToken"] = answer["NextToken"]


def member_read(tf: Provider, member_id: str) -> dict:
    found = member_describe(tf, member_id)
    return {
        "transit_router_multicast_domain_id": found["TransitRouterMulticastDomainId"],
        "group_ip_address": found["GroupIpAddress"],
        "network_interface_id": found["NetworkInterfaceId"],
        "vpc_id": found["ResourceId"],
        "status": found["Status"],
    }


def member_delete(tf: Provider, member_id: str) -> None:
    domain_id, group_ip, eni_id = member_id.split(":")
    tf.call(
        "DeregisterTransitRouterMulticastGroupMembers",
        retry=("Operation.Blocking",),
        ClientToken=token(),
        TransitRouterMulticastDomainId=domain_id,
        GroupIpAddress=group_ip,
        **{"NetworkInterfaceIds.1": eni_id},
    )
    tf.wait_for(lambda: member_describe(tf, member_id), [])


# alicloud_cen_transit_router_multicast_domain_source ------------------------------------------------------


def source_create(tf: Provider, config: dict) -> str:
    """Sends no VpcId, even when vpc_id is configured."""
    request = {
        "GroupIpAddress": config["group_ip_address"],
        "NetworkInterfaceIds.1": config["network_interface_id"],
        "TransitRouterMulticastDomainId": config["transit_router_multicast_domain_id"],
        "ClientToken": token(),
    }
    tf.call("RegisterTransitRouterMulticastGroupSources", **request)
    source_id = ":".join(
        (request["TransitRouterMulticastDomainId"], request["GroupIpAddress"], request["NetworkInterfaceIds.1"])
    )
    tf.wait_for(lambda: source_describe(tf, source_id), ["Registered"])
    return source_id


def first_group_row(tf: Provider, resource_id: str, **request) -> dict:
    """ListTransitRouterMulticastGroups' first row; IllegalParam.TransitRouterMulticastDomainId, or no
    row, is NotFound."""
    try:
        answer = tf.call("ListTransitRouterMulticastGroups", **request)
    except Refused as refused:
        if refused.code == "IllegalParam.TransitRouterMulticastDomainId":
            raise NotFound(resource_id) from None
        raise
    if not answer["TransitRouterMulticastGroups"]:
        raise NotFound(resource_id)
    return answer["TransitRouterMulticastGroups"][0]


def source_describe(tf: Provider, source_id: str) -> dict:
    domain_id, group_ip, eni_id = source_id.split(":")
    return first_group_row(
        tf,
        source_id,
        TransitRouterMulticastDomainId=domain_id,
        GroupIpAddress=group_ip,
        **{"NetworkInterfaceIds.1": eni_id},
    )


def source_read(tf: Provider, source_id: str) -> dict:
    found = source_describe(tf, source_id)
    domain_id, group_ip, eni_id = source_id.split(":")
    return {
        "transit_router_multicast_domain_id": domain_id,
        "group_ip_address": group_ip,
        "network_interface_id": eni_id,
        "status": found["Status"],
        "vpc_id": found["ResourceId"],
    }


def source_delete(tf: Provider, source_id: str) -> None:
    domain_id, group_ip, eni_id = source_id.split(":")
    tf.call(
        "DeregisterTransitRouterMulticastGroupSources",
        TransitRouterMulticastDomainId=domain_id,
        GroupIpAddress=group_ip,
        ClientToken=token(),
        **{"NetworkInterfaceIds.1": eni_id},
    )
    tf.wait_for(lambda: source_describe(tf, source_id), [])


# alicloud_cen_transit_router_multicast_domain_peer_member -------------------------------------------------


def peer_member_create(tf: Provider, config: dict) -> str:
    request = {
        "GroupIpAddress": config["group_ip_address"],
        "PeerTransitRouterMulticastDomains.1": config["peer_transit_router_multicast_domain_id"],
        "TransitRouterMulticastDomainId": config["transit_router_multicast_domain_id"],
        "ClientToken": token(),
    }
    tf.call("RegisterTransitRouterMulticastGroupMembers", retry=("Operation.Blocking",), **request)
    peer_member_id = ":".join(
        (
            request["TransitRouterMulticastDomainId"],
            request["GroupIpAddress"],
            request["PeerTransitRouterMulticastDomains.1"],
        )
    )
    tf.wait_for(lambda: peer_member_describe(tf, peer_member_id), ["Registered"])
    return peer_member_id


def peer_member_describe(tf: Provider, peer_member_id: str) -> dict:
    domain_id, group_ip, peer_id = peer_member_id.split(":")
    answer = tf.call(
        "ListTransitRouterMulticastGroups",
        TransitRouterMulticastDomainId=domain_id,
        GroupIpAddress=group_ip,
        **{"PeerTransitRouterMulticastDomains.1": peer_id},
    )
    if answer["TotalCount"] == 0:
        raise NotFound(peer_member_id)
    return answer["TransitRouterMulticastGroups"][0]


def peer_member_read(tf: Provider, peer_member_id: str) -> dict:
    domain_id, group_ip, peer_id = peer_member_id.split(":")
    return {
        "transit_router_multicast_domain_id": domain_id,
        "group_ip_address": group_ip,
        "peer_transit_router_multicast_domain_id": peer_id,
        "status": peer_member_describe(tf, peer_member_id)["Status"],
    }


def peer_member_delete(tf: Provider, peer_member_id: str) -> None:
    domain_id, group_ip, peer_id = peer_member_id.split(":")
    tf.call(
        "DeregisterTransitRouterMulticastGroupMembers",
        retry=("Operation.Blocking",),
        TransitRouterMulticastDomainId=domain_id,
        GroupIpAddress=group_ip,
        ClientToken=token(),
        **{"PeerTransitRouterMulticastDomains.1": peer_id},
    )
    tf.wait_for(lambda: peer_member_describe(tf, peer_member_id), [])


# The data sources: every page, the provider's parameters ----------------------------------------------------


def pages(tf: Provider, action: str, path: str, **request) -> list[dict]:
    found = []
    while True:
        answer = tf.call(action, **request)
        found += answer[path]
        if not answer["NextToken"]:
            return found
        request["NextToken"] = answer["NextToken"]


def data_sources(tf: Provider, router_id: str, domain_id: str, eni_id: str, peer_domain_id: str) -> dict:
    domains = pages(
        tf,
        "ListTransitRouterMulticastDomains",
        "TransitRouterMulticastDomains",
        RegionId=tf.region,
        ClientToken=token(),
        MaxResults=PAGE_SIZE_LARGE,
        TransitRouterId=router_id,
    )
    associations = pages(
        tf,
        "ListTransitRouterMulticastDomainAssociations",
        "TransitRouterMulticastAssociations",
        ClientToken=token(),
        MaxResults=PAGE_SIZE_LARGE,
        TransitRouterMulticastDomainId=domain_id,
    )
    groups = "TransitRouterMulticastGroups"
    members = pages(
        tf,
        "ListTransitRouterMulticastGroups",
        groups,
        TransitRouterMulticastDomainId=domain_id,
        MaxResults=PAGE_SIZE_MEDIUM,
        **{"NetworkInterfaceIds.1": eni_id},
    )
    sources = pages(
        tf,
        "ListTransitRouterMulticastGroups",
        groups,
        TransitRouterMulticastDomainId=domain_id,
        MaxResults=PAGE_SIZE_LARGE,
    )
    # _domain_peer_members {transit_router_multicast_domain_id, peer_transit_router_multicast_domains}:
    # request["PeerTransitRouterMulticastDomains.1"] = the list, flattened by the client.
    peer_members = pages(
        tf,
        "ListTransitRouterMulticastGroups",
        groups,
        TransitRouterMulticastDomainId=domain_id,
        MaxResults=PAGE_SIZE_MEDIUM,
        **{"PeerTransitRouterMulticastDomains.1.1": peer_domain_id},
    )

    def group_id(row, last="NetworkInterfaceId"):
        return f"{row['TransitRouterMulticastDomainId']}:{row['GroupIpAddress']}:{row[last]}"

    return {
        "domains": [
            (d["TransitRouterMulticastDomainId"], d["TransitRouterMulticastDomainName"], d["Status"]) for d in domains
        ],
        "associations": [
            (f"{a['TransitRouterMulticastDomainId']}:{a['TransitRouterAttachmentId']}:{a['VSwitchId']}", a["Status"])
            for a in associations
        ],
        "members": [(group_id(m), m["ResourceId"], m["Status"]) for m in members],
        "sources": [(group_id(s), s["Status"]) for s in sources],
        "peer_members": [(group_id(m, "PeerTransitRouterMulticastDomainId"), m["Status"]) for m in peer_members],
    }


# The plan ------------------------------------------------------------------------------------------------------


@pytest.fixture
def infra(client, access_key, cen_instance, package, later):  # noqa: F811
    """What the configuration's other resources make (alicloud_cen_transit_router with support_multicast in
    each region, a VPC connection in cn-hangzhou, an inter-region connection), through their own actions."""

    def ok(answer):
        assert answer.status == 200, answer.body
        return answer.body

    routers = {
        region: ok(
            api_call(
                client,
                "CreateTransitRouter",
                RegionId=region,
                ClientToken=token(),
                CenId=cen_instance.pk,
                SupportMulticast="true",
            )
        )["TransitRouterId"]
        for region in (HANGZHOU, VIRGINIA)
    }
    later()
    zones = {"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.2.ZoneId": "cn-hangzhou-i"}
    zones |= {f"ZoneMappings.{n}.VSwitchId": vswitch for n, vswitch in enumerate(VSWITCHES, start=1)}
    vpc_attachment = ok(
        api_call(
            client, "CreateTransitRouterVpcAttachment", TransitRouterId=routers[HANGZHOU], VpcId="vpc-tfmc0001", **zones
        )
    )["TransitRouterAttachmentId"]
    ok(
        api_call(
            client,
            "CreateTransitRouterPeerAttachment",
            TransitRouterId=routers[HANGZHOU],
            PeerTransitRouterId=routers[VIRGINIA],
            CenBandwidthPackageId=package.pk,
            Bandwidth="2",
        )
    )
    later()
    return {"routers": routers, "vpc_attachment": vpc_attachment}


@pytest.fixture
def tf(client, later):  # noqa: F811
    return Provider(client, later)


@pytest.fixture
def tf_virginia(client, later):  # noqa: F811
    return Provider(client, later, region=VIRGINIA)


def configuration(infra) -> dict:
    return {
        "domain": {
            "transit_router_id": infra["routers"][HANGZHOU],
            "transit_router_multicast_domain_name": "tf-mc",
            "transit_router_multicast_domain_description": "made by terraform",
            "options": [{"igmpv2_support": "disable"}],
            "tags": {"Created": "TF", "For": "multicast"},
        },
        "peer_domain": {"transit_router_id": infra["routers"][VIRGINIA]},
    }


def apply(tf: Provider, tf_virginia: Provider, infra) -> dict:
    config = configuration(infra)
    domain_id = domain_create(tf, config["domain"])
    peer_domain_id = domain_create(tf_virginia, config["peer_domain"])
    tf.later(5)  # the next resources' Create meets the domains Active, as after the provider's other creates
    associations = [
        association_create(
            tf,
            {
                "transit_router_multicast_domain_id": domain_id,
                "transit_router_attachment_id": infra["vpc_attachment"],
                "vswitch_id": vswitch_id,
            },
        )
        for vswitch_id in VSWITCHES
    ]
    member = {
        "transit_router_multicast_domain_id": domain_id,
        "group_ip_address": GROUP,
        "network_interface_id": "eni-tfmc0001",
        "vpc_id": "vpc-tfmc0001",
    }
    source = {**member, "network_interface_id": "eni-tfmc0002"}
    peer_member = {
        "transit_router_multicast_domain_id": domain_id,
        "group_ip_address": GROUP,
        "peer_transit_router_multicast_domain_id": peer_domain_id,
    }
    return {
        "config": config,
        "domain": domain_id,
        "peer_domain": peer_domain_id,
        "associations": associations,
        "member": member_create(tf, member),
        "member_config": member,
        "source": source_create(tf, source),
        "source_config": source,
        "peer_member": peer_member_create(tf, peer_member),
        "peer_member_config": peer_member,
    }


def refresh(tf: Provider, tf_virginia: Provider, ids: dict, infra) -> dict:
    return {
        "domain": domain_read(tf, ids["domain"]),
        "peer_domain": domain_read(tf_virginia, ids["peer_domain"]),
        "associations": [association_read(tf, each) for each in ids["associations"]],
        "member": member_read(tf, ids["member"]),
        "source": source_read(tf, ids["source"]),
        "peer_member": peer_member_read(tf, ids["peer_member"]),
        "data": data_sources(tf, infra["routers"][HANGZHOU], ids["domain"], "eni-tfmc0001", ids["peer_domain"]),
    }


def configured(state: dict, config: dict) -> dict:
    """The arguments of the configuration, as Read put them in the state."""
    return {key: state[key] for key in config}


def test_apply_converges_and_state_matches_the_configuration(tf, tf_virginia, infra):
    """apply: every wait reaches its target after its transition; Read gives what was configured."""
    ids = apply(tf, tf_virginia, infra)
    state = refresh(tf, tf_virginia, ids, infra)
    assert configured(state["domain"], ids["config"]["domain"]) == ids["config"]["domain"]
    assert (state["domain"]["status"], state["domain"]["region_id"], state["peer_domain"]["tags"]) == (
        "Active",
        HANGZHOU,
        {},
    )
    assert state["peer_domain"]["region_id"] == VIRGINIA
    assert [each["status"] for each in state["associations"]] == ["Associated", "Associated"]
    assert configured(state["member"], ids["member_config"]) == ids["member_config"]
    assert configured(state["source"], ids["source_config"]) == ids["source_config"]
    assert configured(state["peer_member"], ids["peer_member_config"]) == ids["peer_member_config"]
    assert {state[each]["status"] for each in ("member", "source", "peer_member")} == {"Registered"}


def test_the_waits_see_the_transitions(tf, tf_virginia, infra):
    """The provider's waits poll through Associating and Registering before their targets."""
    domain_id = domain_create(tf, configuration(infra)["domain"])
    assert domain_read(tf, domain_id)["status"] == "Creating"
    tf.later(5)
    association_id = f"{domain_id}:{infra['vpc_attachment']}:{VSWITCHES[0]}"
    tf.call(
        "AssociateTransitRouterMulticastDomain",
        ClientToken=token(),
        TransitRouterMulticastDomainId=domain_id,
        TransitRouterAttachmentId=infra["vpc_attachment"],
        **{"VSwitchIds.1": VSWITCHES[0]},
    )
    assert tf.wait_for(lambda: association_describe(tf, association_id), ["Associated"]) == ["Associating"]


def test_refresh_after_apply_shows_no_diff(tf, tf_virginia, infra):
    """A second refresh reads exactly what the first did: plan is empty."""
    ids = apply(tf, tf_virginia, infra)
    assert refresh(tf, tf_virginia, ids, infra) == refresh(tf, tf_virginia, ids, infra)


def test_update_of_every_updatable_argument_then_no_diff(tf, tf_virginia, infra):
    """The domain's name, description, options.igmpv2_support and tags (one removed, one changed, one
    added) change in place (the other resources' arguments are all ForceNew); the next refresh matches
    the new configuration and then itself."""
    ids = apply(tf, tf_virginia, infra)
    old = ids["config"]["domain"]
    new = {
        **old,
        "transit_router_multicast_domain_name": "tf-mc-2",
        "transit_router_multicast_domain_description": "changed",
        "options": [{"igmpv2_support": "enable"}],
        "tags": {"Created": "TF-2", "Env": "test"},
    }
    domain_update(tf, ids["domain"], old, new)
    after = refresh(tf, tf_virginia, ids, infra)
    assert configured(after["domain"], new) == new
    assert refresh(tf, tf_virginia, ids, infra) == after


def test_import_reads_each_resource_by_its_id(tf, tf_virginia, infra):
    """terraform import (ImportStatePassthrough): a Read by the ID alone gives the state apply left."""
    ids = apply(tf, tf_virginia, infra)
    state = refresh(tf, tf_virginia, ids, infra)
    fresh, fresh_virginia = Provider(tf.client, tf.later), Provider(tf.client, tf.later, region=VIRGINIA)
    imported = refresh(fresh, fresh_virginia, ids, infra)
    assert imported == state


def test_the_data_sources_list_what_was_applied(tf, tf_virginia, infra):
    """_multicast_domains, _domain_associations, _domain_members (by its ENI), _domain_sources, which
    sends no role and so lists every member and source of the domain (the peer member's ID ends in an
    empty ENI), as the provider's Read does, and _domain_peer_members (by the peer domain, nested)."""
    ids = apply(tf, tf_virginia, infra)
    data = refresh(tf, tf_virginia, ids, infra)["data"]
    assert data["domains"] == [(ids["domain"], "tf-mc", "Active")]
    assert data["associations"] == [(each, "Associated") for each in ids["associations"]]
    assert data["members"] == [(ids["member"], "vpc-tfmc0001", "Registered")]
    assert data["sources"] == [
        (ids["member"], "Registered"),
        (ids["source"], "Registered"),
        (f"{ids['domain']}:{GROUP}:", "Registered"),
    ]
    assert data["peer_members"] == [(ids["peer_member"], "Registered")]


def test_destroy_removes_everything_in_the_reverse_order(tf, tf_virginia, infra):
    """destroy: the peer member, member and source, then the associations, then the domains; each
    Delete's wait reaches "gone"; a second Read of each finds nothing (it leaves the state)."""
    ids = apply(tf, tf_virginia, infra)
    peer_member_delete(tf, ids["peer_member"])
    member_delete(tf, ids["member"])
    source_delete(tf, ids["source"])
    for each in ids["associations"]:
        association_delete(tf, each)
    domain_delete(tf, ids["domain"])
    domain_delete(tf_virginia, ids["peer_domain"])
    tf.later(5)
    for describe, resource_id in (
        (lambda each: domain_describe(tf, each), ids["domain"]),
        (lambda each: domain_describe(tf_virginia, each), ids["peer_domain"]),
        (lambda each: member_describe(tf, each), ids["member"]),
        (lambda each: source_describe(tf, each), ids["source"]),
        *((lambda each: association_describe(tf, each), each) for each in ids["associations"]),
    ):
        with pytest.raises(NotFound):
            describe(resource_id)
    # The routers' own destroy is then free to go: the multicast domains held them.
    for router_id in infra["routers"].values():
        answer = api_call(tf.client, "ListTransitRouterMulticastDomains", TransitRouterId=router_id)
        assert answer.body["TotalCount"] == 0


def test_destroying_the_domain_before_its_associations_is_refused(tf, tf_virginia, infra):
    """Out of order, the domain's Delete meets InvalidOperation.MulticastDomainAssociationExist, which the
    provider does not retry: Terraform's dependency order is what lets it through."""
    ids = apply(tf, tf_virginia, infra)
    with pytest.raises(Refused) as refused:
        domain_delete(tf, ids["domain"])
    assert refused.value.code == "InvalidOperation.MulticastDomainAssociationExist"


def test_every_call_of_the_replay_is_answered(tf, tf_virginia, infra):
    """No call of the lifecycle meets an unknown action (the 404 the provider reads as gone)."""
    ids = apply(tf, tf_virginia, infra)
    refresh(tf, tf_virginia, ids, infra)
    assert set(tf.calls + tf_virginia.calls) == {
        "CreateTransitRouterMulticastDomain",
        "ListTransitRouterMulticastDomains",
        "AssociateTransitRouterMulticastDomain",
        "ListTransitRouterMulticastDomainAssociations",
        "RegisterTransitRouterMulticastGroupMembers",
        "RegisterTransitRouterMulticastGroupSources",
        "ListTransitRouterMulticastGroups",
    }
