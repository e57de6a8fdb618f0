"""The signing world: the monitoring world (a plan with three units) with a demo certification authority
trusted as a test root, IINs on the officials and their signing credentials."""
import base64
from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import translation

from jospar.orgs.models import Person
from jospar.planning.models import PlanVersion
from jospar.signatures.crypto import demo_ca
from jospar.signatures.models import TrustedRoot
from tests.monitoring.world import World, build_world

IINS = {"executive": "700101300015", "planner": "800202400011", "head_a": "900303500018", "viewer": "750505300010"}


@pytest.fixture(scope="session")
def authority():
    return demo_ca.make_authority(name="Jospar TEST CA")


@pytest.fixture(scope="session")
def credentials(authority):
    return {who: demo_ca.issue(authority, iin=iin, surname=who.upper(), given_name="TEST") for who, iin in IINS.items()}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sign(docs, credential, **kwargs) -> dict[str, str]:
    """The evidence a signing form posts: each document's base64 CMS by its field."""
    return {d.field: b64(demo_ca.sign_detached(d.data, credential, **kwargs)) for d in docs}


@dataclass
class Signing:
    world: World
    root: TrustedRoot
    credentials: dict

    def user(self, who):
        return self.world.users[who]


@pytest.fixture
def signing(db, authority, credentials):
    world = build_world(approved=False)
    for who, iin in IINS.items():
        Person.objects.filter(user=world.users[who]).update(iin=iin)
        world.users[who].refresh_from_db()
    PlanVersion.objects.filter(pk=world.version.pk).update(status=PlanVersion.Status.ON_APPROVAL)
    world.version.refresh_from_db()
    root = TrustedRoot.objects.create(name="Jospar TEST CA", certificate_pem=authority.pem(), is_test=True)
    return Signing(world, root, credentials)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


APPROVED_ON = date(2025, 12, 30)
