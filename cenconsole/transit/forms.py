"""Forms parse what the user sent; the rules (one router per region, zones, a VPC attached one way
only) live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import AsciiIntegerField, description_field, name_field
from cenconsole.networks.forms import region_choices
from cenconsole.regions.models import Region

from .messages import (
    CIDR_BLOCK_FORMAT,
    NETWORK_ID_FORMAT,
    UNKNOWN_BANDWIDTH_TYPE,
    UNKNOWN_LINK_TYPE,
    UNKNOWN_REGION,
    VSWITCH_FORMAT,
)
from .models import TransitRouterPeerAttachment
from .services import MAX_PEER_BANDWIDTH, zone_example


class TransitRouterForm(forms.Form):
    """Create Transit Router."""

    region = forms.ChoiceField(
        label=_("Region"), error_messages={"invalid_choice": UNKNOWN_REGION, "required": UNKNOWN_REGION}
    )
    name = name_field()
    description = description_field()
    support_multicast = forms.BooleanField(
        label=_("Enable Multicast"),
        required=False,
        help_text=_("Multicast can be enabled only when the transit router is created."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(Region.objects.select_related("area"))

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "region_code": data["region"],
            "name": data["name"],
            "description": data["description"],
            "support_multicast": data["support_multicast"],
        }


class VpcConnectionForm(forms.Form):
    """Create VPC Connection: the VPC, and one or two zones of the router's region with a vSwitch each."""

    vpc_id = forms.CharField(
        label=_("VPC ID"),
        max_length=32,
        error_messages={"required": NETWORK_ID_FORMAT, "max_length": NETWORK_ID_FORMAT},
        help_text=_("Such as vpc-bp1example0001."),
    )
    cidr_block = forms.CharField(
        label=_("CIDR Block"),
        required=False,
        max_length=18,
        error_messages={"max_length": CIDR_BLOCK_FORMAT},
        help_text=_("Optional, such as 10.0.0.0/16. Empty: the region's default block."),
    )
    zone_1 = forms.CharField(label=_("Primary Zone"), max_length=40)
    vswitch_1 = forms.CharField(
        label=_("vSwitch"), max_length=32, error_messages={"required": VSWITCH_FORMAT, "max_length": VSWITCH_FORMAT}
    )
    zone_2 = forms.CharField(label=_("Secondary Zone"), max_length=40, required=False)
    vswitch_2 = forms.CharField(
        label=_("vSwitch"), max_length=32, required=False, error_messages={"max_length": VSWITCH_FORMAT}
    )
    name = name_field()

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("zone_1", "zone_2"):
            self.fields[field].help_text = _("A zone of %(region)s, such as %(example)s.") % {
                "region": region.display_name,
                "example": zone_example(region),
            }

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        zones = [(data["zone_1"], data["vswitch_1"])]
        if data["zone_2"] or data["vswitch_2"]:
            zones.append((data["zone_2"], data["vswitch_2"]))
        return {
            "vpc_id": data["vpc_id"],
            "cidr_block": data["cidr_block"],
            "zone_mappings": zones,
            "name": data["name"],
        }


class PeerConnectionForm(forms.Form):
    """Create Inter-region Connection from one transit router to another of the same CEN instance."""

    peer_transit_router = forms.ChoiceField(label=_("Peer Transit Router"))
    bandwidth_type = forms.ChoiceField(
        label=_("Bandwidth Type"),
        choices=TransitRouterPeerAttachment.BandwidthType.choices,
        error_messages={"invalid_choice": UNKNOWN_BANDWIDTH_TYPE, "required": UNKNOWN_BANDWIDTH_TYPE},
    )
    package = forms.ChoiceField(
        label=_("Bandwidth Package"),
        required=False,
        help_text=_("For the type Bandwidth package: a package bound to this CEN instance that covers both regions."),
    )
    bandwidth = AsciiIntegerField(label=_("Bandwidth (Mbps)"), min_value=1, max_value=MAX_PEER_BANDWIDTH)
    # Not sent (an older form, a script): Gold, the default, as the API takes it.
    default_link_type = forms.ChoiceField(
        label=_("Link Type"),
        choices=TransitRouterPeerAttachment.LinkType.choices,
        initial=TransitRouterPeerAttachment.LinkType.GOLD,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": UNKNOWN_LINK_TYPE},
        help_text=_("Platinum is for pay-by-data-transfer connections only."),
    )
    name = name_field()

    def __init__(self, *args, router, peers, packages, **kwargs):
        super().__init__(*args, **kwargs)
        peers = [peer for peer in peers if peer.pk != router.pk]
        self.fields["peer_transit_router"].choices = [
            (peer.pk, f"{peer.pk} ({peer.region.display_name})") for peer in peers
        ]
        # The packages that cover this router's area and a peer's first (a person picks among them; the tour
        # takes the first): {area_a, area_b} is the pair of the two regions' areas.
        pairs = {frozenset((router.region.area_id, peer.region.area_id)) for peer in peers}
        packages = sorted(packages, key=lambda package: frozenset((package.area_a_id, package.area_b_id)) not in pairs)
        self.fields["package"].choices = [("", _("None (pay-by-data-transfer)"))] + [
            (package.pk, f"{package.pk} · {package.areas_label} · {package.bandwidth} Mbps") for package in packages
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "peer_transit_router_id": data["peer_transit_router"],
            "bandwidth_type": data["bandwidth_type"],
            "package_id": data["package"],
            "bandwidth": data["bandwidth"],
            "default_link_type": data["default_link_type"] or TransitRouterPeerAttachment.LinkType.GOLD,
            "name": data["name"],
        }


