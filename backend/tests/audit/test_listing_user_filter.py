"""The audit trail's `user` filter: ASCII digits in the id range are an id, anything else an email."""
import pytest

from tests.audit.test_listing import URL, ids, record, signed_in_as

pytestmark = pytest.mark.django_db

AS_STAFF_AND_NOT = pytest.mark.parametrize("email", ["sam@example.com", "dana@example.com"])


@pytest.fixture
def events(user, staff_user):
    return {"dana": record(user), "sam": record(staff_user)}


@AS_STAFF_AND_NOT
@pytest.mark.parametrize("value", ["²", "١٢", "𝟏", "٣@example.com", "+1", "-1"])
def test_non_ascii_digits_and_other_text_are_an_email_that_matches_no_one(events, email, value):
    client, auth = signed_in_as(email)

    response = client.get(URL, {"user": value}, **auth)

    assert response.status_code == 200, response.content
    assert ids(response) == []


@AS_STAFF_AND_NOT
@pytest.mark.parametrize("value", ["99999999999999999999999", "9223372036854775808", "2147483648"])
def test_an_id_out_of_range_is_a_clear_400(events, email, value):
    client, auth = signed_in_as(email)

    response = client.get(URL, {"user": value}, **auth)

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert "id" in body["errors"]["user"][0]


@AS_STAFF_AND_NOT
def test_the_largest_id_is_a_valid_filter_that_matches_no_one(events, email):
    client, auth = signed_in_as(email)

    response = client.get(URL, {"user": "2147483647"}, **auth)

    assert response.status_code == 200 and ids(response) == []


def test_ids_and_emails_still_find_their_user(events, user):
    client, auth = signed_in_as("sam@example.com")

    assert ids(client.get(URL, {"user": str(user.pk)}, **auth)) == [events["dana"].id]
    assert ids(client.get(URL, {"user": f"000{user.pk}"}, **auth)) == [events["dana"].id]
    assert ids(client.get(URL, {"user": "DANA@example.com"}, **auth)) == [events["dana"].id]
