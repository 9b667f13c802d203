"""Multicast in the console: the Multicast tab of a transit router's page (its multicast domains:
Create Multicast Domain, Modify, Delete) and a domain's page (Associate vSwitch, Disassociate, Add
Multicast Source, Add Multicast Member, Delete), each through the same service as its API action."""

from .domains import domain_create, domain_delete, domain_detail, domain_modify, router_multicast
from .groups import association_delete, group_resource_add, group_resource_delete, vswitch_associate

__all__ = [
    "association_delete",
    "domain_create",
    "domain_delete",
    "domain_detail",
    "domain_modify",
    "group_resource_add",
    "group_resource_delete",
    "router_multicast",
    "vswitch_associate",
]
