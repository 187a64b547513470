"""
JSON parsing that answers 4xx, never 500, for any body, and refuses bodies over 16 KB
(413 payload_too_large) before reading them whole.

`LimitedJSONParser` is the project's default parser; the app's views declare it themselves
through `LimitedBodyMixin`, which also refuses an oversized body on endpoints that never
read theirs.
"""
import io

from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser

MAX_BODY_BYTES = 16 * 1024


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = f"The request body is larger than {MAX_BODY_BYTES // 1024} KB."
    default_code = "payload_too_large"


class SafeJSONParser(JSONParser):
    """DRF's JSONParser, plus a 400 for documents nested too deeply to decode."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError("JSON parse error - the document is nested too deeply.")


def refuse_declared_oversize(request, max_bytes):
    """Raise PayloadTooLarge when the request's Content-Length is over `max_bytes`."""
    declared = request.META.get("CONTENT_LENGTH")
    try:
        too_large = bool(declared) and int(declared) > max_bytes
    except ValueError:
        raise exceptions.ParseError("Malformed Content-Length header.")
    if too_large:
        raise PayloadTooLarge()


class LimitedJSONParser(SafeJSONParser):
    """JSON bodies of at most `max_bytes` (checked on Content-Length and on the bytes read)."""

    max_bytes = MAX_BODY_BYTES

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        if request is not None:
            refuse_declared_oversize(request, self.max_bytes)
        body = stream.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise PayloadTooLarge()
        return super().parse(io.BytesIO(body), media_type, parser_context)


class LimitedBodyMixin:
    """
    For API views: JSON through LimitedJSONParser, and a body declared larger than its
    limit refused with 413 before authentication, throttles or the handler run - also on
    endpoints that never read their body (refresh/, logout/).
    """

    parser_classes = (LimitedJSONParser,)

    def initial(self, request, *args, **kwargs):
        refuse_declared_oversize(request, LimitedJSONParser.max_bytes)
        super().initial(request, *args, **kwargs)
