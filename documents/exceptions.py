class DocumentsError(Exception):
    """A domain error whose message is a sentence for the person who caused it."""


class InvalidSymbol(DocumentsError):
    pass


class InvalidDocument(DocumentsError):
    pass


class PublicationError(DocumentsError):
    pass
