"""How much of the Cbn API the replica answers: the actions of Alibaba Cloud's current SDK
(alibabacloud-cbn20170912, a development requirement) against api.actions.ACTIONS, by group. The
manual's coverage table (docs/scripting/coverage.md) is this module's output (make api-coverage), never typed."""

import re
from dataclasses import dataclass

from .actions import ACTIONS

# (group, pattern on the action's name), first match wins; the order keeps specific names first.
GROUPS = [
    (
        "Transit router CIDR blocks, prefix lists and aggregation",
        r"TransitRouterCidr|TransitRouterPrefixList|TransitRouteTableAggregation",
    ),
    ("VBR, VPN and ECR connections", r"TransitRouter(Vbr|Vpn|Ecr)Attachment"),
    ("Transit router service and zones", r"TransitRouterService|TransitRouterAvailableResource"),
    ("Multicast", r"Multicast"),
    ("Cross-account grants", r"Grant|RevokeInstanceFromTransitRouter"),
    ("Transit routers", r"TransitRout"),
    ("Flow logs", r"Flow[Ll]og"),
    ("Route maps", r"RouteMap"),
    ("QoS and traffic marking", r"Qos|Traf+icMa"),
    ("Private zones and route services", r"PrivateZone|RouteService"),
    ("Bandwidth packages", r"BandwidthPackage"),
    ("Inter-region bandwidth and areas", r"InterRegionBandwidth|Geographic"),
    ("Routes", r"Route"),
    ("Child instances", r"ChildInstance"),
    ("Health checks", r"HealthCheck"),
    ("Tags and resource groups", r"[Tt]ag|ResourceGroup"),
    ("CEN instances", r"Cen"),
]
OTHER = "Other"


@dataclass(frozen=True)
class GroupCoverage:
    group: str
    answered: list[str]
    missing: list[str]

    @property
    def total(self) -> int:
        return len(self.answered) + len(self.missing)


def sdk_actions() -> list[str]:
    """Every action the SDK's client calls (the action= of each *_with_options method)."""
    import inspect

    from alibabacloud_cbn20170912 import client

    return sorted(set(re.findall(r"action = '([A-Za-z0-9]+)'", inspect.getsource(client))))


def group_of(action: str) -> str:
    return next((group for group, pattern in GROUPS if re.search(pattern, action)), OTHER)


def coverage(actions: list[str] | None = None) -> list[GroupCoverage]:
    actions = sdk_actions() if actions is None else actions
    names = [group for group, _ in GROUPS] + [OTHER]
    by_group = {name: ([], []) for name in names}
    for action in actions:
        by_group[group_of(action)][0 if action in ACTIONS else 1].append(action)
    return [GroupCoverage(name, *by_group[name]) for name in names if any(by_group[name])]


def markdown(groups: list[GroupCoverage]) -> str:
    """The coverage page's table: per group, answered of the SDK's actions, and which are answered."""
    answered = sum(len(group.answered) for group in groups)
    total = sum(group.total for group in groups)
    lines = [
        f"The replica answers **{answered} of the SDK's {total} actions** (alibabacloud-cbn20170912):",
        "",
        "| group | answered | actions answered |",
        "|---|---|---|",
    ]
    for group in groups:
        listed = ", ".join(f"`{action}`" for action in group.answered) or "-"
        lines.append(f"| {group.group} | {len(group.answered)} of {group.total} | {listed} |")
    return "\n".join(lines) + "\n"
