"""The disclosure domain: catalog, documents, the published site model.

Plain Python with no MkDocs import, so that the rules stay testable on their
own and a later port to another site generator touches only the adapters.
"""
