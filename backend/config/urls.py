"""
URL configuration of the example project: Logout Lens under /v1/auth/ (one include), its views
for simplejwt projects under /v1/simplejwt/token/, the Django
admin under /admin/ (its sign-in gated like login/), the demo endpoints, the test hooks, the
benchmark's stock simplejwt (LL_BENCH_SIMPLEJWT) and, in development, the OpenAPI schema.
"""
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from logout_lens.sessions.throttling import throttle_sign_in

from . import views

urlpatterns = [
    # Before admin.site.urls, so the admin's sign-in passes the same limits as login/.
    path("admin/login/", throttle_sign_in(admin.site.login)),
    path("admin/", admin.site.urls),
    path("v1/health/", views.health, name="health"),
    path("v1/auth/", include("logout_lens.urls")),
    # The same sessions for a simplejwt project: simplejwt access tokens (logout_lens.contrib.simplejwt).
    path("v1/simplejwt/token/", include("logout_lens.contrib.simplejwt.urls")),
]

if settings.LL_DEMO_ENDPOINTS:
    urlpatterns.append(path("v1/demo/", include("demo.urls")))

if apps.is_installed("testhooks"):
    urlpatterns.append(path("v1/test/", include("testhooks.urls")))

if getattr(settings, "LL_BENCH_SIMPLEJWT", False):
    # Stock simplejwt for bench/backend.mjs only (see LL_BENCH_SIMPLEJWT in config/settings.py).
    from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

    urlpatterns += [
        path("v1/bench/simplejwt/token/", TokenObtainPairView.as_view()),
        path("v1/bench/simplejwt/refresh/", TokenRefreshView.as_view()),
    ]

if apps.is_installed("drf_spectacular"):
    from drf_spectacular.views import SpectacularAPIView

    urlpatterns.append(path("v1/schema/", SpectacularAPIView.as_view(), name="schema"))

handler404 = "config.views.not_found"
handler500 = "config.views.server_error"
