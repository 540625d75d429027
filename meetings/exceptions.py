class MeetingsError(Exception):
    """A domain error whose message is a sentence for the person who caused it."""


class InvalidSession(MeetingsError):
    pass


class InvalidMeeting(MeetingsError):
    pass


class InvalidToken(MeetingsError):
    pass
