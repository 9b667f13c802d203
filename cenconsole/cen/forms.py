from django import forms
from django.utils.translation import gettext_lazy as _

from cenconsole.accounts.resource_groups import default_resource_group_id

from .models import CenInstance


class CenInstanceForm(forms.ModelForm):
    class Meta:
        model = CenInstance
        fields = ["name", "description", "resource_group_id"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"name": _("Name"), "description": _("Description"), "resource_group_id": _("Resource Group")}
        help_texts = {
            "name": _("Optional. Up to 128 characters; cannot start with http:// or https://."),
            "description": _("Optional. Up to 256 characters; cannot start with http:// or https://."),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        default = default_resource_group_id(owner.pk)
        field = self.fields["resource_group_id"]
        field.widget.attrs["placeholder"] = default
        field.help_text = _("Optional. Empty: the account's default resource group, %(default)s.") % {
            "default": default
        }
