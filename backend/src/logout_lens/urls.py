"""Every Logout Lens endpoint, for one include: ``path("v1/auth/", include("logout_lens.urls"))``."""
from django.urls import include, path

urlpatterns = [
    path("", include("logout_lens.sessions.urls")),
    path("", include("logout_lens.audit.urls")),
]
