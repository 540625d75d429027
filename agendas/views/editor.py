"""The agenda: public page, staff editor, issue revision, diff, adopt. (Being built.)"""

urlpatterns: list = []
