from django.urls import path

from . import views

app_name = "logout_lens_audit"

urlpatterns = [
    path("logout-event/", views.LogoutEventCreateView.as_view(), name="logout-event"),
    path("logout-events/", views.LogoutEventListView.as_view(), name="logout-events"),
]
