from django.urls import path

from . import views

app_name = "demo"

urlpatterns = [
    path("data/", views.DataView.as_view(), name="data"),
    path("forbidden/", views.FailingView.as_view(error=views.Forbidden), name="forbidden"),
    path(
        "payment-required/",
        views.FailingView.as_view(error=views.PaymentRequired),
        name="payment-required",
    ),
    path(
        "server-error/",
        views.FailingView.as_view(error=views.DemoServerError),
        name="server-error",
    ),
    path("bad-gateway/", views.FailingView.as_view(error=views.BadGateway), name="bad-gateway"),
    path(
        "unavailable/",
        views.FailingView.as_view(error=views.ServiceUnavailable),
        name="unavailable",
    ),
]
