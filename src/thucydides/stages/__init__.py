"""The built-in pipeline stages, one package or module each, in run order:

1. :mod:`.actors` (``actors.gazetteer.v1``): actor mentions;
2. :mod:`.dates` (``dates.dateparser.v1``): date mentions;
3. :mod:`.events` (``events.rules.v1``): event triggers, types and roles;
4. :mod:`.attribution` (``attribution.rules.v1``): who says so, for each event;
5. :mod:`.status` (``status.rules.v1``): asserted, alleged, denied, ... and the event's place and date;
6. :mod:`.learned` (``events.model.v1``): the sentence classifier where the rules found nothing (the rules-only
   pipeline; the default runs :mod:`.extractor`, ``events.learned.v1``, here instead);
7. :mod:`.merge` (``merge.claims.v1``): propositions with their claims;
8. :mod:`.losses` (``losses.rules.v1``): loss claims.

:mod:`.builtin` registers them through the ``register_stages`` plugin hook.
"""
