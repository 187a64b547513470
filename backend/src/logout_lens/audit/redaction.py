"""
Secrets a browser might leak into a logout event, and their removal before it is stored:
JWT-looking substrings anywhere in a string, and the credential after `Bearer`.
"""
import re

REDACTED = "[redacted]"

# header.payload.signature in base64url, the header starting with '{"' (eyJ); the signature
# may be empty ("alg": "none"). Found anywhere inside a string, not only as the whole string.
JWT_LIKE = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
# An Authorization-style credential: whatever follows the scheme, up to whitespace.
BEARER_CREDENTIAL = re.compile(r"(bearer)\s+\S+", re.IGNORECASE)


def redact_secrets(text):
    """`text` with every JWT-looking substring and every Bearer credential replaced by "[redacted]"."""
    text = JWT_LIKE.sub(REDACTED, text)
    return BEARER_CREDENTIAL.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
