"""The one error a reader raises for input it cannot read."""


class ReadError(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
