"""Contract steps by group of resources, beside the Basic and transit ones in test_sdk_contract.py. Each
module has `steps(state)`: (action, request) pairs that build what they need from nothing (their own
CEN instance, package, routers...) and remove it at the end, run with a state of their own (the IDs its
answers name; see test_sdk_contract.record). A new group adds its module and lists it here."""

from . import addressing, grants, multicast, privatezones, qos, routes, routing, transit_connections

GROUPS = [transit_connections, routing, routes, privatezones, addressing, multicast, qos, grants]
