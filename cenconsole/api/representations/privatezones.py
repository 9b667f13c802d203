"""Access through a CEN instance to PrivateZone and to cloud services in an attached VPC."""

# The resolvers a VPC's clients ask, PrivateZone's among them (Alibaba Cloud's internal DNS servers).
PRIVATE_ZONE_DNS_SERVERS = "100.100.2.136,100.100.2.138"


def private_zone_info(route) -> dict:
    return {
        "AccessRegionId": route.access_region_id,
        "HostRegionId": route.host_network.region_id,
        "HostVpcId": route.host_network.instance_id,
        "Status": route.status,
    }


def route_service_entry(service) -> dict:
    return {
        "AccessRegionId": service.access_region_id,
        "CenId": service.cen_instance_id,
        "Cidrs": {"Cidr": service.cidrs},
        "Description": service.description,
        "Host": service.host,
        "HostRegionId": service.host_region_id,
        "HostVpcId": service.host_network.instance_id,
        "Status": service.status,
    }
