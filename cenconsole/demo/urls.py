from django.urls import path

from . import views

app_name = "demo"

urlpatterns = [
    path("start/", views.sandbox_start, name="start"),
    path("reset/", views.demo_reset, name="reset"),
    path("clock/", views.clock, name="clock"),
    path("clock/real-time/", views.clock_real_time, name="clock_real_time"),
]
