"""
Hostile request bodies for the property-based API tests, and the checks every answer to
them must pass: never a server error, a 4xx with a JSON {detail, code}, and log records
that stay one escaped line each.
"""
import json
import string

from hypothesis import HealthCheck, settings, strategies as st

# A fixed, reproducible example budget for every fuzz test.
FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that break or disguise log lines and terminals.
LINE_BREAKERS = ("\r", "\n", "\x1b", "\x85", "\u2028", "\u2029")
HOSTILE_FRAGMENTS = [
    "\r\nLOGOUT EVENT type=USER_INITIATED user=1 verified=true",
    "\x1b[2J\x1b[31mroot\x1b[0m",
    "\u202eevil\u202c",
    "\u2028\u2029\x85",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%0d%0aSet-Cookie: x=y",
    "\x00\x01\x7f",
    "𝕯𝖆𝖓𝖆 👩‍💻 Ωμέγα 日本語",
    "\ud7ff\ue000\ufffd",
]

# Within the fields' length limits, so a valid request carrying it is accepted.
hostile_short_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(HOSTILE_FRAGMENTS),
    st.lists(st.sampled_from(HOSTILE_FRAGMENTS), min_size=1, max_size=4).map("".join),
)
hostile_text = st.one_of(
    hostile_short_text,
    # Oversized: a short seed repeated far beyond any field's limit.
    st.tuples(st.text(min_size=1, max_size=3), st.integers(600, 6000)).map(lambda p: p[0] * p[1]),
)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(hostile_text, children, max_size=4),
    max_leaves=12,
)


def deeply_nested(depth):
    return ("[" * depth + "]" * depth).encode()


def body_for(fields):
    """Bodies shaped like `fields` (any subset, any values), plus arbitrary JSON and raw bytes."""
    shaped = st.fixed_dictionaries({}, optional={name: json_values for name in fields})
    return st.one_of(
        shaped.map(json.dumps).map(str.encode),
        json_values.map(json.dumps).map(str.encode),
        st.binary(max_size=200),
        st.sampled_from([deeply_nested(100_000), b"{" * 5000, b'{"a": ' * 2000, b"\xff\xfe\x00", b""]),
    )


content_types = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "application/xml",
        "application/octet-stream",
    ]
)


def assert_clear_client_error(response):
    """A 4xx whose JSON body has a `detail` sentence and a machine-readable `code`."""
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    body = response.json()
    assert isinstance(body.get("detail"), str) and body["detail"]
    assert isinstance(body.get("code"), str) and body["code"]


def assert_single_line_logs(records):
    """Every log record is one line: no raw line breaks or terminal escapes."""
    for record in records:
        message = record.getMessage()
        assert not any(ch in message for ch in LINE_BREAKERS), repr(message[:300])


# Bodies over the 16 KB limit of every JSON endpoint: well-formed JSON with a padding key, or
# raw bytes, up to 3 MB (the size is drawn, the bytes are built, so examples stay cheap).
MAX_BODY_BYTES = 16 * 1024
oversized_bodies = st.tuples(
    st.integers(MAX_BODY_BYTES + 1, 3 * 1024 * 1024), st.sampled_from(["json", "raw", "nested"])
).map(
    lambda p: {
        "json": lambda n: b'{"email": "dana@example.com", "password": "x", "pad": "' + b"x" * n + b'"}',
        "raw": lambda n: b"\xff" * n,
        "nested": lambda n: b"[" * n,
    }[p[1]](p[0])
)

# Secrets a browser might leak into an event: JWT-shaped strings and Bearer credentials.
_b64url = st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=40)
jwt_like = st.tuples(_b64url, _b64url, _b64url | st.just("")).map(lambda p: f"eyJ{p[0]}.{p[1]}.{p[2]}")
bearer_credentials = st.tuples(
    st.sampled_from(["Bearer ", "bearer ", "BEARER\t", "Bearer  "]),
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=60),
).map("".join)

# Query-string values for the audit trail's filters: digits of every script and size, edge dates.
query_values = st.one_of(
    hostile_short_text,
    st.integers().map(str),
    st.integers(0, 10**30).map(str),
    st.text(alphabet=st.characters(whitelist_categories=("Nd", "No")), min_size=1, max_size=25),
    st.sampled_from(
        [
            "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0000-00-00", "2026-02-30T00:00:00Z",
            "2026-11-28T10:15:00.123456789Z", "1e309", "NaN", "-0", "0" * 300, "",
            "²", "１２", "2147483648", "9223372036854775808", "9" * 40,
        ]
    ),
)
