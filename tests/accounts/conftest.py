import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.accounts import PASSWORD


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


@pytest.fixture
def app(staff):
    """The staff member's authenticator app, already set up."""
    return TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
