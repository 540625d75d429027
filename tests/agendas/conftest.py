import pytest

from tests.factories.agendas import agenda_for


@pytest.fixture
def agenda(meeting):
    return agenda_for(meeting)
