"""Routes of a VPC's route table that the CEN API adds: to a transit router connection."""


def attachment_route_entry(entry, cen_id: str) -> dict:
    """A route whose next hop is a VPC connection; the replica hosts no route on a transit router
    (ServiceType empty)."""
    return {
        "CenId": cen_id,
        "ChildInstanceRouteTableId": entry.route_table_id,
        "DestinationCidrBlock": entry.destination_cidr,
        "ServiceType": "",
        "Status": entry.status,
        "TransitRouterAttachmentId": entry.next_hop_id,
    }
