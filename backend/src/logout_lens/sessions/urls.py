from django.urls import path

from . import views

app_name = "logout_lens_sessions"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("refresh/", views.RefreshView.as_view(), name="refresh"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("policy/", views.PolicyView.as_view(), name="policy"),
    path("me/", views.MeView.as_view(), name="me"),
    path("change-password/", views.ChangePasswordView.as_view(), name="change-password"),
    path("sessions/", views.SessionListView.as_view(), name="sessions"),
    # Any id: one that is no UUID is the view's own JSON 404, not the host project's 404 page.
    path("sessions/<path:session_id>/", views.SessionDetailView.as_view(), name="session-detail"),
]
