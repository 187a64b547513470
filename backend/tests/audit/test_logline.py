from logout_lens.audit.logline import escape, format_event
from logout_lens.audit.models import LogoutEvent


def test_escape_keeps_printable_text():
    assert escape("Grüße, 世界 / ok") == "Grüße, 世界 / ok"


def test_escape_turns_controls_into_literal_escapes():
    assert escape("a\r\nb\tc\x1b[0m\x00\x7f") == "a\\r\\nb\\tc\\x1b[0m\\x00\\x7f"


def test_escape_covers_unicode_separators_and_bidi_overrides():
    assert escape("x\u2028y\u2029z\u202e\x85") == "x\\u2028y\\u2029z\\u202e\\x85"


def test_escape_quotes_and_backslashes_stay_unambiguous():
    assert escape('say "hi" \\n') == 'say \\"hi\\" \\\\n'


def test_format_event_without_optional_values():
    line = format_event(LogoutEvent(type="UNKNOWN", source="client"))

    assert line == (
        'LOGOUT EVENT type=UNKNOWN source=client message="" idle=- ip=- ua="" device=- '
        "session=- user=- verified=false"
    )
