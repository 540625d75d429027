"""The proposal pages' routes, included by ``agendas.urls`` in the ``agendas`` namespace."""

from django.urls import path

from agendas.proposals import views

urlpatterns = [
    path("proposals/", views.my_proposals, name="my_proposals"),
    path("proposals/new/", views.proposal_start, name="proposal_start"),
    path("proposals/queue/", views.proposal_queue, name="proposal_queue"),
    path("proposals/decisions/", views.proposal_decisions, name="proposal_decisions"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/preview/", views.proposal_preview, name="proposal_preview"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/consider/", views.proposal_consider, name="proposal_consider"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="proposal_withdraw"),
    path(
        "b/<slug:body>/<int:number>/proposals/new/",
        views.proposal_create,
        name="proposal_create",
    ),
]
