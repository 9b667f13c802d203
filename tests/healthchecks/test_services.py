"""VBR health checks through their services: enable (set up, then change), the documented ranges and
addresses, the VBR's record, disable."""

import ipaddress

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.healthchecks import services
from cenconsole.healthchecks.models import VbrHealthCheck
from cenconsole.products.models import ProductResource
from tests.transit.test_services import codes

pytestmark = pytest.mark.django_db

VBR = "vbr-hz0001"


@pytest.fixture
def enable(cen_instance):
    def make(**settings):
        return services.vbr_health_check_enable(
            **{
                "owner": cen_instance.owner,
                "cen_instance_id": cen_instance.pk,
                "vbr_id": VBR,
                "vbr_region_code": "cn-hangzhou",
                "target_ip": "10.0.0.2",
                **settings,
            }
        )

    return make


def refusal_codes(make, **settings) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        make(**settings)
    return codes(refused.value)


def test_enable_sets_up_a_check_with_the_documented_defaults(enable):
    """A new check probes every 2 seconds, 8 packets, from an automatic address of 100.96.0.0/16; the
    VBR's record is made on this first mention, in its region."""
    check = enable()
    assert (check.interval, check.healthy_threshold, check.health_check_only) == (2, 8, False)
    assert ipaddress.IPv4Address(check.source_ip) in ipaddress.ip_network("100.96.0.0/16")
    vbr = ProductResource.objects.get(resource_id=VBR)
    assert (vbr.kind, vbr.region_id, check.vbr) == ("VBR", "cn-hangzhou", vbr)
    assert AuditRecord.objects.filter(action="health_check.enabled").exists()


def test_enable_again_changes_only_what_it_is_given(enable):
    """Enable on a VBR that has a check changes it: a setting not given keeps its value."""
    first = enable(interval=3, healthy_threshold=5, source_ip="192.168.0.9")
    again = enable(target_ip="10.0.0.6")
    assert again.pk == first.pk
    check = VbrHealthCheck.objects.get()
    assert (check.target_ip, check.source_ip, check.interval, check.healthy_threshold) == (
        "10.0.0.6",
        "192.168.0.9",
        3,
        5,
    )


@pytest.mark.parametrize(
    "settings", [{"interval": 1}, {"interval": 4}, {"healthy_threshold": 2}, {"healthy_threshold": 9}]
)
def test_interval_and_threshold_outside_the_documented_ranges_are_refused(enable, settings):
    """HealthCheckInterval is 2 or 3 seconds; HealthyThreshold 3 to 8 packets."""
    assert refusal_codes(enable, **settings) == {"health_check_range"}


@pytest.mark.parametrize(
    "settings",
    [{"target_ip": "10.0.0"}, {"source_ip": "8.8.8.8"}, {"source_ip": "172.32.0.1"}, {"source_ip": "10.0.0.2"}],
)
def test_addresses_outside_the_documented_forms_are_refused(enable, settings):
    """The destination is an IPv4 address; a custom source is private (10/8, 172.16/12, 192.168/16) and
    not the destination."""
    assert refusal_codes(enable, **settings) == {"health_check_ip"}


def test_a_vbr_id_in_another_form_is_refused(enable):
    """The VBR's ID is vbr- and lower-case letters and digits (products' rule)."""
    assert refusal_codes(enable, vbr_id="vpc-hz0001") == {"resource_id_format"}


def test_a_vbr_named_in_another_region_is_refused(enable):
    """A VBR lives in one region: once named in cn-hangzhou, naming it in cn-shanghai is refused."""
    enable()
    assert refusal_codes(enable, vbr_region_code="cn-shanghai") == {"resource_region"}


def test_another_accounts_cen_is_unknown(enable, other_user):
    """A health check goes through the account's own CEN instance only."""
    assert refusal_codes(enable, owner=other_user) == {"unknown_cen"}


def test_disable_removes_the_check(enable, cen_instance):
    """Disable removes the VBR's check (audited); disabling it again is refused as unknown."""
    enable()
    ids = {
        "owner": cen_instance.owner,
        "cen_instance_id": cen_instance.pk,
        "vbr_id": VBR,
        "vbr_region_code": "cn-hangzhou",
    }
    services.vbr_health_check_disable(**ids)
    assert not VbrHealthCheck.objects.exists()
    assert AuditRecord.objects.filter(action="health_check.disabled").exists()
    assert refusal_codes(services.vbr_health_check_disable, **ids) == {"unknown_health_check"}
