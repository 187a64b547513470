from django.utils.http import http_date

from logout_lens.sessions import clock


class ServerClockDateMiddleware:
    """
    Stamps responses with the moved server clock, so a browser that estimates clock skew from
    the `Date` header sees the same time the tokens are issued on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if clock.offset():
            response["Date"] = http_date(clock.now().timestamp())
        return response
