"""Mount where simplejwt's views were: ``path("api/token/", include("logout_lens.contrib.simplejwt.urls"))``."""
from django.urls import path

from . import views

app_name = "logout_lens_simplejwt"

urlpatterns = [
    path("", views.ObtainView.as_view(), name="obtain"),
    path("refresh/", views.RefreshView.as_view(), name="refresh"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("policy/", views.PolicyView.as_view(), name="policy"),
]
