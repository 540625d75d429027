from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from meetings import selectors


@login_required
def my_roles(request):
    memberships = list(selectors.memberships_of(user=request.user))
    return render(request, "registration/my_roles.html", {"memberships": memberships})
