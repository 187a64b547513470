"""
A row per signed-in session: the lock that refresh and revocation share, the password
fingerprint that ends a session when the password changes, and the session's state.
Existing token families each get their session row, signed in with the current password.
"""
import hashlib
import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import Max, Min


def fingerprint(password_hash):
    # Same digest as authsessions.models.password_fingerprint (migrations must not import it).
    return hashlib.sha256(b"logout-lens-password:" + (password_hash or "").encode("utf-8")).hexdigest()


def create_sessions(apps, schema_editor):
    RefreshToken = apps.get_model("authsessions", "RefreshToken")
    Session = apps.get_model("authsessions", "Session")
    families = (
        RefreshToken.objects.order_by()
        .values("family", "user_id", "user__password")
        .annotate(started=Min("created_at"), expires=Max("expires_at"))
    )
    for family in families:
        head = RefreshToken.objects.filter(family=family["family"]).order_by("-created_at").first()
        Session.objects.create(
            id=family["family"],
            user_id=family["user_id"],
            device_id=head.device_id,
            remember_me=head.remember_me,
            created_at=family["started"],
            expires_at=family["expires"],
            password_fingerprint=fingerprint(family["user__password"]),
            revoked_at=head.revoked_at,
            revoke_reason=head.revoke_reason,
        )


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("authsessions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("device_id", models.CharField(blank=True, default="", max_length=64)),
                ("remember_me", models.BooleanField(default=False)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("expires_at", models.DateTimeField()),
                ("password_fingerprint", models.CharField(max_length=64)),
                ("revoked_at", models.DateTimeField(blank=True, null=True)),
                ("revoke_reason", models.CharField(blank=True, choices=[("logout", "Signed out"), ("password_changed", "Password changed"), ("revoked", "Session revoked"), ("reuse_detected", "Token reuse detected"), ("expired", "Session expired"), ("client_ended", "Ended by the browser")], default="", max_length=32)),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="signed_in_sessions", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "signed-in session",
                "ordering": ["-created_at"],
            },
        ),
        migrations.AddIndex(
            model_name="session",
            index=models.Index(fields=["user", "revoked_at"], name="session_user_revoked_idx"),
        ),
        migrations.AlterField(
            model_name="refreshtoken",
            name="revoke_reason",
            field=models.CharField(blank=True, choices=[("logout", "Signed out"), ("password_changed", "Password changed"), ("revoked", "Session revoked"), ("reuse_detected", "Token reuse detected"), ("expired", "Session expired"), ("client_ended", "Ended by the browser")], default="", max_length=32),
        ),
        migrations.RunPython(create_sessions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="refreshtoken",
            name="family",
            field=models.ForeignKey(db_column="family", on_delete=django.db.models.deletion.CASCADE, related_name="tokens", to="authsessions.session"),
        ),
    ]
