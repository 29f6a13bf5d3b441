"""Importers: read document collections kept elsewhere into the disclosure model.

Plain Python with no MkDocs import. An importer never drops input silently:
whatever it cannot use is returned with the reason, for the caller to report.
"""
