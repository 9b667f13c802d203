"""Access through a CEN instance to PrivateZone and to cloud services (route services)."""

ERRORS = {
    # What Terraform's provider retries RoutePrivateZoneInCenToVpc on until the VPCs are attached.
    (None, "no_child_instance_either_region"): ("InvalidOperation.NoChildInstanceEitherRegion", 400, None),
    (None, "private_zone_route_exists"): ("InvalidOperation.PrivatezoneRouteExisted", 409, None),  # documented
    # What Terraform's provider retries UnroutePrivateZoneInCenToVpc on.
    (None, "private_zone_route_creating"): ("Operation.Blocking", 400, None),
    (None, "host_format"): ("InvalidParameter", 400, None),  # documented code
    (None, "access_regions_required"): ("MissingAccessRegionIds", 400, "AccessRegionIds is mandatory for this action."),
    (None, "route_service_exists"): ("InvalidOperation.CloudRouteExist", 400, None),  # the replica's
    # What Terraform's provider retries DeleteRouteServiceInCen on while a service is Creating or Deleting.
    (None, "route_service_busy"): ("InvalidOperation.CloudRouteStatusNotAllow", 400, None),
}
