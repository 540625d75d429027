from django.urls import include, path

from agendas.views import actions, editor, others, pages, paste

app_name = "agendas"

_agenda = "b/<slug:body>/<int:number>/agenda/"
_items = f"{_agenda}edit/items/"
urlpatterns = [
    # the public pages
    path(_agenda, pages.agenda_page, name="agenda"),
    path(f"{_agenda}rev/<int:rev>/", pages.revision_detail, name="agenda_revision"),
    path(f"{_agenda}diff/", pages.revision_diff_page, name="agenda_diff"),
    # the meeting's other agendas (committee, daily, time-management plan), by their id
    path(f"{_agenda}<int:agenda_id>/", others.other_agenda_page, name="other_agenda"),
    # issue and adopt
    path(f"{_agenda}issue/", actions.issue, name="agenda_issue"),
    path(f"{_agenda}adopt/", actions.adopt, name="agenda_adopt"),
    # the editor and its htmx endpoints
    path(f"{_agenda}create/", editor.agenda_create, name="agenda_create"),
    path(f"{_agenda}edit/", editor.editor, name="agenda_editor"),
    path(f"{_agenda}edit/tree/", editor.editor_tree, name="agenda_tree"),
    path(f"{_agenda}edit/fixed/", editor.fixed_items_add, name="agenda_fixed_items_add"),
    path(f"{_agenda}edit/paste/", paste.paste, name="agenda_paste"),
    path(f"{_agenda}edit/numbering/", paste.numbering, name="agenda_numbering"),
    path(f"{_agenda}edit/search/", editor.document_search, name="agenda_document_search"),
    path(f"{_items}add/", editor.item_add, name="agenda_item_add"),
    path(f"{_items}<int:item>/", editor.item_edit, name="agenda_item_edit"),
    path(f"{_items}<int:item>/delete/", editor.item_delete, name="agenda_item_delete"),
    path(f"{_items}<int:item>/move/", editor.item_move, name="agenda_item_move"),
    path(f"{_items}<int:item>/documents/", editor.allocation_add, name="agenda_allocation_add"),
    path(
        f"{_items}<int:item>/documents/<int:document>/remove/",
        editor.allocation_remove,
        name="agenda_allocation_remove",
    ),
    # The proposals' routes keep their names in this namespace (agendas:proposal_detail).
    path("", include("agendas.proposals.urls")),
    path("", include("agendas.decisions.urls")),
]
