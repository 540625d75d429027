"""Proposals: write, preview, submit, queue, decide, history. (Being built.)"""

urlpatterns: list = []
