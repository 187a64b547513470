"""The one-line `LOGOUT EVENT` log record, safe against log injection."""
import logging
import unicodedata

logger = logging.getLogger("logoutlens.audit")

_NAMED_ESCAPES = {"\\": "\\\\", "\r": "\\r", "\n": "\\n", "\t": "\\t", '"': '\\"'}
# Control, format (e.g. bidi overrides), line/paragraph separators and unassigned.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def escape(value):
    """`value` as text that can never break or disguise a log line."""
    out = []
    for ch in str(value):
        if ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif unicodedata.category(ch) in _ESCAPED_CATEGORIES:
            code = ord(ch)
            if code < 0x100:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def format_event(event):
    """
    The audit line: `LOGOUT EVENT type=... source=... message="..." idle=...s ip=...
    ua="..." device=... session=... user=... verified=...`, every value escaped.
    """
    idle = f"{event.idle_seconds}s" if event.idle_seconds is not None else "-"
    return (
        f"LOGOUT EVENT type={escape(event.type)} source={event.source}"
        f' message="{escape(event.message)}" idle={idle} ip={event.ip or "-"}'
        f' ua="{escape(event.user_agent)}" device={escape(event.device_id) or "-"}'
        f" session={event.session_id or '-'} user={event.user_id or '-'}"
        f" verified={str(event.verified).lower()}"
    )


def log_event(event):
    logger.info("%s", format_event(event))
