class DocumentsError(Exception):
    """A domain error whose message is a sentence for the person who caused it."""


class InvalidSymbol(DocumentsError):
    pass


class InvalidDocument(DocumentsError):
    pass


class StaleDocument(DocumentsError):
    """The document changed since the form that edits it was opened."""


class PublicationError(DocumentsError):
    pass
