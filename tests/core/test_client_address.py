"""core.net.client_address: X-Forwarded-For is believed only from TRUSTED_PROXIES (right-most untrusted hop)."""

import pytest
from django.test import RequestFactory

from cenconsole.core.net import client_address


def request(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    """No TRUSTED_PROXIES: X-Forwarded-For is ignored."""
    settings.TRUSTED_PROXIES = []
    assert client_address(request("192.0.2.1", "198.51.100.1")) == "192.0.2.1"


def test_an_untrusted_peer_is_the_client_whatever_it_forwards(settings):
    """A peer outside TRUSTED_PROXIES cannot name another address."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("192.0.2.1", "198.51.100.1")) == "192.0.2.1"


def test_a_trusted_peer_forwards_the_client(settings):
    """From a trusted proxy, the right-most forwarded hop is the client."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("10.1.2.3", "198.51.100.1")) == "198.51.100.1"


def test_hops_written_by_the_client_are_not_believed(settings):
    """The client's own X-Forwarded-For entries (left of the first untrusted hop) are ignored."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9")) == "198.51.100.1"


def test_a_single_trusted_address_is_a_network_of_one(settings):
    """An address in TRUSTED_PROXIES trusts that address only."""
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    assert client_address(request("10.0.0.5", "198.51.100.1")) == "198.51.100.1"
    assert client_address(request("10.0.0.6", "198.51.100.1")) == "10.0.0.6"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "198.51.100.1, junk"])
def test_a_missing_or_malformed_hop_stops_at_the_last_vouched_address(settings, forwarded):
    """Garbage in X-Forwarded-For never becomes the address: the walk stops at the last good hop."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("10.1.2.3", forwarded)) == "10.1.2.3"


def test_ipv6_proxies_and_clients(settings):
    """IPv6 networks and hops (with brackets and a port) are read too."""
    settings.TRUSTED_PROXIES = ["2001:db8::/32"]
    assert client_address(request("2001:db8::1", "[2001:db8:ffff::2]:443, 2001:db9::7")) == "2001:db9::7"


def test_a_malformed_trusted_proxies_setting_stops_the_start_with_its_reason(tmp_path):
    """TRUSTED_PROXIES=garbage refuses to start, naming the bad entry (never a 500 at request time)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "TRUSTED_PROXIES": "10.0.0.0/8,not-a-network",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "DJANGO_SETTINGS_MODULE": "cenconsole.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'not-a-network' is not an address or a network." in result.stderr
