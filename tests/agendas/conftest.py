import pytest

from tests.factories.agendas import agenda_for


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rendered revisions are cached; each test starts without what earlier ones cached."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agenda(meeting):
    return agenda_for(meeting)
