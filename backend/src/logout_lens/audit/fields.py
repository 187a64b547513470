"""Serializer fields that accept only the JSON type they name (no silent coercion)."""
import json
import math

from rest_framework import serializers
from rest_framework.fields import empty

from .redaction import redact_secrets


class StrictCharField(serializers.CharField):
    """A string; numbers and booleans are refused rather than turned into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class RedactedCharField(StrictCharField):
    """
    A string with every secret in it redacted (see redaction.py), cut to `max_length` if
    the redaction made it longer.
    """

    def run_validation(self, data=empty):
        # After the validators: the length limit applies to what the client sent.
        value = super().run_validation(data)
        if not isinstance(value, str):
            return value
        value = redact_secrets(value)
        return value[: self.max_length] if self.max_length is not None else value


class StrictRegexField(serializers.RegexField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date-time string."""

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="ISO 8601")
        return super().to_internal_value(value)


class StrictUUIDField(serializers.UUIDField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid", value=type(data).__name__)
        return super().to_internal_value(data)


class SecondsField(serializers.Field):
    """A non-negative number of seconds up to `max_value`; a fraction is dropped."""

    default_error_messages = {
        "invalid": "A number of seconds is required.",
        "range": "Must be between 0 and {max_value}.",
    }

    def __init__(self, max_value, **kwargs):
        self.max_value = max_value
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        if isinstance(data, float) and not math.isfinite(data):
            self.fail("invalid")
        if not 0 <= data <= self.max_value:
            self.fail("range", max_value=self.max_value)
        return int(data)

    def to_representation(self, value):
        return value


class JSONObjectField(serializers.Field):
    """
    A JSON object of bounded depth, node count and encoded size. Secrets inside its keys
    and string values (JWT-looking substrings, Bearer credentials; see redaction.py) are
    replaced by "[redacted]", so a token can never be stored by mistake.
    """

    default_error_messages = {
        "not_object": "Must be a JSON object.",
        "too_deep": "Nested deeper than {max_depth} levels.",
        "too_many": "Has more than {max_nodes} values.",
        "too_large": "Larger than {max_bytes} bytes.",
        "bad_text": "Text must not contain NUL or unpaired surrogate characters.",
        "bad_number": "Numbers must be finite.",
    }

    def __init__(self, max_depth=5, max_nodes=200, max_bytes=8192, **kwargs):
        self.max_depth, self.max_nodes, self.max_bytes = max_depth, max_nodes, max_bytes
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            self.fail("not_object")
        budget = [self.max_nodes]
        cleaned = self._clean(data, 1, budget)
        if len(json.dumps(cleaned, ensure_ascii=False).encode("utf-8")) > self.max_bytes:
            self.fail("too_large", max_bytes=self.max_bytes)
        return cleaned

    def _text(self, value):
        if "\x00" in value or any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
            self.fail("bad_text")
        return redact_secrets(value)

    def _clean(self, value, depth, budget):
        budget[0] -= 1
        if budget[0] < 0:
            self.fail("too_many", max_nodes=self.max_nodes)
        if isinstance(value, (dict, list)) and depth > self.max_depth:
            self.fail("too_deep", max_depth=self.max_depth)
        if isinstance(value, dict):
            return {self._text(k): self._clean(v, depth + 1, budget) for k, v in value.items()}
        if isinstance(value, list):
            return [self._clean(v, depth + 1, budget) for v in value]
        if isinstance(value, str):
            return self._text(value)
        if isinstance(value, float) and not math.isfinite(value):
            self.fail("bad_number")
        return value

    def to_representation(self, value):
        return value
