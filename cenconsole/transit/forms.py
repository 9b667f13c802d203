"""Forms parse what the user sent; the rules (one router per region, zones, a VPC attached one way
only) live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import AsciiIntegerField
from cenconsole.core.validators import DESCRIPTION_HELP, DESCRIPTION_TOO_LONG, NAME_HELP, NAME_TOO_LONG
from cenconsole.networks.forms import region_choices
from cenconsole.regions.models import Region

from .messages import CIDR_BLOCK_FORMAT, NETWORK_ID_FORMAT, UNKNOWN_BANDWIDTH_TYPE, UNKNOWN_REGION, VSWITCH_FORMAT
from .models import TransitRouterPeerAttachment
from .services import MAX_PEER_BANDWIDTH, zone_example


class TransitRouterForm(forms.Form):
    """Create Transit Router."""

    region = forms.ChoiceField(
        label=_("Region"), error_messages={"invalid_choice": UNKNOWN_REGION, "required": UNKNOWN_REGION}
    )
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=128,
        error_messages={"max_length": NAME_TOO_LONG},
        help_text=NAME_HELP,
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=256,
        error_messages={"max_length": DESCRIPTION_TOO_LONG},
        help_text=DESCRIPTION_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(Region.objects.select_related("area"))

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"region_code": data["region"], "name": data["name"], "description": data["description"]}


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
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=128,
        error_messages={"max_length": NAME_TOO_LONG},
        help_text=NAME_HELP,
    )

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
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=128,
        error_messages={"max_length": NAME_TOO_LONG},
        help_text=NAME_HELP,
    )

    def __init__(self, *args, router, peers, packages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["peer_transit_router"].choices = [
            (peer.pk, f"{peer.pk} ({peer.region.display_name})") for peer in peers if peer.pk != router.pk
        ]
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
            "name": data["name"],
        }


class PeerBandwidthForm(forms.Form):
    """Modify an inter-region connection's bandwidth."""

    bandwidth = AsciiIntegerField(label=_("Bandwidth (Mbps)"), min_value=1, max_value=MAX_PEER_BANDWIDTH)
