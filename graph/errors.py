"""The one base class of the errors a user can fix (bad input, a missing graph, a bad query).

The command line reports any `KgError` as one `Error: …` line, never as a traceback;
each stage raises its own subclass so that library callers can tell them apart.
"""

from __future__ import annotations


class KgError(Exception):
    """A problem the user can fix, told in one line naming what and where."""
