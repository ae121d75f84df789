"""Errors a user sees: each names the file and the reason."""


class VanbanError(Exception):
    """A document that could not be parsed at all. str() is the user's message."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(VanbanError):
    pass


class EmptyDocument(VanbanError):
    pass


class MissingTool(VanbanError):
    """A system tool (tesseract, libreoffice) is needed and is not installed."""


class TooLarge(VanbanError):
    """An input over one of the limits of pipeline/limits.py (bytes, characters, unzipped size, pages)."""


class NotADocument(VanbanError):
    """The text is not an administrative document: a web page that quotes one, a wiki page, ..."""
