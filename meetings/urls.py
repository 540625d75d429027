from django.urls import path

from meetings import calendars
from meetings.views import meetings as views

app_name = "meetings"

urlpatterns = [
    path("", views.body_list, name="body_list"),
    path("b/<slug:body>/", views.body_detail, name="body_detail"),
    path("b/<slug:body>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("b/<slug:body>/<int:number>/", views.meeting_detail, name="meeting_detail"),
    path("b/<slug:body>/<int:number>/edit/", views.meeting_edit, name="meeting_edit"),
    path("b/<slug:body>/<int:number>/sessions/new/", views.session_create, name="session_create"),
    path(
        "b/<slug:body>/<int:number>/sessions/<int:pk>/edit/",
        views.session_edit,
        name="session_edit",
    ),
    path(
        "b/<slug:body>/<int:number>/sessions/<int:pk>/delete/",
        views.session_delete,
        name="session_delete",
    ),
    path("b/<slug:body>/meetings.ics", calendars.body_ics, name="body_ics"),
    path("b/<slug:body>/<int:number>/sessions.ics", calendars.meeting_ics, name="meeting_ics"),
]
