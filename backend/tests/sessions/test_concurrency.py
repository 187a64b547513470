"""Two tabs refreshing the same token at the same moment must not fork the session."""
import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from logout_lens.sessions.models import RefreshToken
from conftest import AJAX, COOKIE, login


def refresh_concurrently(raw, count):
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(index):
        client = APIClient()
        client.cookies[COOKIE] = raw
        try:
            barrier.wait(timeout=5)
            results[index] = client.post("/v1/auth/refresh/", **AJAX)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_refreshes_of_one_token_share_one_successor(api, user):
    raw = login(api).cookies[COOKIE].value

    responses = refresh_concurrently(raw, count=2)

    assert [r.status_code for r in responses] == [200, 200]
    cookies = {r.cookies[COOKIE].value for r in responses}
    assert len(cookies) == 1 and raw not in cookies
    family = RefreshToken.objects.get(parent=None).family_id
    assert RefreshToken.objects.filter(family=family).count() == 2
    assert RefreshToken.objects.filter(revoked_at=None, rotated_at=None).count() == 1
    assert {r.json()["session_id"] for r in responses} == {str(family)}
