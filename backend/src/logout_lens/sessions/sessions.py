"""
The session lifecycle: sign-in and refresh (rotation with a grace window).

A session is a `Session` row and the family of refresh tokens it rotated through. Refresh
runs in one transaction that first locks the session's row, the lock every revocation of
the session takes too (revocation.py): two tabs refreshing at once never fork a family (the
second waits, then finds the token rotated moments ago - at once, or when its own rotation fails
on the successor stored already, see _rotate() - and gets the same derived successor back), and a
refresh never inserts a successor that a concurrent revocation misses. A plain refresh is two
statements, compiled once (the end of this module).
"""
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from django.db import IntegrityError, connections, router, transaction
from django.db.models import Q
from django.db.models.constants import OnConflict
from django.db.models.query import get_related_populators
from django.db.models.sql import InsertQuery

from . import clock, exceptions
from .locking import serialised
from .models import RefreshToken, RevokeReason, Session, password_fingerprint
from .revocation import announce, revoke_family
from ..settings import api_settings
from .tokens import AccessToken, hash_refresh_value, new_refresh_value, successor_value

# Reuse is a security event: a likely theft is logged at ERROR, the level operators alert on.
security_log = logging.getLogger("logoutlens.security")

# Refusal for a session that was already revoked, by the reason it was revoked.
REFUSAL_BY_REASON = {
    RevokeReason.PASSWORD_CHANGED: exceptions.PasswordChanged,
    RevokeReason.REUSE_DETECTED: exceptions.RefreshReused,
    RevokeReason.EXPIRED: exceptions.RefreshExpired,
    RevokeReason.ACCOUNT_DISABLED: exceptions.AccountDisabled,
}


@dataclass(frozen=True)
class SessionGrant:
    """What a successful sign-in or refresh hands to the client."""

    user: object
    session_id: uuid.UUID
    refresh_value: str
    refresh_expires_at: datetime
    remember_me: bool
    access: AccessToken
    cookie_max_age: int


@dataclass(frozen=True)
class _Refusal:
    error: exceptions.SessionEnded
    ended: Optional[Session] = None
    reason: str = ""
    evidence: Optional[dict] = None


def _grant(session, raw, now):
    remaining = int((session.expires_at - now).total_seconds())
    return SessionGrant(
        user=session.user,
        session_id=session.pk,
        refresh_value=raw,
        refresh_expires_at=session.expires_at,
        remember_me=session.remember_me,
        access=AccessToken.issue(session.user, session.pk, now),
        cookie_max_age=max(remaining, 0),
    )


def start_session(user, *, remember_me, device_id, client):
    """Sign `user` in: a new session whose absolute lifetime depends on `remember_me`."""
    now = clock.now().replace(microsecond=0)
    lifetime = (
        api_settings.REFRESH_TOKEN_LIFETIME_REMEMBER_ME
        if remember_me
        else api_settings.REFRESH_TOKEN_LIFETIME
    )
    raw = new_refresh_value()
    with transaction.atomic():
        session = Session.objects.create(
            user=user,
            device_id=device_id or "",
            remember_me=remember_me,
            created_at=now,
            expires_at=now + lifetime,
            password_fingerprint=password_fingerprint(user.password),
        )
        RefreshToken.objects.create(
            token_hash=hash_refresh_value(raw),
            family=session,
            user=user,
            device_id=session.device_id,
            remember_me=remember_me,
            created_at=now,
            expires_at=session.expires_at,
            last_used_at=now,
            ip=client.ip,
            user_agent=client.user_agent,
        )
    return _grant(session, raw, now)


def refresh_session(raw, client):
    """Exchange a refresh token for a new grant, or raise a SessionEnded error."""
    if not raw:
        raise exceptions.RefreshMissing()
    for attempt in (1, 2):
        try:
            with serialised(), transaction.atomic():
                outcome = _refresh_locked(hash_refresh_value(raw), raw, client, clock.now())
            break
        except IntegrityError:
            # A concurrent rotation stored the same derived successor first (see _rotate());
            # the retry sees the rotation and takes the grace path.
            if attempt == 2:
                raise
    if isinstance(outcome, _Refusal):
        if outcome.ended is not None:
            announce(outcome.ended, outcome.reason, client, evidence=outcome.evidence)
        if outcome.evidence:
            _log_reuse(outcome.ended, outcome.evidence)
        raise outcome.error
    return outcome