class PeerBandwidthForm(forms.Form):
    """Modify an inter-region connection's bandwidth."""

    bandwidth = AsciiIntegerField(label=_("Bandwidth (Mbps)"), min_value=1, max_value=MAX_PEER_BANDWIDTH)


# The network instance each kind of connection names, as Create Connection's Network Instance field calls it.
RESOURCE_LABELS = {
    "VBR": (_("VBR ID"), _("Such as vbr-bp1example0001.")),
    "VPN": (_("IPsec-VPN Connection ID"), _("Such as vco-bp1example0001.")),
    "ECR": (_("ECR ID"), _("Such as ecr-example0001.")),
}
AUTO_PUBLISH_LABELS = {
    "VBR": _("Automatically Advertise Routes to VBR"),
    "VPN": _("Automatically Advertise Routes to IPsec-VPN Connection"),
}


class ProductConnectionForm(forms.Form):
    """Create Connection of a VBR, an IPsec-VPN connection or an ECR (kind) on a transit router."""

    resource_id = forms.CharField(max_length=32)
    zones = forms.CharField(label=_("Zones"), required=False, max_length=400)
    name = name_field()
    description = description_field()
    auto_publish_route = forms.BooleanField(required=False)
    associate_with_default = forms.BooleanField(
        label=_("Associate with Default Route Table of Transit Router"), required=False
    )
    propagate_to_default = forms.BooleanField(
        label=_("Propagate System Routes to Default Route Table of Transit Router"), required=False
    )

    def __init__(self, *args, kind, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["resource_id"].label, self.fields["resource_id"].help_text = RESOURCE_LABELS[kind]
        if kind == "VPN":
            self.fields["zones"].help_text = _(
                "Optional: zones of %(region)s, separated by commas, such as %(example)s."
            ) % {"region": region.display_name, "example": zone_example(region)}
        else:
            del self.fields["zones"]
        if kind in AUTO_PUBLISH_LABELS:
            self.fields["auto_publish_route"].label = AUTO_PUBLISH_LABELS[kind]
        else:
            del self.fields["auto_publish_route"]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "kind": self.kind,
            "resource_id": data["resource_id"].strip(),
            "name": data["name"],
            "description": data["description"],
            "associate_with_default": data["associate_with_default"],
            "propagate_to_default": data["propagate_to_default"],
        }
        if "zones" in data:
            arguments["zones"] = [zone.strip() for zone in data["zones"].split(",") if zone.strip()]
        if "auto_publish_route" in data:
            arguments["auto_publish_route"] = data["auto_publish_route"]
        return arguments


class ProductConnectionModifyForm(forms.Form):
    """Modify a VBR, VPN or ECR connection: its name and description (and, but for an ECR, route publishing)."""

    name = name_field()
    description = description_field()
    auto_publish_route = forms.BooleanField(required=False)

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        if kind in AUTO_PUBLISH_LABELS:
            self.fields["auto_publish_route"].label = AUTO_PUBLISH_LABELS[kind]
        else:
            del self.fields["auto_publish_route"]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {"name": data["name"], "description": data["description"]}
        if "auto_publish_route" in data:
            arguments["auto_publish_route"] = data["auto_publish_route"]
        return arguments
