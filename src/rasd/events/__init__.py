"""Event assembly: analysed articles to ACLED-coded events (``assemble``), one module per
family of named rules. See ``rasd.events.assemble`` for the order they run in."""
