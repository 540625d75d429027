"""Publication as PDF: publish, state (htmx polling), retry, download. (Being built.)"""

urlpatterns: list = []
