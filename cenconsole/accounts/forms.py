from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.exceptions import ValidationError
from django.forms import EmailField, ModelForm
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cenconsole.core.net import client_address

from . import services
from .messages import ADJUSTMENT_REASON_REQUIRED
from .models import User


class SignUpForm(UserCreationForm):
    email = EmailField(label=_("Email"), help_text=_("Ticket updates are sent here."))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email"]


class EmailChangeForm(ModelForm):
    """Change email: where the console sends ticket updates."""

    email = EmailField(label=_("Email"), help_text=_("Ticket updates are sent here."))

    class Meta:
        model = User
        fields = ["email"]


class ThrottledAuthenticationForm(AuthenticationForm):
    """Sign in, refused for a while after repeated failures for the username from the address."""

    def clean(self):
        username = self.data.get("username", "")
        ip_address = client_address(self.request) if self.request else None
        if username and services.sign_in_throttled(username=username, ip_address=ip_address):
            services.sign_in_failed(username=username, ip_address=ip_address, throttled=True)
            minutes = settings.SIGN_IN_THROTTLE_MINUTES
            raise ValidationError(gettext(services.SIGN_IN_THROTTLED) % {"minutes": minutes}, code="throttled")
        try:
            return super().clean()
        except ValidationError:
            services.sign_in_failed(username=username, ip_address=ip_address)
            raise


class BalanceAdjustmentForm(forms.Form):
    """Adjust balance, in the admin: an amount to add (negative to take away) and why."""

    amount = forms.DecimalField(
        label=_("Amount (USD)"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Positive to credit the account, negative to debit it. The balance never goes below zero."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=256,
        error_messages={"required": _(ADJUSTMENT_REASON_REQUIRED)},
        help_text=_("Shown to the account on its Billing page and kept in the audit records."),
    )
