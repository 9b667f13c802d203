from django.contrib import admin
from django.urls import include, path

from cenconsole.accounts.views import email_change
from cenconsole.api.views import api_endpoint, site_root
from cenconsole.core.views import healthz

urlpatterns = [
    # The console's Instances page, or the RPC API when the request names an Action.
    path("", site_root, name="site_root"),
    path("api/", api_endpoint, name="api_endpoint"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("cenconsole.accounts.urls")),
    # Change email, to be merged into the Account page (/account/).
    path("account/email/", email_change, name="account_email"),
    path("accounts/", include("cenconsole.api.urls")),
    path("cen/", include("cenconsole.cen.urls")),
    path("cen/", include("cenconsole.bandwidth.urls")),
    path("cen/", include("cenconsole.networks.urls")),
    path("cen/", include("cenconsole.tickets.urls")),
    path("tags/", include("cenconsole.tags.urls")),
    path("admin/", admin.site.urls),
]
