"""URL configuration: the API under /v1/, the Django admin under /admin/ (its sign-in gated like login/)."""
from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from authsessions.settings import api_settings
from authsessions.throttling import throttle_sign_in

from . import views

urlpatterns = [
    # Before admin.site.urls, so the admin's sign-in passes the same limits as login/.
    path("admin/login/", throttle_sign_in(admin.site.login)),
    path("admin/", admin.site.urls),
    path("v1/health/", views.health, name="health"),
    path("v1/auth/", include("authsessions.urls")),
    path("v1/auth/", include("audit.urls")),
]

if api_settings.DEMO_ENDPOINTS:
    urlpatterns.append(path("v1/demo/", include("demo.urls")))

if apps.is_installed("testhooks"):
    urlpatterns.append(path("v1/test/", include("testhooks.urls")))

handler404 = "config.views.not_found"
handler500 = "config.views.server_error"
