"""Comparing rasd's events with the reference datasets analysts already use.

``reference`` reads an ACLED export (either taxonomy) or a UCDP GED CSV; ``names`` maps
their types, governorates and countries into rasd's; ``ours`` reads the store's merged
events; ``match`` pairs events one to one; ``report`` computes match rates beside their
chance level (rasd's dates shifted); ``output`` prints and writes them; ``recall`` checks
the deadly reference events that rasd's own sources carried; ``layer`` serves a
reference file on the review page. ``command`` is ``rasd compare``.
"""
