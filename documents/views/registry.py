"""Registry pages: list, search, detail, register, edit. (Being built.)"""

urlpatterns: list = []
