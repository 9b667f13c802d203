from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from cenconsole.cen.selectors import cen_instance_picker
from cenconsole.core.forms import AsciiIntegerField
from cenconsole.core.page_cache import one_use_key
from cenconsole.core.widgets import FastSelect
from cenconsole.regions.selectors import area_choices

from . import selectors, services
from .models import AUTO_RENEWAL_CHOICES, DURATION_CHOICES, MAX_BANDWIDTH, MIN_BANDWIDTH

# Marked with gettext_noop and translated where it is used: the constant stays the English text.
CROSS_BORDER_AGREEMENT = gettext_noop(
    "I have read and agree to the Cross-border Service Agreement: cross-border connections are provided "
    "by China Unicom, and cross-border bandwidth packages are non-refundable."
)


def bandwidth_field(label):
    """Whole Mbps from 2 to 10,000, every parse error worded as the service words the rule."""
    return AsciiIntegerField(
        label=label,
        min_value=MIN_BANDWIDTH,
        max_value=MAX_BANDWIDTH,
        error_messages={key: services.BANDWIDTH_RANGE for key in ("invalid", "required", "min_value", "max_value")},
        widget=forms.NumberInput(attrs={"step": 1}),
        help_text=format_lazy(_("{min} to {max} Mbps."), min=MIN_BANDWIDTH, max=f"{MAX_BANDWIDTH:,}"),
    )


class _KeyedForm(forms.Form):
    """A Buy Now form: the hidden idempotency key makes a resubmission find the same order, and the Terms
    of Service must be selected (the service refuses the order without them). Its page updates the price
    live (an htmx GET of the form, answered out of band): each field keeps a placeholder for its messages."""

    live_update = True
    terms_message = services.TERMS_NOT_AGREED

    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    terms_agreed = forms.BooleanField(label=_("I have read and agree to the Terms of Service"), required=False)

    def __init__(self, *args, buy_now=False, **kwargs):
        """buy_now: the form was submitted with Buy Now (a POST), not a live update of its values."""
        super().__init__(*args, **kwargs)
        self.buy_now = buy_now
        self.initial.setdefault("idempotency_key", one_use_key())

    def clean_terms_agreed(self):
        # Said beside the other fields' errors at once; the order services refuse it all the same.
        agreed = self.cleaned_data["terms_agreed"]
        if self.buy_now and not agreed:
            raise forms.ValidationError(gettext(self.terms_message), code="terms_not_agreed")
        return agreed


# An Area B option the chosen CEN instance already has a package for (with the chosen Area A).
AREA_TAKEN = gettext_noop("%(area)s (already bought)")

# A select whose options grow with the account lists this many matches of its search field.
PICKER_LIMIT = 50


def instance_label(instance) -> str:
    return f"{instance.id} / {instance.name}" if instance.name else instance.id


