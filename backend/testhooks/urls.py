from django.urls import path

from . import views

urlpatterns = [
    path("health/", views.health, name="test-health"),
    path("reset/", views.reset, name="test-reset"),
    path("config/", views.config, name="test-config"),
    path("clock/", views.advance_clock, name="test-clock"),
    path("user-active/", views.user_active, name="test-user-active"),
]
