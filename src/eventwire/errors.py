"""Errors a user can act on: the CLI prints them as one line and exits non-zero."""


class UserError(Exception):
    """A problem with the user's input or options, explained in one line."""