def _refresh_locked(token_hash, raw, client, now):
    # One statement: the presented token, its session - locked: the lock every revocation of the
    # session takes too - and the session's user.
    if _compiled_statements():
        token = _LOCK_TOKEN.one(token_hash)
    else:
        token = _LOCK_TOKEN.queryset(token_hash).first()
    if token is None:
        return _Refusal(exceptions.RefreshRevoked())
    session = token.family
    if session.revoked_at is not None:
        if session.revoke_reason == RevokeReason.REUSE_DETECTED:
            return _Refusal(exceptions.RefreshReused(session.reuse_verdict))
        return _Refusal(REFUSAL_BY_REASON.get(session.revoke_reason, exceptions.RefreshRevoked)())
    if session.expires_at <= now:
        return _end(session, RevokeReason.EXPIRED, now, exceptions.RefreshExpired())
    if not session.password_matches():
        return _end(session, RevokeReason.PASSWORD_CHANGED, now, exceptions.PasswordChanged())
    if not session.user.is_active:
        return _end(session, RevokeReason.ACCOUNT_DISABLED, now, exceptions.AccountDisabled())
    if token.rotated_at is None:
        return _rotate(session, token, raw, client, now)
    # Rotated already. Its successor (a token has at most one: the successor's value is derived
    # from the token's, and token_hash is unique) is read by the statements below, after the
    # lock, so as it is now - not as it was when the statement above began, which is how
    # PostgreSQL returns the rows a statement joins without locking them.
    since = now - token.rotated_at
    grace = timedelta(seconds=api_settings.REFRESH_GRACE_SECONDS)
    recovery = timedelta(seconds=api_settings.REFRESH_RECOVERY_SECONDS)
    # If the successor was never used: within the grace window, a racing tab; later, from the
    # client that rotated it, a lost answer retried (a restart, a sleeping laptop). Either way it
    # gets the same successor back. One UPDATE checks that and stamps the successor's last use.
    if since <= grace:
        successor = Q()
    elif since <= recovery:
        successor = Q(ip=client.ip, user_agent=client.user_agent)
    else:
        successor = None
    if successor is not None and (
        RefreshToken.objects.filter(successor, parent=token, rotated_at__isnull=True).update(last_used_at=now)
    ):
        return _grant(session, successor_value(raw), now)
    child = RefreshToken.objects.filter(parent=token).first()
    same_client = child is not None and (child.ip, child.user_agent) == (client.ip, client.user_agent)
    evidence = {
        "verdict": "likely_race" if same_client else "likely_theft",
        "seconds_after_rotation": round(since.total_seconds(), 1),
        "same_ip": child is not None and child.ip == client.ip,
        "same_user_agent": child is not None and child.user_agent == client.user_agent,
        "successor_used": child is not None and child.rotated_at is not None,
    }
    Session.objects.filter(pk=session.pk).update(reuse_verdict=evidence["verdict"])
    return _end(
        session, RevokeReason.REUSE_DETECTED, now, exceptions.RefreshReused(evidence["verdict"]), evidence
    )


def _rotate(session, token, raw, client, now):
    """
    Mark `token` rotated and store its successor in one statement: an INSERT of both rows in which
    the presented token, already stored, only updates its rotated_at and last_used_at (ON CONFLICT
    (id) DO UPDATE). Had a refresh that committed while this one waited for the lock rotated the
    token already (its row was then read as it was before), its successor - derived from the token,
    so the very same value - is stored already: the statement fails as a whole on token_hash's
    uniqueness, and refresh_session() retries, on the grace path.
    """
    child_raw = successor_value(raw)
    token.rotated_at = token.last_used_at = now
    child = RefreshToken(
        token_hash=hash_refresh_value(child_raw),
        family=session,
        parent=token,
        user=session.user,
        device_id=session.device_id,
        remember_me=session.remember_me,
        created_at=now,
        expires_at=session.expires_at,
        last_used_at=now,
        ip=client.ip,
        user_agent=client.user_agent,
    )
    if _compiled_statements():
        _ROTATE.run(token, child)
    else:
        # The same two writes through the ORM (and in the same order: a successor stored already
        # fails on token_hash's uniqueness, and the transaction rolls back).
        token.save(update_fields=["rotated_at", "last_used_at"])
        child.save(force_insert=True)
    return _grant(session, child_raw, now)


def _end(session, reason, now, error, evidence=None):
    revoke_family(session.pk, reason, now)
    return _Refusal(error, ended=session, reason=reason, evidence=evidence)


def _log_reuse(session, evidence):
    level = logging.ERROR if evidence["verdict"] == "likely_theft" else logging.WARNING
    security_log.log(
        level,
        "Refresh token reuse (%s): session=%s user=%s %ss after its rotation, same_ip=%s "
        "same_user_agent=%s; the session was revoked.",
        evidence["verdict"], session.pk, session.user_id, evidence["seconds_after_rotation"],
        evidence["same_ip"], evidence["same_user_agent"],
    )


# ---------------------------------------------------------------------------------------------
# The refresh's two statements, compiled once.
#
# Building a statement through the ORM costs more Python than the database needs to run it (on the
# benchmark machine 0.3-1 ms per statement, against some 0.05 ms for SQLite to run one; see
# bench/backend.mjs). So refresh lets Django's compiler build its lock and its rotation once per
# database connection - the very SQL the ORM sends on the backend in use: quoting, FOR UPDATE OF,
# ON CONFLICT, parameter types - and afterwards only runs them with fresh parameters, prepared by
# the same model fields. Writes so made send no pre_save/post_save, as the .update() calls of
# revocation.py never did; the package's hook is session_ended. Everything else uses the ORM.


