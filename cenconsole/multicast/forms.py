"""The multicast dialogs of the console: Create Multicast Domain (and Modify), Associate vSwitch, Add
Multicast Source and Add Multicast Member. The rules (IGMPv2 stays on, a vSwitch in one domain, the group
address ranges, the ENI's vSwitch associated) live in services; a form parses what was typed and names
the service's errors by its own fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cenconsole.core.forms import add_service_errors, description_field, name_field

from .messages import UNKNOWN_PEER_DOMAIN
from .models import MulticastDomain

ONE_CONNECTION = _("Select vSwitches of one VPC connection at a time.")
SELECT_VSWITCH = _("Select at least one vSwitch.")
SELECT_VPC = _("Select the VPC of the ENI.")
ENI_OR_PEER = _("Enter an ENI, or select a multicast domain of another region.")


class ServiceErrorsMixin:
    # The service's error keys that a form shows beside another of its fields.
    service_fields: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        """The service's refusal beside the field it names, the rest on top."""
        if hasattr(error, "error_dict"):
            error = ValidationError(
                {self.service_fields.get(key, key): value for key, value in error.error_dict.items()}
            )
        add_service_errors(self, error)


class MulticastDomainForm(ServiceErrorsMixin, forms.Form):
    """Create Multicast Domain, or Modify on a domain (IGMPv2, once enabled, stays: its box is then
    fixed)."""

    name = name_field(_("Multicast Domain Name"))
    description = description_field(_("Multicast Domain Description"), widget=forms.Textarea(attrs={"rows": 2}))
    igmpv2_support = forms.BooleanField(
        label=_("Enable IGMPv2"),
        required=False,
        help_text=_(
            "Hosts join and leave the domain's multicast groups by IGMPv2. Once enabled it cannot be disabled."
        ),
    )

    def __init__(self, *args, domain: MulticastDomain | None = None, **kwargs):
        if domain is not None:
            kwargs["initial"] = {
                "name": domain.name,
                "description": domain.description,
                "igmpv2_support": domain.igmpv2_support,
            }
        super().__init__(*args, **kwargs)
        if domain is not None and domain.igmpv2_support:
            self.fields["igmpv2_support"].disabled = True

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "igmpv2_support": "enable" if data["igmpv2_support"] else "disable",
        }


class AssociateVSwitchForm(ServiceErrorsMixin, forms.Form):
    """Associate vSwitch: vSwitches of one of the router's VPC connections (each shown with its VPC and
    connection; the value is connection:vSwitch)."""

    vswitches = forms.MultipleChoiceField(
        label=_("vSwitch"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": SELECT_VSWITCH},
        help_text=_(
            "vSwitches of the transit router's VPC connections. A vSwitch is in one multicast domain at a time."
        ),
    )
    service_fields = {"attachment": "vswitches", "vswitch_ids": "vswitches"}

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vswitches"].choices = [
            (
                f"{attachment.pk}:{zone['VSwitchId']}",
                f"{zone['VSwitchId']} ({zone['ZoneId']}, {attachment.vpc_id}, {attachment.pk})",
            )
            for attachment in attachments
            for zone in attachment.zone_mappings
        ]

    def clean_vswitches(self):
        pairs = [value.split(":", 1) for value in self.cleaned_data["vswitches"]]
        if len({attachment_id for attachment_id, _vswitch in pairs}) > 1:
            raise ValidationError(ONE_CONNECTION, code="one_connection")
        return pairs

    def service_arguments(self) -> dict:
        pairs = self.cleaned_data["vswitches"]
        return {"attachment_id": pairs[0][0], "vswitch_ids": [vswitch_id for _attachment, vswitch_id in pairs]}


class GroupResourceForm(ServiceErrorsMixin, forms.Form):
    """Add Multicast Source / Add Multicast Member: a group address, and an ENI in a VPC whose vSwitch is
    associated with the domain; a member may instead (or as well) be another region's multicast domain
    of the same CEN instance (peer_domains: its choices; None for a source, which has no such field)."""

    group_ip = forms.CharField(
        label=_("Multicast Group IP Address"),
        max_length=15,
        help_text=_("Such as 239.0.0.2. A new address makes a new multicast group."),
    )
    vpc_id = forms.ChoiceField(label=_("VPC"), error_messages={"required": SELECT_VPC, "invalid_choice": SELECT_VPC})
    network_interface = forms.CharField(
        label=_("ENI"),
        max_length=32,
        help_text=_(
            "The ID of an elastic network interface in a vSwitch associated with the multicast domain, such as "
            "eni-bp1example0001."
        ),
    )
    peer_domain = forms.ChoiceField(
        label=_("Multicast Domain of Another Region"),
        required=False,
        error_messages={"invalid_choice": UNKNOWN_PEER_DOMAIN},
        help_text=_(
            "Optional: its members of the same group receive too. Its transit router and this one are joined by "
            "an inter-region connection."
        ),
    )

    def __init__(self, *args, vpc_ids=(), peer_domains=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vpc_id"].choices = [("", "-")] + [(vpc_id, vpc_id) for vpc_id in vpc_ids]
        if peer_domains is None:
            del self.fields["peer_domain"]
        else:
            self.fields["peer_domain"].choices = [("", "-")] + [
                (
                    peer.pk,
                    f"{peer.pk} ({peer.transit_router.region.display_name}{', ' + peer.name if peer.name else ''})",
                )
                for peer in peer_domains
            ]
            # A member is an ENI, another region's domain, or both.
            self.fields["vpc_id"].required = self.fields["network_interface"].required = False

    def clean(self):
        data = super().clean()
        eni_id, peer_id = data.get("network_interface"), data.get("peer_domain")
        if "peer_domain" in self.fields and not eni_id and not peer_id and not self.errors:
            raise ValidationError(ENI_OR_PEER, code="eni_or_peer")
        if eni_id and not data.get("vpc_id") and "vpc_id" not in self.errors:
            self.add_error("vpc_id", ValidationError(SELECT_VPC, code="required"))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        eni_id = data["network_interface"].strip()
        arguments = {
            "group_ip": data["group_ip"].strip(),
            "vpc_id": data["vpc_id"] or None,
            "eni_ids": [eni_id] if eni_id else [],
        }
        if data.get("peer_domain"):
            arguments["peer_domain_ids"] = [data["peer_domain"]]
        return arguments
