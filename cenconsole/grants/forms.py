"""Forms of the grant pages: CEN Cross-account Authorization (the granting account's), and Attach
Network's Different Account (the CEN instance's account's). Field names are the services' own, so a
service's field error lands beside its field; the rules stay in grants.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.networks.forms import region_choices
from cenconsole.networks.messages import UNKNOWN_REGION
from cenconsole.regions.models import Region

from .messages import UNKNOWN_INSTANCE_TYPE
from .models import GrantRule

# The console grants and attaches VPCs (the other types go through the API, as in the real console's
# other products' pages).
NETWORK_TYPES = [(GrantRule.InstanceType.VPC, GrantRule.InstanceType.VPC.label)]
TYPE_ERRORS = {"invalid_choice": UNKNOWN_INSTANCE_TYPE, "required": UNKNOWN_INSTANCE_TYPE}
REGION_ERRORS = {"invalid_choice": UNKNOWN_REGION, "required": UNKNOWN_REGION}


class _RegionForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(Region.objects.select_related("area"))


class GrantForm(_RegionForm):
    """CEN Cross-account Authorization: a VPC of this account, the other account's CEN instance."""

    instance_type = forms.ChoiceField(label=_("Network Type"), choices=NETWORK_TYPES, error_messages=TYPE_ERRORS)
    region = forms.ChoiceField(label=_("Region"), error_messages=REGION_ERRORS)
    instance_id = forms.CharField(
        label=_("Network Instance ID"), max_length=40, help_text=_("The ID of this account's VPC, such as vpc-1a2b3c.")
    )
    cen_id = forms.CharField(
        label=_("Peer Account CEN ID"), max_length=40, help_text=_("The ID of the other account's CEN instance.")
    )
    cen_owner_id = forms.CharField(
        label=_("Peer Account UID"), max_length=20, help_text=_("The 16-digit ID of the account that owns it.")
    )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "instance_type": data["instance_type"],
            "region_code": data["region"],
            "instance_id": data["instance_id"].strip(),
            "cen_id": data["cen_id"].strip(),
            "cen_owner_uid": data["cen_owner_id"].strip(),
        }


class GrantedAttachForm(_RegionForm):
    """Attach Network, Different Account: a network another account granted to this CEN instance."""

    vpc_owner_uid = forms.CharField(
        label=_("Peer Account UID"), max_length=20, help_text=_("The 16-digit ID of the account that owns the network.")
    )
    network_type = forms.ChoiceField(label=_("Network Type"), choices=NETWORK_TYPES, error_messages=TYPE_ERRORS)
    region = forms.ChoiceField(label=_("Region"), error_messages=REGION_ERRORS)
    network_id = forms.CharField(
        label=_("Networks"),
        max_length=40,
        help_text=_("The ID of the VPC the other account granted, such as vpc-1a2b3c."),
    )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "vpc_owner_uid": data["vpc_owner_uid"].strip(),
            "region_code": data["region"],
            "vpc_id": data["network_id"].strip(),
        }
