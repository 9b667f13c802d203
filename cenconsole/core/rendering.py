from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def render_page(request, template_name, context, *, partial=None, status=200):
    """Renders the whole page, or only its named partial for an htmx request: every partial an htmx
    request fetches is also part of a page that works without JavaScript."""
    if partial and request.htmx and not request.htmx.boosted:
        template_name = f"{template_name}#{partial}"
    return render(request, template_name, context, status=status)


def confirm_page(request, template_name, context, *, action, success, next_url):
    """A Delete (or any one-step change) with a confirm page: GET shows the page; POST calls the service
    (`action`, no arguments), then either shows its refusal on the same page (context's `errors`) and
    changes nothing, or says `success` and goes to `next_url`. Every confirm page of the console is this."""
    errors = []
    if request.method == "POST":
        try:
            action()
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, success)
            return redirect(next_url)
    return render_page(request, template_name, {**context, "errors": errors})
