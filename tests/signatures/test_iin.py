"""Issue 17: the IIN (ИИН) — its control digit (jospar.rules.iin, no database) and the body administrator's
entry on the person's page; shown in full there only."""
import pytest
from django.urls import reverse

from jospar.orgs.manage import services
from jospar.orgs.models import Role
from jospar.rules.iin import complete_iin, iin_control_digit, is_valid_iin, mask_iin
from tests.factories import OrgUnitFactory, StateBodyFactory, member


def test_the_control_digit():
    assert is_valid_iin("750505300010") and is_valid_iin("700101300015")
    assert not is_valid_iin("700101300014")  # one digit off
    assert not is_valid_iin("70010130001") and not is_valid_iin("7001013000155") and not is_valid_iin("70010130001a")
    assert not is_valid_iin("７００１０１３０００１５")  # full-width digits are not ASCII digits
    assert complete_iin("70010130001") == "700101300015"
    # the second weighting is used when the first gives 10; no digit fits when both do
    firsts = [f"{n:011d}" for n in range(5000)]
    assert any(iin_control_digit(f) is None for f in firsts)
    for first in firsts:
        digit = iin_control_digit(first)
        if digit is not None:
            assert is_valid_iin(first + str(digit))


def test_masked_outside_the_people_page():
    assert mask_iin("850101300015") == "850101******" and mask_iin("") == "" and mask_iin(None) == ""


@pytest.mark.django_db
def test_the_body_administrator_records_an_iin_and_a_wrong_one_is_refused(client):
    body = StateBodyFactory(code="iin")
    OrgUnitFactory(body=body, code="plan", is_planning=True)
    admin = member(body, Role.ADMIN, username="iinadmin")
    person = member(body, Role.VIEWER, username="iinviewer")
    client.force_login(admin)
    client.cookies["django_language"] = "ru"
    url = reverse("orgs:person", args=[person.pk])
    data = {"username": person.username, "last_name": person.last_name, "first_name": person.first_name,
            "is_active": "on", "version": services.person_version(person), "iin": "700101300014"}
    refused = client.post(url, data)
    assert refused.status_code == 400 and "контрольной" in refused.content.decode()
    person.person.refresh_from_db()
    assert person.person.iin == ""
    client.post(url, {**data, "iin": "700101300015"})
    person.person.refresh_from_db()
    assert person.person.iin == "700101300015"
    assert 'value="700101300015"' in client.get(url).content.decode()
