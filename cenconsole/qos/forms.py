"""The console's forms for traffic marking policies (and their traffic classification rules) and QoS
policies (and their queues). They only parse what was typed; the rules (priorities, DSCP values, the
queues' shares) live in the services, whose refusals are shown beside the field they name."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import AsciiIntegerField, add_service_errors, description_field

from .models import InterRegionQosPolicy
from .services.marking import PROTOCOLS

PORTS_HELP = _("Optional: a port (80) or a range (1000-2000). Empty: any port.")
PORTS_FORMAT = _("Enter a port (80) or a range of ports (1000-2000), each 1 to 65535.")
DSCPS_FORMAT = _("Enter DSCP values from 0 to 63, separated by commas.")


def _name(label):
    return forms.CharField(label=label, required=False, max_length=128)


class ServiceForm(forms.Form):
    """A form whose service names its errors by the form's own field names (or by `SERVICE_FIELDS`)."""

    SERVICE_FIELDS: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            error = ValidationError(
                {self.SERVICE_FIELDS.get(key, key): value for key, value in error.error_dict.items()}
            )
        add_service_errors(self, error)


class MarkingPolicyForm(ServiceForm):
    """Create Traffic Marking Policy: name, description, priority and the DSCP value it marks with."""

    name = _name(_("Policy Name"))
    description = description_field(_("Policy Description"))
    priority = AsciiIntegerField(
        label=_("Priority"),
        min_value=1,
        max_value=100,
        help_text=_("1 to 100; a smaller number goes first. Unique on the transit router."),
    )
    marking_dscp = AsciiIntegerField(
        label=_("DSCP Value"),
        min_value=0,
        max_value=63,
        help_text=_("0 to 63: the DSCP value the policy marks matched traffic with."),
    )


class NameDescriptionForm(ServiceForm):
    """Modify: a name and a description (what the API's Update...Attribute actions change)."""

    def __init__(self, *args, name_label, description_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = _name(name_label)
        self.fields["description"] = description_field(description_label)


def _port_range(text: str) -> list[int]:
    text = (text or "").strip()
    if not text:
        return []
    match = re.fullmatch(r"(\d{1,5})(?:\s*-\s*(\d{1,5}))?", text)
    if match is None:
        raise ValidationError(PORTS_FORMAT, code="ports")
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if not (1 <= low <= 65535 and 1 <= high <= 65535 and low <= high):
        raise ValidationError(PORTS_FORMAT, code="ports")
    return [low, high]


class MatchRuleForm(ServiceForm):
    """Add Traffic Classification Rule: what the rule matches, and its name and description."""

    name = _name(_("Rule Name"))
    description = description_field(_("Rule Description"))
    protocol = forms.ChoiceField(label=_("Protocol"), choices=[(p, p) for p in PROTOCOLS])
    address_family = forms.ChoiceField(label=_("IP Version"), choices=[("IPv4", "IPv4"), ("IPv6", "IPv6")])
    src_cidr = forms.CharField(
        label=_("Source CIDR Block"), required=False, max_length=64, help_text=_("Optional. Empty: any address.")
    )
    src_ports = forms.CharField(label=_("Source Port"), required=False, max_length=11, help_text=PORTS_HELP)
    dst_cidr = forms.CharField(
        label=_("Destination CIDR Block"), required=False, max_length=64, help_text=_("Optional. Empty: any address.")
    )
    dst_ports = forms.CharField(label=_("Destination Port"), required=False, max_length=11, help_text=PORTS_HELP)
    match_dscp = AsciiIntegerField(
        label=_("DSCP Value"),
        required=False,
        min_value=0,
        max_value=63,
        help_text=_("Optional: match only packets of this DSCP value (0 to 63). Empty: any."),
    )

    def clean_src_ports(self):
        return _port_range(self.cleaned_data["src_ports"])

    def clean_dst_ports(self):
        return _port_range(self.cleaned_data["dst_ports"])

    def rule(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "protocol": data["protocol"],
            "address_family": data["address_family"],
            "src_cidr": data["src_cidr"].strip(),
            "dst_cidr": data["dst_cidr"].strip(),
            "src_port_range": data["src_ports"],
            "dst_port_range": data["dst_ports"],
            "match_dscp": data["match_dscp"],
        }


class QosPolicyForm(ServiceForm):
    """Create QoS Policy: on which of the router's inter-region connections, and how queues share it."""

    SERVICE_FIELDS = {"transit_router": "attachment"}

    attachment = forms.ChoiceField(label=_("Inter-region Connection"))
    name = _name(_("Policy Name"))
    description = description_field(_("Policy Description"))
    guarantee_mode = forms.ChoiceField(
        label=_("Bandwidth Guarantee"),
        choices=InterRegionQosPolicy.GuaranteeMode.choices,
        initial=InterRegionQosPolicy.GuaranteeMode.BY_PERCENT,
    )

    def __init__(self, *args, connections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].choices = [
            (connection.pk, f"{connection.pk} ({connection.regions_label}, {connection.bandwidth} Mbps)")
            for connection in connections
        ]


def _dscps(text: str) -> list[int]:
    items = [item for item in re.split(r"[\s,]+", text or "") if item]
    if not items or not all(item.isascii() and item.isdigit() for item in items):
        raise ValidationError(DSCPS_FORMAT, code="dscps")
    values = [int(item) for item in items]
    if any(value > 63 for value in values):
        raise ValidationError(DSCPS_FORMAT, code="dscps")
    return values


class QueueForm(ServiceForm):
    """Add Queue / Modify a queue: its DSCP values and share, as a percentage or in Mbit/s as the
    policy's bandwidth guarantee says."""

    name = _name(_("Queue Name"))
    description = description_field(_("Queue Description"))
    dscps = forms.CharField(
        label=_("DSCP Value"),
        max_length=256,
        help_text=_("0 to 63, separated by commas; a value is in one queue of the policy only."),
    )
    remain_bandwidth_percent = AsciiIntegerField(
        label=_("Bandwidth Percentage"),
        min_value=0,
        max_value=100,
        help_text=_("0 to 100: the share of the connection's bandwidth; all queues together at most 100."),
    )
    bandwidth = AsciiIntegerField(
        label=_("Bandwidth (Mbps)"),
        min_value=1,
        help_text=_("1 or more; all queues together at most the connection's bandwidth."),
    )

    def __init__(self, *args, policy: InterRegionQosPolicy, queue=None, **kwargs):
        if queue is not None:
            kwargs["initial"] = {
                "name": queue.name,
                "description": queue.description,
                "dscps": ", ".join(str(value) for value in queue.dscps),
                "remain_bandwidth_percent": queue.remain_bandwidth_percent,
                "bandwidth": queue.bandwidth,
            }
        super().__init__(*args, **kwargs)
        if policy.guarantee_mode == InterRegionQosPolicy.GuaranteeMode.BY_PERCENT:
            del self.fields["bandwidth"]
        else:
            del self.fields["remain_bandwidth_percent"]

    def clean_dscps(self):
        return _dscps(self.cleaned_data["dscps"])

    def queue(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "dscps": data["dscps"],
            "remain_bandwidth_percent": data.get("remain_bandwidth_percent"),
            "bandwidth": data.get("bandwidth"),
        }
