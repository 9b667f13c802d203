from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from cenconsole.core.forms import add_service_errors

from . import services
from .forms import EmailChangeForm, SignUpForm


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("cen:instance_list")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_sign_up(form=form)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("cen:instance_list")
    return render(request, "registration/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def email_change(request):
    """Change email: the address ticket updates go to."""
    form = EmailChangeForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_email_change(user=request.user, email=form.cleaned_data["email"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("Your email address was changed."))
            return redirect("account_email")
    return render(request, "registration/email_change.html", {"form": form})
