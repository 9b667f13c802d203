from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.exceptions import ValidationError
from django.forms import EmailField, ModelForm
from django.utils.translation import gettext_lazy as _

from . import services
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
    """Sign in, refused for a while after repeated failures for the username or from the address."""

    def clean(self):
        username = self.data.get("username", "")
        ip_address = self.request.META.get("REMOTE_ADDR") if self.request else None
        if username and services.sign_in_throttled(username=username, ip_address=ip_address):
            services.sign_in_failed(username=username, ip_address=ip_address, throttled=True)
            minutes = settings.SIGN_IN_THROTTLE_MINUTES
            raise ValidationError(services.SIGN_IN_THROTTLED.format(minutes=minutes), code="throttled")
        try:
            return super().clean()
        except ValidationError:
            services.sign_in_failed(username=username, ip_address=ip_address)
            raise
