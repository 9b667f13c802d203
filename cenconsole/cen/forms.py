from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CenInstance


class CenInstanceForm(forms.ModelForm):
    class Meta:
        model = CenInstance
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"name": _("Name"), "description": _("Description")}
        help_texts = {
            "name": _("Optional. Up to 128 characters; cannot start with http:// or https://."),
            "description": _("Optional. Up to 256 characters; cannot start with http:// or https://."),
        }
