"""Compliance checks of the disclosure column (issue 6): what inspectors look for, found before publication."""
