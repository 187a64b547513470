"""Keeping session password fingerprints right when Django re-hashes a password."""
from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save

from .models import Session, password_fingerprint


def follow_password_rehash(sender, instance, update_fields=None, **kwargs):
    """
    Django re-hashes a stored password on a successful check when the hasher's parameters
    have changed (each Django release raises PBKDF2's iterations): the password is the same,
    so the user's sessions move to the new hash's fingerprint instead of ending. Django marks
    such a save: it updates only "password" and has no new raw password (`_password`).
    A real change (`set_password()`) always carries one, and ends the sessions.
    """
    if instance.pk is None or update_fields is None or set(update_fields) != {"password"}:
        return
    if getattr(instance, "_password", None) is not None:
        return
    stored = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is None or stored == instance.password:
        return
    Session.objects.filter(
        user_id=instance.pk, password_fingerprint=password_fingerprint(stored)
    ).update(password_fingerprint=password_fingerprint(instance.password))


def connect():
    pre_save.connect(
        follow_password_rehash, sender=get_user_model(), dispatch_uid="logout_lens.sessions.password_rehash"
    )
