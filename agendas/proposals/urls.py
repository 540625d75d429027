"""The proposal pages' routes, included by ``agendas.urls`` in the ``agendas`` namespace."""

from django.urls import path

from agendas.proposals import home, views

urlpatterns = [
    # "/" is the bodies and meetings for visitors, "My meetings" for members of a body.
    path("", home.home, name="home"),
    path("proposals/", home.my_proposals, name="my_proposals"),
    path("proposals/new/", views.proposal_start, name="proposal_start"),
    path("proposals/queue/", home.proposal_queue, name="proposal_queue"),
    path("proposals/decisions/", home.proposal_decisions, name="proposal_decisions"),
    path("proposals/annexes/<int:pk>/", views.proposal_annex, name="proposal_annex"),
    path(
        "proposals/annexes/<int:pk>/remove/",
        views.proposal_annex_remove,
        name="proposal_annex_remove",
    ),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/preview/", views.proposal_preview, name="proposal_preview"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/consider/", views.proposal_consider, name="proposal_consider"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="proposal_withdraw"),
    path("proposals/<int:pk>/return/", views.proposal_return, name="proposal_return"),
    path("proposals/<int:pk>/delete/", views.proposal_delete, name="proposal_delete"),
    path(
        "b/<slug:body>/<int:number>/proposals/new/",
        views.proposal_create,
        name="proposal_create",
    ),
]
