"""
A password changed by any path ends every session signed in with the old one: the Django
admin, `manage.py changepassword`, or any `set_password()` — not only change-password/.
"""
import getpass

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from rest_framework.test import APIClient

from logout_lens.audit.models import EventSource, LogoutEvent
from conftest import AJAX, COOKIE, bearer, login, refresh

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-much-better-passphrase-42"


class CheapPBKDF2(PBKDF2PasswordHasher):
    iterations = 1000


class CheapPBKDF2Upgraded(PBKDF2PasswordHasher):
    iterations = 2000


def server_records(session_id):
    return list(
        LogoutEvent.objects.filter(source=EventSource.SERVER, session_id=session_id).values_list(
            "type", flat=True
        )
    )


def assert_ended_as_password_changed(client, grant):
    session_id = grant.json()["session_id"]
    me = client.get("/v1/auth/me/", **bearer(grant))
    assert me.status_code == 401 and me.json()["code"] == "password_changed"
    answer = refresh(client)
    assert answer.status_code == 401 and answer.json()["code"] == "password_changed"
    assert server_records(session_id) == ["PASSWORD_CHANGED"]


def test_set_password_anywhere_ends_the_session(signed_in, user):
    client, grant = signed_in

    user.set_password(NEW_PASSWORD)
    user.save()

    assert_ended_as_password_changed(client, grant)


def test_refresh_is_the_first_to_notice(signed_in, user):
    client, grant = signed_in
    user.set_password(NEW_PASSWORD)
    user.save()

    assert refresh(client).json()["code"] == "password_changed"
    assert client.get("/v1/auth/me/", **bearer(grant)).json()["code"] == "password_changed"
    assert server_records(grant.json()["session_id"]) == ["PASSWORD_CHANGED"]


def test_django_admin_password_change_ends_the_session(signed_in, user, django_user_model):
    client, grant = signed_in
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "x-admin-pass-1")
    browser = APIClient()
    browser.force_login(admin)

    answer = browser.post(
        f"/admin/auth/user/{user.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert answer.status_code == 302, answer.content[:500]
    assert_ended_as_password_changed(client, grant)


def test_manage_py_changepassword_ends_the_session(signed_in, user, monkeypatch):
    client, grant = signed_in
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": NEW_PASSWORD)

    call_command("changepassword", user.get_username(), stdout=open("/dev/null", "w"))

    assert_ended_as_password_changed(client, grant)


def test_sessions_signed_in_after_the_change_keep_working(signed_in, user):
    _, old = signed_in
    user.set_password(NEW_PASSWORD)
    user.save()

    fresh = APIClient()
    grant = login(fresh, password=NEW_PASSWORD)

    assert fresh.get("/v1/auth/me/", **bearer(grant)).status_code == 200
    assert refresh(fresh).status_code == 200


def test_a_password_hash_upgrade_on_sign_in_is_not_a_password_change(api, user, settings):
    # Django re-hashes a password when its hasher's parameters change (every Django release
    # raises PBKDF2's iterations): the password is the same, so no session may end.
    settings.PASSWORD_HASHERS = [f"{__name__}.CheapPBKDF2"]
    user.set_password("correct-horse-battery-9")
    user.save()
    laptop = login(api)
    assert laptop.status_code == 200
    settings.PASSWORD_HASHERS = [f"{__name__}.CheapPBKDF2Upgraded"]

    phone = APIClient()
    assert login(phone, device_id="phone").status_code == 200

    user.refresh_from_db()
    assert "$2000$" in user.password
    assert api.get("/v1/auth/me/", **bearer(laptop)).status_code == 200
    assert refresh(api).status_code == 200


def test_the_old_cookie_stays_refused_after_the_change(signed_in, user):
    client, grant = signed_in
    raw = grant.cookies[COOKIE].value
    user.set_password(NEW_PASSWORD)
    user.save()
    refresh(client)

    replay = APIClient()
    replay.cookies[COOKIE] = raw
    assert replay.post("/v1/auth/refresh/", **AJAX).json()["code"] == "password_changed"
