"""The example project's URLs plus two API views a simplejwt project already has."""
from django.urls import path
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTAuthentication

from config.urls import urlpatterns as example_urlpatterns
from logout_lens.contrib.simplejwt.authentication import JWTSessionAuthentication


class StockView(APIView):
    """A team's existing API view, unchanged: stock JWTAuthentication."""

    authentication_classes = (JWTAuthentication,)
    permission_classes = (IsAuthenticated,)

    def get(self, request):
        return Response({"user": request.user.get_username()})


class SessionCheckedView(StockView):
    authentication_classes = (JWTSessionAuthentication,)


urlpatterns = [
    *example_urlpatterns,
    path("api/stock/", StockView.as_view()),
    path("api/checked/", SessionCheckedView.as_view()),
]
