"""Contract steps for PrivateZone and cloud-service access: on a CEN instance of their own with a VPC in
Hangzhou, PrivateZone access and a cloud service for Hangzhou, read back, then removed."""

from alibabacloud_cbn20170912 import models

HOST = dict(child_instance_id="vpc-zones0001", child_instance_region_id="cn-hangzhou", child_instance_type="VPC")
SERVICE = dict(host="100.118.28.0/24", host_region_id="cn-hangzhou", host_vpc_id="vpc-zones0001")


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-zones")),
        ("AttachCenChildInstance", lambda: models.AttachCenChildInstanceRequest(cen_id=cen(), **HOST)),
        (
            "RoutePrivateZoneInCenToVpc",
            lambda: models.RoutePrivateZoneInCenToVpcRequest(
                cen_id=cen(), access_region_id="cn-hangzhou", host_region_id="cn-hangzhou", host_vpc_id="vpc-zones0001"
            ),
        ),
        ("DescribeCenPrivateZoneRoutes", lambda: models.DescribeCenPrivateZoneRoutesRequest(cen_id=cen())),
        (
            "ResolveAndRouteServiceInCen",
            lambda: models.ResolveAndRouteServiceInCenRequest(
                cen_id=cen(), access_region_ids=["cn-hangzhou"], description="contract", **SERVICE
            ),
        ),
        ("DescribeRouteServicesInCen", lambda: models.DescribeRouteServicesInCenRequest(cen_id=cen())),
        (
            "DeleteRouteServiceInCen",
            lambda: models.DeleteRouteServiceInCenRequest(cen_id=cen(), access_region_id="cn-hangzhou", **SERVICE),
        ),
        (
            "UnroutePrivateZoneInCenToVpc",
            lambda: models.UnroutePrivateZoneInCenToVpcRequest(cen_id=cen(), access_region_id="cn-hangzhou"),
        ),
        ("DetachCenChildInstance", lambda: models.DetachCenChildInstanceRequest(cen_id=cen(), **HOST)),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
