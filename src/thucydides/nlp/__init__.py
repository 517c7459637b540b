"""Language processing shared by the stages: parsing (:mod:`.parse`), the spaCy types (:mod:`.types`) and
every word list that more than one stage uses (:mod:`.words`)."""
