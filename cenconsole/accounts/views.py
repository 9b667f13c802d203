from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from cenconsole.core.forms import add_service_errors
from cenconsole.core.net import client_address
from cenconsole.core.rendering import render_page

from . import services
from .backends import ACCOUNT_BACKEND
from .forms import EmailChangeForm, SignUpForm

PASSWORD_CHANGED = _("Your password was changed. Your other sessions were signed out.")
SIGNED_OUT_EVERYWHERE = _("You were signed out everywhere: every session of your account has ended.")


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("cen:instance_list")
    form = SignUpForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_sign_up(form=form, ip_address=client_address(request))
        except ValidationError as error:
            add_service_errors(form, error)
            status = 429
        else:
            login(request, user, backend=ACCOUNT_BACKEND)
            return redirect("cen:instance_list")
    return render(request, "registration/signup.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """Account: change the password (this session stays signed in, the others end) and Sign out everywhere."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_password_change(form=form)
        update_session_auth_hash(request, user)  # this session keeps going with the new password's hash
        messages.success(request, PASSWORD_CHANGED)
        return redirect("account")
    return render_page(request, "accounts/account.html", {"form": form})


@login_required
@require_POST
def sign_out_everywhere(request):
    """Ends every session of the account, this one included, on every app server."""
    user = request.user
    logout(request)
    services.sessions_end_all(user=user)
    messages.success(request, SIGNED_OUT_EVERYWHERE)
    return redirect("login")


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
