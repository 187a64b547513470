import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from conftest import login

pytestmark = pytest.mark.django_db


def test_ensure_demo_user_is_idempotent():
    call_command("ensure_demo_user")
    call_command("ensure_demo_user")

    User = get_user_model()
    demo = User.objects.get(email="demo@example.com")
    support = User.objects.get(email="support@example.com")
    assert User.objects.count() == 2
    assert demo.get_full_name() == "Dana Demo" and not demo.is_staff
    assert support.get_full_name() == "Sam Support" and support.is_staff


def test_demo_users_can_sign_in():
    call_command("ensure_demo_user")

    response = login(APIClient(), email="demo@example.com", password="demo-pass-2026")

    assert response.status_code == 200
    assert response.json()["user"]["name"] == "Dana Demo"
    assert login(APIClient(), email="support@example.com", password="support-pass-2026").status_code == 200


def test_ensure_demo_user_resets_a_changed_password():
    call_command("ensure_demo_user")
    demo = get_user_model().objects.get(email="demo@example.com")
    demo.set_password("something-else-entirely")
    demo.save()

    call_command("ensure_demo_user")

    assert login(APIClient(), email="demo@example.com", password="demo-pass-2026").status_code == 200
