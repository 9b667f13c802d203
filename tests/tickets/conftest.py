import pytest

from tests.factories import buy_package, support_staff


@pytest.fixture
def package(cen_instance):
    return buy_package(cen_instance)


@pytest.fixture
def staff(db):
    return support_staff()
