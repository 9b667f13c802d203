from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    """Answers 200 once the database answers: load balancers route by it. A GET is answered by
    core.middleware.HealthCheckMiddleware before the session and the account are read; this view answers
    the rest (405)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


@login_required
@require_GET
def terms(request):
    """The Terms of Service that every Buy Now (Buy, Renew, Upgrade, Downgrade) asks to select."""
    return render(request, "core/terms.html")
