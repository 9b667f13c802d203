"""Enterprise Edition: a transit router's VBR, VPN and ECR connections, and the zones a region offers."""

from cenconsole.accounts.uids import account_uid

from .common import api_time, tag_list


def _product_attachment(attachment, tag_rows) -> dict:
    """The keys the three List…Attachments models share."""
    router = attachment.transit_router
    return {
        "AutoPublishRouteEnabled": attachment.auto_publish_route,
        "CenId": router.cen_instance_id,
        "CreationTime": api_time(attachment.created_at),
        "OrderType": attachment.order_type,
        "ResourceType": attachment.RESOURCE_TYPE,
        "Status": attachment.attachment_status,
        "Tags": tag_list(tag_rows),
        "TransitRouterAttachmentDescription": attachment.description,
        "TransitRouterAttachmentId": attachment.pk,
        "TransitRouterAttachmentName": attachment.name,
        "TransitRouterId": router.pk,
    }


def vbr_attachment(attachment, tag_rows=()) -> dict:
    return {
        **_product_attachment(attachment, tag_rows),
        "VbrId": attachment.resource_id,
        "VbrOwnerId": account_uid(attachment.owner_id),
        "VbrRegionId": attachment.transit_router.region_id,
    }


def vpn_attachment(attachment, tag_rows=()) -> dict:
    return {
        **_product_attachment(attachment, tag_rows),
        "ChargeType": "POSTPAY",
        "VpnId": attachment.resource_id,
        "VpnOwnerId": account_uid(attachment.owner_id),
        "VpnRegionId": attachment.transit_router.region_id,
        "Zones": [{"ZoneId": zone_id} for zone_id in attachment.zones],
    }


def ecr_attachment(attachment, tag_rows=()) -> dict:
    return {
        **_product_attachment(attachment, tag_rows),
        "EcrId": attachment.resource_id,
        "EcrOwnerId": account_uid(attachment.owner_id),
        "TransitRouterRegionId": attachment.transit_router.region_id,
    }
