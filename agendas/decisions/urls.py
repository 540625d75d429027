"""Routes of the summary of decisions and of the decisions feeds (included by agendas.urls)."""

from django.urls import path

from agendas import feeds
from agendas.decisions import views

urlpatterns = [
    path(
        "b/<slug:body>/<int:number>/decisions/summary/",
        views.summary_draft,
        name="decisions_summary",
    ),
    path(
        "b/<slug:body>/<int:number>/decisions/summary/register/",
        views.summary_register,
        name="decisions_summary_register",
    ),
    path("b/<slug:body>/decisions.atom", feeds.BodyDecisionsFeed(), name="body_decisions_feed"),
    path(
        "b/<slug:body>/<int:number>/decisions.atom",
        feeds.MeetingDecisionsFeed(),
        name="meeting_decisions_feed",
    ),
]
