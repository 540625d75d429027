from django.utils.functional import SimpleLazyObject
from django.utils.translation import pgettext

from config.panels import nav_links
from meetings.enums import Role
from meetings.rules import roles_by_body


def roles(request):
    """What the header and navigation need to know about the user's roles.

    Lazy: pages that do not show the navigation pay nothing; the rest pay one query.
    """

    def memberships():
        user = request.user
        if not user.is_authenticated:
            return []
        from meetings.selectors import memberships_of

        return list(memberships_of(user=user))

    def flags():
        by_body = roles_by_body(request.user)
        every = set().union(*by_body.values()) if by_body else set()
        return {
            "any": bool(every),
            "secretariat": Role.SECRETARIAT in every,
            "presiding": bool(every & {Role.CHAIR, Role.VICE_CHAIR}),
            "delegate": Role.DELEGATE in every,
        }

    def role_summary():
        # "Secretariat: CWG-Internet, CWG-WSIS&SDG · Delegate: CWG-Internet (Brazil)"
        grouped: dict[str, list[str]] = {}
        for m in memberships_cache:
            label = m.body.acronym
            if m.member_state_id:
                # Translators: a body and the Member State a delegate represents in it.
                label = pgettext("role summary", "%(body)s (%(state)s)") % {
                    "body": label,
                    "state": m.member_state.name,
                }
            grouped.setdefault(str(m.get_role_display()), []).append(label)
        # Translators: a role and the bodies the user holds it in: "Delegate: CWG-Internet".
        role_bodies = pgettext("role summary", "%(role)s: %(bodies)s")
        return " · ".join(
            role_bodies % {"role": role, "bodies": ", ".join(bodies)}
            for role, bodies in grouped.items()
        )

    memberships_cache = SimpleLazyObject(memberships)
    return {
        "nav_links": SimpleLazyObject(lambda: nav_links(request)),
        "my_memberships": memberships_cache,
        "my_role_summary": SimpleLazyObject(role_summary),
        "my_role_flags": SimpleLazyObject(flags),
    }
