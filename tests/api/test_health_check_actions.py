"""The VBR health check actions (EnableCenVbrHealthCheck, DescribeCenVbrHealthCheck,
DisableCenVbrHealthCheck) through the API: answers with every key of the SDK's response models, the
documented defaults and ranges, the refusals."""

import pytest

from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer

pytestmark = pytest.mark.django_db

VBR = {"VbrInstanceId": "vbr-hz0001", "VbrInstanceRegionId": "cn-hangzhou"}


def enable(client, cen_id, **extra):
    settings = {**VBR, "HealthCheckTargetIp": "10.0.0.2", **extra}
    return api_call(client, "EnableCenVbrHealthCheck", CenId=cen_id, **settings)


def describe(client, **filters):
    return api_call(client, "DescribeCenVbrHealthCheck", **{"VbrInstanceRegionId": "cn-hangzhou", **filters})


def test_enable_and_describe_as_the_sdk_models_it(client, access_key, cen_instance):
    """Enable answers; Describe shows the check with the defaults (2 seconds, 8 packets), every key typed."""
    enabled = enable(client, cen_instance.pk, Description="line 1")
    assert enabled.status == 200, enabled.body
    assert mismatches(enabled.body, sample_answer("EnableCenVbrHealthCheck")) == []
    listed = describe(client)
    assert mismatches(listed.body, sample_answer("DescribeCenVbrHealthCheck")) == []
    (check,) = listed.body["VbrHealthChecks"]["VbrHealthCheck"]
    assert (check["CenId"], check["VbrInstanceId"], check["HealthCheckTargetIp"], check["Description"]) == (
        cen_instance.pk,
        "vbr-hz0001",
        "10.0.0.2",
        "line 1",
    )
    assert (check["HealthCheckInterval"], check["HealthyThreshold"], check["HealthCheckOnly"]) == (2, 8, False)
    assert check["HealthCheckSourceIp"].startswith("100.96.")


def test_enable_again_modifies(client, access_key, cen_instance):
    """A second Enable of the VBR changes its check: what it sends, nothing else."""
    enable(client, cen_instance.pk, HealthCheckInterval="3", HealthCheckSourceIp="192.168.1.1")
    enable(client, cen_instance.pk, HealthyThreshold="4", HealthCheckOnly="true")
    (check,) = describe(client).body["VbrHealthChecks"]["VbrHealthCheck"]
    assert (check["HealthCheckInterval"], check["HealthyThreshold"], check["HealthCheckOnly"]) == (3, 4, True)
    assert check["HealthCheckSourceIp"] == "192.168.1.1"


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"HealthCheckTargetIp": "10.0.0.300"}, "Illegal.SourceIpOrTargetIp"),
        ({"HealthCheckSourceIp": "8.8.8.8"}, "Illegal.SourceIpOrTargetIp"),
        ({"HealthCheckInterval": "5"}, "InvalidParameter"),
        ({"HealthyThreshold": "2"}, "InvalidParameter"),
        ({"VbrInstanceId": "vbr_bad"}, "InvalidParameter"),
        ({"VbrInstanceRegionId": "mars-1"}, "ParameterIllegal.RegionId"),
        ({"VbrInstanceOwnerId": "999999"}, "InvalidParameter"),
    ],
)
def test_values_outside_the_documented_forms_are_refused(client, access_key, cen_instance, extra, code):
    """Addresses, ranges, the VBR's ID and region, and another account's VBR are refused."""
    answer = enable(client, cen_instance.pk, **extra)
    assert (answer.status, answer.code) == (400, code)


def test_describe_needs_the_vbr_region_and_filters(client, access_key, cen_instance):
    """VbrInstanceRegionId is required; checks of VBRs of other regions, or other VBRs, are not listed."""
    enable(client, cen_instance.pk)
    enable(client, cen_instance.pk, VbrInstanceId="vbr-sh0001", VbrInstanceRegionId="cn-shanghai")
    assert api_call(client, "DescribeCenVbrHealthCheck").code == "MissingVbrInstanceRegionId"
    assert describe(client).body["TotalCount"] == 1
    assert describe(client, VbrInstanceRegionId="cn-shanghai", VbrInstanceId="vbr-hz0001").body["TotalCount"] == 0
    assert describe(client, CenId=cen_instance.pk, VbrInstanceId="vbr-hz0001").body["TotalCount"] == 1


def test_disable_removes_the_check(client, access_key, cen_instance):
    """Disable: the check is gone from Describe; disabling it again is refused."""
    enable(client, cen_instance.pk)
    disabled = api_call(client, "DisableCenVbrHealthCheck", CenId=cen_instance.pk, **VBR)
    assert disabled.status == 200, disabled.body
    assert mismatches(disabled.body, sample_answer("DisableCenVbrHealthCheck")) == []
    assert describe(client).body["TotalCount"] == 0
    again = api_call(client, "DisableCenVbrHealthCheck", CenId=cen_instance.pk, **VBR)
    assert (again.status, again.code) == (400, "InvalidVbrHealthCheck.NotFound")


def test_dry_run_is_not_a_parameter_of_these_actions(client, access_key, cen_instance):
    """The SDK gives EnableCenVbrHealthCheck no DryRun: it is refused by name, and nothing is set up."""
    answer = enable(client, cen_instance.pk, DryRun="true")
    assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert describe(client).body["TotalCount"] == 0
