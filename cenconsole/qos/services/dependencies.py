"""Receivers of transit's signals: a router with traffic marking policies, and an inter-region connection
with QoS policies on either end, stay (the transit services refuse their delete)."""

from cenconsole.core.errors import refuse_if_any

from ..messages import CONNECTION_HAS_QOS_POLICIES, ROUTER_HAS_MARKING_POLICIES
from ..models import InterRegionQosPolicy, TrafficMarkingPolicy


def refuse_router_delete_with_marking_policies(sender, *, owner, router, **kwargs) -> None:
    """Receiver of transit_router_deleting: traffic marking policies (until they are gone) keep the router."""
    refuse_if_any(
        TrafficMarkingPolicy.objects.present().filter(transit_router=router).values_list("pk", flat=True),
        ROUTER_HAS_MARKING_POLICIES,
        "traffic_marking_policies_exist",
        listed_as="policies",
        transit_router_id=router.pk,
    )


def refuse_attachment_delete_with_qos_policies(sender, *, owner, attachment, **kwargs) -> None:
    """Receiver of attachment_deleting: QoS policies on either end keep an inter-region connection."""
    refuse_if_any(
        InterRegionQosPolicy.objects.present().filter(attachment_id=attachment.pk).values_list("pk", flat=True),
        CONNECTION_HAS_QOS_POLICIES,
        "qos_policies_exist",
        listed_as="policies",
        attachment_id=attachment.pk,
    )
