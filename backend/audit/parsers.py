"""A JSON parser that refuses bodies over a size limit before reading them whole."""
import io

from rest_framework import exceptions, status

from authsessions.parsers import SafeJSONParser

MAX_EVENT_BYTES = 16 * 1024


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = f"The request body is larger than {MAX_EVENT_BYTES // 1024} KB."
    default_code = "payload_too_large"


class LimitedJSONParser(SafeJSONParser):
    """JSONParser for bodies of at most `max_bytes` (checked on Content-Length and on the bytes)."""

    max_bytes = MAX_EVENT_BYTES

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        try:
            if declared and int(declared) > self.max_bytes:
                raise PayloadTooLarge()
        except ValueError:
            raise exceptions.ParseError("Malformed Content-Length header.")
        body = stream.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise PayloadTooLarge()
        return super().parse(io.BytesIO(body), media_type, parser_context)
