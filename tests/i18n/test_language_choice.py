"""The reader's language: saved choice, then the switcher's cookie, then Accept-Language, then
English; the same addresses in every language; cached pages kept apart by language (issue 13)."""

import pytest
from django.test import Client

from agendas import services
from meetings.models import Preference
from tests.factories.agendas import SYSTEM, agenda_for

AGENDA = "/b/cwg-internet/21/agenda/"


def _html_tag(response) -> str:
    page = response.content.decode()
    return page[page.index("<html") : page.index(">", page.index("<html")) + 1]


@pytest.mark.parametrize(
    ("accept", "tag"),
    [
        ("fr-CH,fr;q=0.9,en;q=0.5", '<html lang="fr" dir="ltr">'),
        ("zh-CN,zh;q=0.9", '<html lang="zh-hans" dir="ltr">'),
        ("ar", '<html lang="ar" dir="rtl">'),
        ("ru-RU", '<html lang="ru" dir="ltr">'),
        ("es-419,es;q=0.8", '<html lang="es" dir="ltr">'),
        ("de-DE,de;q=0.9", '<html lang="en" dir="ltr">'),
        ("", '<html lang="en" dir="ltr">'),
    ],
)
def test_a_visitor_reads_the_language_their_browser_asks_for(db, accept, tag):
    response = Client().get("/", headers={"accept-language": accept})
    assert _html_tag(response) == tag
    assert "Accept-Language" in response["Vary"]


def test_arabic_pages_take_the_right_to_left_stylesheet(db):
    page = Client().get("/", headers={"accept-language": "ar"}).content.decode()
    assert "bootstrap.rtl.min.css" in page
    english = Client().get("/").content.decode()
    assert "bootstrap.rtl.min.css" not in english
    assert "bootstrap.min.css" in english


def test_the_switcher_keeps_the_choice_of_a_visitor_and_returns_to_the_page(db):
    client = Client()
    response = client.post("/language/", {"language": "es", "next": "/documents/"})
    assert response.status_code == 302
    assert response["Location"] == "/documents/"
    assert response.cookies["django_language"].value == "es"
    again = client.get("/", headers={"accept-language": "fr"})
    assert _html_tag(again) == '<html lang="es" dir="ltr">'


def test_a_signed_in_persons_choice_is_saved_and_comes_back_at_the_next_sign_in(people):
    delegate = people["delegate"]
    first = Client()
    first.force_login(delegate)
    first.post("/language/", {"language": "ru", "next": "/"})
    assert Preference.objects.get(user=delegate).language == "ru"

    elsewhere = Client()  # another browser: no cookie, asks for English
    elsewhere.force_login(delegate)
    page = elsewhere.get("/", headers={"accept-language": "en"})
    assert _html_tag(page) == '<html lang="ru" dir="ltr">'
    assert 'data-testid="language-menu"' in page.content.decode()


def test_the_switcher_offers_the_six_languages_by_their_own_names(db):
    page = Client().get("/").content.decode()
    switcher = page[page.index('data-testid="language-switcher"') :]
    for code, name in [
        ("ar", "العربيّة"),
        ("zh-hans", "简体中文"),
        ("en", "English"),
        ("fr", "français"),
        ("ru", "Русский"),
        ("es", "español"),
    ]:
        assert f'value="{code}" lang="{code}"' in switcher
        assert name in switcher


def test_the_switcher_refuses_what_is_not_one_of_its_languages_or_another_site(people):
    client = Client()
    client.force_login(people["chair"])
    response = client.post("/language/", {"language": "de", "next": "/documents/"})
    assert response["Location"] == "/documents/"
    assert "django_language" not in response.cookies
    assert not Preference.objects.filter(user=people["chair"]).exists()
    away = client.post("/language/", {"language": "fr", "next": "https://example.org/"})
    assert away["Location"] == "/"
    assert client.get("/language/").status_code == 405


@pytest.fixture
def issued(meeting, people):
    agenda = agenda_for(meeting)
    services.agenda_fixed_items_add(agenda=agenda, actor=SYSTEM)
    return services.agenda_issue_revision(agenda=agenda, user=people["secretariat"])


def test_the_visitors_cached_agenda_is_kept_apart_by_language(issued):
    english = Client().get(AGENDA)
    french = Client().get(AGENDA, headers={"accept-language": "fr"})
    assert _html_tag(english) == '<html lang="en" dir="ltr">'
    assert _html_tag(french) == '<html lang="fr" dir="ltr">'
    assert english["ETag"] != french["ETag"]
    # A browser that switched language does not get a 304 for the page it had in English.
    switched = Client().get(
        AGENDA, headers={"accept-language": "fr", "if-none-match": english["ETag"]}
    )
    assert switched.status_code == 200


def test_members_cached_agenda_is_kept_apart_by_language(issued, client_for):
    english = client_for("delegate").get(AGENDA)
    russian = client_for("delegate").get(AGENDA, headers={"accept-language": "ru"})
    assert _html_tag(english) == '<html lang="en" dir="ltr">'
    assert _html_tag(russian) == '<html lang="ru" dir="ltr">'