class PurchaseForm(_KeyedForm):
    """The seed's parameter table. Parses values only; the purchase rules live in services. Its fields
    are named as Buy Now's arguments: the cleaned form is what order_create_purchase takes.

    CEN ID is a search field and a select of its first 50 matches (the chosen instance always among
    them): the page is the same size for 10 or 10,000 instances. htmx narrows the select as one
    types (bandwidth:buy_cen_options); without JavaScript, Search is a GET of this same form."""

    # Plain choice fields over lists made once per form: a model choice field queries again each time
    # its options are read, and the page reads them on every live update.
    cen_instance_id = forms.ChoiceField(
        label=_("CEN ID"),
        widget=FastSelect,
        error_messages={"invalid_choice": services.UNKNOWN_CEN, "required": services.UNKNOWN_CEN},
    )
    cen_search = forms.CharField(
        label=_("Search CEN instances by ID or name"),
        required=False,
        max_length=128,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "aria-controls": "id_cen_instance_id"}),
    )
    area_a_code = forms.ChoiceField(
        label=_("Area A"),
        widget=FastSelect,
        error_messages={"invalid_choice": services.UNKNOWN_AREA, "required": services.UNKNOWN_AREA},
    )
    area_b_code = forms.ChoiceField(
        label=_("Area B"),
        widget=FastSelect(option_ids=True),  # a live update marks the pairs taken by the options' ids
        error_messages={"invalid_choice": services.UNKNOWN_AREA, "required": services.UNKNOWN_AREA},
    )
    bandwidth = bandwidth_field(_("Bandwidth"))
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=128,
        error_messages={"max_length": services.NAME_TOO_LONG},
        help_text=_("Optional. Up to 128 characters; cannot start with http:// or https://."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=256,
        error_messages={"max_length": services.DESCRIPTION_TOO_LONG},
        help_text=_("Optional. Up to 256 characters; cannot start with http:// or https://."),
    )
    duration_months = forms.TypedChoiceField(
        label=_("Duration"),
        choices=DURATION_CHOICES,
        widget=FastSelect,
        coerce=int,
        error_messages={"invalid_choice": services.UNKNOWN_DURATION, "required": services.UNKNOWN_DURATION},
    )
    auto_renewal = forms.BooleanField(label=_("Auto-renewal"), required=False)
    auto_renewal_months = forms.TypedChoiceField(
        label=_("Auto-renewal period"),
        choices=AUTO_RENEWAL_CHOICES,
        widget=FastSelect,
        coerce=int,
        required=False,
        empty_value=1,
        error_messages={"invalid_choice": services.UNKNOWN_AUTO_RENEWAL},
        help_text=_("Used only when Auto-renewal is on."),
    )
    cross_border_agreed = forms.BooleanField(label=_(CROSS_BORDER_AGREEMENT), required=False)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        instances = cen_instance_picker(
            owner=owner,
            search=str(self["cen_search"].value() or "")[:128],
            selected=str(self["cen_instance_id"].value() or ""),
            limit=PICKER_LIMIT + 1,
        )
        self.more_cen_instances = len(instances) > PICKER_LIMIT
        self.fields["cen_instance_id"].choices = [(i.id, instance_label(i)) for i in instances[:PICKER_LIMIT]]
        areas = area_choices()
        self.fields["area_a_code"].choices = areas
        # The page starts on a pair the instance has no package for (Mainland China with itself first: a
        # first purchase is never cross-border by default), and Area B marks the pairs it already has.
        shown = self.fields["cen_instance_id"].choices
        cen_id = str(self["cen_instance_id"].value() or "") or (shown[0][0] if shown else "")
        taken = selectors.taken_area_pairs(owner=owner, cen_instance_id=cen_id)
        if "area_a_code" not in self.initial and "area_b_code" not in self.initial:
            first_pair = selectors.first_untaken_pair([c for c, _ in areas], taken)
            self.initial["area_a_code"], self.initial["area_b_code"] = first_pair
        self.initial.setdefault("area_a_code", "China")
        self.initial.setdefault("area_b_code", self.initial["area_a_code"])
        area_a = str(self["area_a_code"].value() or "")
        self.fields["area_b_code"].choices = [
            (code, gettext(AREA_TAKEN) % {"area": label} if frozenset((area_a, code)) in taken else label)
            for code, label in areas
        ]
        self.initial.setdefault("bandwidth", MIN_BANDWIDTH)
        self.initial.setdefault("duration_months", 1)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("auto_renewal"):
            # The period is used only with auto-renewal on (console.js disables it while off): when off,
            # whatever was sent is ignored, and the order keeps the default period.
            self._errors.pop("auto_renewal_months", None)
            cleaned["auto_renewal_months"] = 1
        # The search narrows the CEN ID list; it is the page's, not the purchase's.
        cleaned.pop("cen_search", None)
        return cleaned

    def value_of(self, name):
        """The field's current value as the page shows it: bound data, else its initial value."""
        return self[name].value()

    def purchase(self) -> dict:
        """The purchase alone (purchase_check's arguments): the cleaned form without Buy Now's key and terms."""
        return {name: value for name, value in self.cleaned_data.items() if name not in _KeyedForm.base_fields}


class RenewForm(_KeyedForm):
    terms_message = services.TERMS_NOT_AGREED_PAY
    duration_months = forms.TypedChoiceField(
        label=_("Duration"),
        choices=DURATION_CHOICES,
        widget=FastSelect,
        coerce=int,
        initial=1,
        error_messages={"invalid_choice": services.UNKNOWN_DURATION, "required": services.UNKNOWN_DURATION},
    )


class ResizeForm(_KeyedForm):
    bandwidth = bandwidth_field(_("New bandwidth"))


class AutoRenewalForm(forms.Form):
    auto_renewal = forms.BooleanField(label=_("Auto-renewal"), required=False)
    auto_renewal_months = forms.TypedChoiceField(
        label=_("Auto-renewal period"),
        choices=AUTO_RENEWAL_CHOICES,
        widget=FastSelect,
        coerce=int,
        error_messages={"invalid_choice": services.UNKNOWN_AUTO_RENEWAL, "required": services.UNKNOWN_AUTO_RENEWAL},
    )


def package_label(package) -> str:
    name = f" / {package.name}" if package.name else ""
    return f"{package.id}{name} ({package.areas_label}, {package.bandwidth} Mbps)"


class PackageChoiceField(forms.ChoiceField):
    """A select of packages given as objects; cleans to the chosen package."""

    def __init__(self, *, packages=(), **kwargs):
        super().__init__(**kwargs)
        self.set_packages(packages)

    def set_packages(self, packages):
        self.packages = {package.pk: package for package in packages}
        self.choices = [(package.pk, package_label(package)) for package in self.packages.values()]

    def clean(self, value):
        return self.packages[super().clean(value)]


class BindPackageForm(forms.Form):
    """Bind Bandwidth Package: one of the account's available packages. Like CEN ID on the purchase
    page, a search field and a select of the first 50 matches, the chosen package always listed."""

    package_search = forms.CharField(label=_("Search bandwidth packages by ID or name"), required=False, max_length=128)
    package = PackageChoiceField(
        label=_("Bandwidth Package"),
        error_messages={
            "invalid_choice": services.UNKNOWN_AVAILABLE_PACKAGE,
            "required": services.UNKNOWN_AVAILABLE_PACKAGE,
        },
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        packages = selectors.available_package_picker(
            owner=owner,
            search=str(self["package_search"].value() or "")[:128],
            selected=str(self["package"].value() or ""),
            limit=PICKER_LIMIT + 1,
        )
        self.more_packages = len(packages) > PICKER_LIMIT
        self.fields["package"].set_packages(packages[:PICKER_LIMIT])
