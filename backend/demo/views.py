"""
Demo endpoints that answer with a fixed status, for showing (and testing) that the
client signs out only when the session is really over - never on 403, 402 or 5xx.
"""
from django.utils import timezone
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from logout_lens.sessions.serializers import UserSerializer


class PaymentRequired(exceptions.APIException):
    status_code = status.HTTP_402_PAYMENT_REQUIRED
    default_detail = "This feature needs a paid plan."
    default_code = "payment_required"


class DemoServerError(exceptions.APIException):
    status_code = status.HTTP_500_INTERNAL_SERVER_ERROR
    default_detail = "The server failed while handling this request."
    default_code = "server_error"


class BadGateway(exceptions.APIException):
    status_code = status.HTTP_502_BAD_GATEWAY
    default_detail = "An upstream service answered with an error."
    default_code = "bad_gateway"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The service is temporarily unavailable."
    default_code = "service_unavailable"


class Forbidden(exceptions.PermissionDenied):
    default_detail = "You do not have permission to see this."
    default_code = "forbidden"


class DataView(APIView):
    def get(self, request):
        return Response(
            {
                "message": "Protected data, served to a signed-in user.",
                "served_at": timezone.now(),
                "user": UserSerializer(request.user).data,
            }
        )


class FailingView(APIView):
    """Answers every GET from a signed-in user with `error`."""

    error = None

    def get(self, request):
        raise self.error()
