"""Forms parse what the user sent; the rules (coverage, remaining bandwidth, one package per area
pair) live in services. Choices come from the account's own rows, so another account's ids are
refused here already."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.bandwidth.forms import PackageChoiceField
from cenconsole.regions.models import Region

from . import services
from .models import NetworkInstance


def region_choices(regions) -> list:
    """Regions grouped by area, in the seed table's order, for a select's optgroups."""
    groups: dict[str, list] = {}
    for region in regions:
        groups.setdefault(region.area.display_name, []).append((region.pk, region.display_name))
    return list(groups.items())


class AttachNetworkForm(forms.Form):
    """Attach Network Instance."""

    network_type = forms.ChoiceField(
        label=_("Network Type"),
        choices=NetworkInstance.NetworkType.choices,
        error_messages={"invalid_choice": services.UNKNOWN_NETWORK_TYPE, "required": services.UNKNOWN_NETWORK_TYPE},
    )
    region = forms.ChoiceField(
        label=_("Region"),
        error_messages={"invalid_choice": services.UNKNOWN_REGION, "required": services.UNKNOWN_REGION},
    )
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=128,
        error_messages={"max_length": services.NAME_TOO_LONG},
        help_text=_("Optional. Up to 128 characters; cannot start with http:// or https://."),
    )
    cidr_block = forms.CharField(
        label=_("CIDR Block"),
        required=False,
        max_length=18,
        error_messages={"max_length": services.CIDR_BLOCK_FORMAT},
        help_text=_("Optional, such as 10.0.0.0/16. Empty: the region's default block."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices(Region.objects.select_related("area"))

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "network_type": data["network_type"],
            "region_code": data["region"],
            "name": data["name"],
            "cidr_block": data["cidr_block"],
        }


class RegionConnectionForm(forms.Form):
    """Set Region Connection. The two region selects offer only the regions of the chosen package's
    areas; htmx narrows them again when the package changes (without JavaScript, Show Regions does)."""

    package = PackageChoiceField(
        label=_("Bandwidth Package"),
        error_messages={"invalid_choice": services.UNKNOWN_PACKAGE, "required": services.UNKNOWN_PACKAGE},
    )
    # Plain text behind a select: a region outside the package is the service's refusal to explain.
    local_region = forms.CharField(label=_("Local Region"), max_length=32, widget=forms.Select)
    opposite_region = forms.CharField(label=_("Opposite Region"), max_length=32, widget=forms.Select)
    bandwidth = forms.IntegerField(
        label=_("Bandwidth"),
        error_messages={"invalid": services.BANDWIDTH_TOO_LOW, "required": services.BANDWIDTH_TOO_LOW},
        widget=forms.NumberInput(attrs={"step": 1, "min": 0}),
        help_text=_("Whole Mbps, at least 1. Setting 0 on an existing connection deletes it."),
    )

    def __init__(self, *args, packages, **kwargs):
        super().__init__(*args, **kwargs)
        packages = list(packages)
        self.fields["package"].set_packages(packages)
        self.selected_package = self._selected(packages)
        regions = []
        if self.selected_package:
            area_ids = {self.selected_package.area_a_id, self.selected_package.area_b_id}
            regions = list(Region.objects.filter(area__in=area_ids).select_related("area"))
            self._suggest_regions(regions)
        choices = region_choices(regions)
        self.fields["local_region"].widget.choices = choices
        self.fields["opposite_region"].widget.choices = choices

    def _suggest_regions(self, regions):
        """A pair the package can carry, so the form never opens on the same region twice: the first
        region of each area, or the first two regions of a same-area package."""
        package = self.selected_package
        local = next((r for r in regions if r.area_id == package.area_a_id), None)
        opposite = next((r for r in regions if r.area_id == package.area_b_id and r != local), None)
        if local and opposite:
            self.initial.setdefault("local_region", local.pk)
            self.initial.setdefault("opposite_region", opposite.pk)

    def _selected(self, packages):
        """The package whose regions the selects offer: the one chosen, else the first."""
        chosen = str(self["package"].value() or "")
        return next((p for p in packages if p.pk == chosen), packages[0] if packages else None)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "package_id": data["package"].pk,
            "local_region_code": data["local_region"],
            "opposite_region_code": data["opposite_region"],
            "bandwidth": data["bandwidth"],
        }
