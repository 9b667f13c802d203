"""The client's address, behind the proxies this deployment trusts (TRUSTED_PROXIES)."""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def trusted_networks():
    """TRUSTED_PROXIES as networks (an address is a network of one)."""
    return _networks(tuple(settings.TRUSTED_PROXIES))


def _address(text: str):
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [IPv6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # IPv4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str | None:
    """The address the request came from: the connecting peer (REMOTE_ADDR), unless that peer is a
    trusted proxy; then X-Forwarded-For is read from the right, and the first hop that is not a
    trusted proxy is the client (the hops left of it were written by the client and prove nothing).
    A malformed hop ends the walk at the last address a trusted proxy vouched for."""
    peer = _address(request.META.get("REMOTE_ADDR", "") or "")
    if peer is None:
        return None
    networks = trusted_networks()
    if not networks or not _trusted(peer, networks):
        return str(peer)
    client = peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([hop for hop in forwarded.split(",") if hop.strip()]):
        address = _address(hop)
        if address is None:
            break
        client = address
        if not _trusted(address, networks):
            break
    return str(client)


def network_limit(address: str, limits: dict[str, int], default: int) -> int:
    """The limit of the most specific network in `limits` ({network: limit}) that holds the address, else
    `default` (SIGN_UP_NETWORKS for SIGN_UPS_PER_ADDRESS)."""
    parsed = _address(address or "")
    if parsed is None:
        return default
    holding = [network for network in _networks(tuple(limits)) if parsed in network]
    if not holding:
        return default
    return limits[str(max(holding, key=lambda network: network.prefixlen))]
