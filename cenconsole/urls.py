from django.contrib import admin
from django.urls import include, path

from cenconsole.accounts.views import account, email_change, sign_out_everywhere
from cenconsole.api.views import api_endpoint, site_root
from cenconsole.core.views import healthz, terms
from cenconsole.demo.tour import how_to_buy, transit_tour
from cenconsole.tags.views import cen_instance_create
from cenconsole.workshops.views import signed_in, workshop_ended, workshop_join

urlpatterns = [
    # The console's Instances page, or the RPC API when the request names an Action.
    path("", site_root, name="site_root"),
    path("api/", api_endpoint, name="api_endpoint"),
    path("healthz", healthz, name="healthz"),
    # The language switch in the top bar posts to Django's set_language (i18n/setlang/).
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", account, name="account"),
    path("account/sign-out-everywhere/", sign_out_everywhere, name="sign_out_everywhere"),
    path("accounts/", include("cenconsole.accounts.urls")),
    # Where signing in lands (LOGIN_REDIRECT_URL): each role where its work is.
    path("accounts/signed-in/", signed_in, name="signed_in"),
    # Change email, to be merged into the Account page (/account/).
    path("account/email/", email_change, name="account_email"),
    path("accounts/", include("cenconsole.api.urls")),
    # Create CEN Instance takes tags: its view is the tags app's (above cen), at the Instances page's path.
    path("cen/instances/create/", cen_instance_create, name="cen_instance_create"),
    path("cen/", include("cenconsole.cen.urls")),
    path("cen/", include("cenconsole.bandwidth.urls")),
    path("cen/", include("cenconsole.networks.urls")),
    path("cen/", include("cenconsole.transit.urls")),
    path("cen/", include("cenconsole.routemaps.urls")),
    path("cen/", include("cenconsole.flowlogs.urls")),
    path("cen/", include("cenconsole.addressing.urls")),
    path("cen/", include("cenconsole.qos.urls")),
    path("cen/", include("cenconsole.grants.urls")),
    path("cen/", include("cenconsole.multicast.urls")),
    path("cen/", include("cenconsole.tickets.urls")),
    path("tags/", include("cenconsole.tags.urls")),
    path("how-to-buy/", how_to_buy, name="how_to_buy"),
    path("transit-tour/", transit_tour, name="transit_tour"),
    path("terms/", terms, name="terms"),
    path("billing/", include("cenconsole.billing.urls")),
    path("health-checks/", include("cenconsole.healthchecks.urls")),
    path("demo/", include("cenconsole.demo.urls")),
    path("workshops/", include("cenconsole.workshops.urls")),
    # A workshop's short join link (shown with its QR code on the board).
    path("w/<str:code>/", workshop_join, name="workshop_join"),
    # Where a trainee's session lands once the workshop ended and removed its sandbox.
    path("w/<str:code>/ended/", workshop_ended, name="workshop_ended"),
    # The staff's desk for deletion tickets (plain views; staff sign in through the admin).
    path("desk/", include("cenconsole.tickets.desk.urls")),
    path("admin/", admin.site.urls),
]
