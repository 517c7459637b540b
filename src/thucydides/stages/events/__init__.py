"""The event stage ``events.rules.v1``: triggers (:mod:`.lexicon`), detection and typing (:mod:`.detect`)
and roles (:mod:`.roles`)."""
