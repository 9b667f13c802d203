"""What the QoS pages share: a form page (GET shows it, a valid POST calls the service, a refusal is
shown beside its field and nothing is made), and a delete's confirm page, both under the router page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from cenconsole.core.rendering import confirm_page, render_page


def form_page(request, *, instance, router, form, title, tab_url, save, success):
    """`save()` calls the service with the form's cleaned data; `success` (or what it returns, when a
    function: a new object's ID is known only once made) is said once it did."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, success() if callable(success) else success)
            return redirect(tab_url)
    context = {"instance": instance, "router": router, "form": form, "title": title, "tab_url": tab_url}
    return render_page(request, "qos/form.html", context)


def delete_page(request, *, instance, router, title, question, tab_url, action, success):
    context = {"instance": instance, "router": router, "title": title, "question": question, "tab_url": tab_url}
    return confirm_page(request, "qos/delete.html", context, action=action, success=success, next_url=tab_url)
