from django.urls import path

from . import views

app_name = "billing"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("export.csv", views.ledger_export, name="ledger_export"),
]