# The databases on which the compiled statements are tested (SQLite and PostgreSQL, by the backend
# suite); any other backend runs the refresh through the ORM, one statement more.
COMPILED_VENDORS = ("sqlite", "postgresql")


def _compiled_statements():
    return connections[router.db_for_write(RefreshToken)].vendor in COMPILED_VENDORS


def _compiled(connection, statement, compile):
    """`statement`'s compiled form on `connection`, compiled on first use: kept on the connection
    (one per thread), so it lives exactly as long as the connection object it was made for."""
    cache = connection.__dict__.setdefault("_logout_lens_compiled", {})
    if statement not in cache:
        cache[statement] = compile()
    return cache[statement]


class _CompiledSelect:
    """
    A SELECT of model instances with their select_related() objects, as the ORM returns them;
    `queryset(value)` builds it, and a stand-in value marks where the parameter goes.
    """

    STAND_IN = "logout-lens:compiled-parameter"

    def __init__(self, model, queryset, field):
        self.model, self.queryset, self.field = model, queryset, field

    def _compile(self, alias, connection):
        compiler = self.queryset(self.STAND_IN).using(alias).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        stand_in = self.field.get_db_prep_value(self.STAND_IN, connection, prepared=False)
        slots = [i for i, param in enumerate(params) if param == stand_in]
        if not slots:
            raise RuntimeError(f"No parameter slot in {sql}")
        info = compiler.klass_info
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in compiler.select[start:end]]
        populators = get_related_populators(info, compiler.select, alias)
        converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        return compiler, sql, list(params), slots, (start, end, init_list, populators, converters)

    def one(self, value):
        """The instance of the one row found, or None."""
        alias = router.db_for_write(self.model)
        connection = connections[alias]
        compiled = _compiled(connection, self, lambda: self._compile(alias, connection))
        compiler, sql, params, slots, (start, end, init_list, populators, converters) = compiled
        params = list(params)
        prepared = self.field.get_db_prep_value(value, connection, prepared=False)
        for i in slots:
            params[i] = prepared
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not rows:
            return None
        if len(rows) > 1:
            raise self.model.MultipleObjectsReturned()
        (row,) = compiler.apply_converters(rows, converters) if converters else rows
        instance = self.model.from_db(alias, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, instance)
        return instance


class _CompiledInsert:
    """An INSERT of `rows` model instances with every concrete field (`conflict`: InsertQuery's)."""

    def __init__(self, model, rows, **conflict):
        self.model, self.rows, self.conflict = model, rows, conflict

    def _compile(self, alias, connection, instances):
        fields = [f for f in self.model._meta.local_concrete_fields if not f.generated]
        query = InsertQuery(self.model, **self.conflict)
        query.insert_values(fields, instances)
        compiler = query.get_compiler(alias)
        ((sql, params),) = compiler.as_sql()
        # The compiler lays the values out row by row, or (PostgreSQL's UNNEST) column by column:
        # whichever gave the compiled statement's own parameters is how they are laid out here.
        rows = self._values(fields, connection, instances)
        for layout in (_by_row, _by_column):
            if layout(rows) == list(params):
                return sql, fields, layout
        raise RuntimeError(f"Cannot lay out the parameters of {sql}")

    @staticmethod
    def _values(fields, connection, instances):
        # As SQLInsertCompiler prepares them: pre_save(), then get_db_prep_save().
        return [
            [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields]
            for instance in instances
        ]

    def run(self, *instances):
        if len(instances) != self.rows:
            raise TypeError(f"{self.rows} instances expected")
        alias = router.db_for_write(self.model)
        connection = connections[alias]
        sql, fields, layout = _compiled(connection, self, lambda: self._compile(alias, connection, instances))
        with connection.cursor() as cursor:
            cursor.execute(sql, layout(self._values(fields, connection, instances)))
        for instance in instances:
            instance._state.adding, instance._state.db = False, alias


def _by_row(rows):
    return [value for row in rows for value in row]


def _by_column(rows):
    return [list(column) for column in zip(*rows)]


# The presented token, its session (locked; on SQLite, which cannot lock rows, the IMMEDIATE
# transaction serialises writers) and the session's user.
_LOCK_TOKEN = _CompiledSelect(
    RefreshToken,
    lambda token_hash: RefreshToken.objects.select_related("family__user")
    .select_for_update(of=("family",))
    .filter(token_hash=token_hash)
    .order_by(),
    RefreshToken._meta.get_field("token_hash"),
)
# The presented token (stored already: only its rotation is written) and its successor.
_ROTATE = _CompiledInsert(
    RefreshToken,
    rows=2,
    on_conflict=OnConflict.UPDATE,
    update_fields=[RefreshToken._meta.get_field("rotated_at"), RefreshToken._meta.get_field("last_used_at")],
    unique_fields=[RefreshToken._meta.pk],
)
