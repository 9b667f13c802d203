"""VBR health checks through the console's Health Check page (left navigation), as a person clicks:
Set Health Check for a VBR, Modify its probes, Delete; each step read back through Alibaba Cloud's
V3 SDK (DescribeCenVbrHealthCheck), which sees the same health check."""

import pytest
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def described(v3_sdk, cen_id) -> list[dict]:
    request = models.DescribeCenVbrHealthCheckRequest(cen_id=cen_id, vbr_instance_region_id="cn-shanghai")
    return v3_sdk.call("describe_cen_vbr_health_check", request)["VbrHealthChecks"]["VbrHealthCheck"]


def test_health_checks_through_the_console_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk):
    """Set Health Check, Modify and Delete on the Health Check page; the V3 SDK sees each change."""
    CenInstanceFactory(owner=user, name="first")
    cen_instance = CenInstanceFactory(owner=user, name="checked")
    sign_in(user)
    page.get_by_role("navigation", name="Cloud Enterprise Network").get_by_role("link", name="Health Check").click()
    expect(page.get_by_role("heading", name="Health Check", exact=True)).to_be_visible()
    page.get_by_label("CEN Instance").select_option(cen_instance.pk)
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#health-check-table")).to_contain_text("No VBR of this CEN instance has a health check")

    page.get_by_role("link", name="Set Health Check").click()
    page.get_by_label("Region", exact=True).select_option(label="China (Shanghai)")
    page.get_by_label("VBR").fill("vbr-console0001")
    page.get_by_label("Source IP").fill("192.168.10.1")
    page.get_by_label("Destination IP").fill("10.10.0.2")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#health-check-table tbody tr", has_text="vbr-console0001")
    expect(row).to_contain_text("192.168.10.1")
    (made,) = described(v3_sdk, cen_instance.pk)
    assert (made["VbrInstanceId"], made["HealthCheckSourceIp"], made["HealthCheckTargetIp"]) == (
        "vbr-console0001",
        "192.168.10.1",
        "10.10.0.2",
    )
    assert (made["HealthCheckInterval"], made["HealthyThreshold"]) == (2, 8)

    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_label("VBR")).to_be_disabled()
    page.get_by_label("Probe Interval (Seconds)").select_option("3")
    page.get_by_label("Probe Packets").select_option("5")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(row).to_contain_text("192.168.10.1")
    (modified,) = described(v3_sdk, cen_instance.pk)
    assert (modified["HealthCheckInterval"], modified["HealthyThreshold"]) == (3, 5)

    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("#health-check-table")).to_contain_text("No VBR of this CEN instance has a health check")
    assert described(v3_sdk, cen_instance.pk) == []
