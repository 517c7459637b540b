"""Keyword rules that put an item-level loss row (which names only a model) into a clean category.

Item lists such as the Oryx scrapes carry the model (``"T-72B3 Obr. 2016"``, ``"152mm 2S19 Msta-S"``) but
not the heading it was listed under. The rules below are tried in order; the first match wins; a model no
rule matches is ``"other"`` (and ``thucydides losses problems`` reports how many items that affects by
comparing by-model totals with the by-category daily totals).
"""

from __future__ import annotations

import re

__all__ = ["MODEL_RULES", "category_of_model"]

#: (category, regular expression on the lower-cased model name), tried in order.
MODEL_RULES: tuple[tuple[str, str], ...] = (
    ("atgm", r"\b9m1\d\d|konkurs|fagot|metis|kornet(?!.*(tigr|carrier))|\bkokon|\batgm\b(?! carrier)"),
    ("ugvs", r"\bugv\b|unmanned ground|uran-\d|platforma-m|kurier|marker\b"),
    ("ucavs", r"orion|forpost|mohajer|shahed|bayraktar|\bucav\b|combat aerial"),
    ("recon_uavs", r"\buav\b|orlan|eleron|zala|merlin|supercam|granat|forpost|tachyon|forpost|lancet"
                   r"|\bdrone\b|kub-bla|takhion|\bstrela-1\b|aileron|navodchik|\bpchela\b"),
    ("helicopters", r"helicopter|\bmi-\d|\bka-\d"),
    ("aircraft", r"aircraft|bomber|fighter|\bsu-\d|\bmig-\d|\btu-\d|\bil-\d|\ban-\d|\bbe-\d|\byak-\d|\bl-39"),
    ("submarines", r"submarine"),
    ("naval", r"\bship\b|\bboat\b|corvette|frigate|cruiser|landing craft|tug\b|\bpatrol\b|vessel|\bbdk\b"
              r"|raptor|\bbk-\d|\bproject \d"),
    ("jammers", r"jammer|jamming|deception|zhitel|leer|borisoglebsk|krasukha|pole-21|\br-330|\br-934"
                r"|repellent|silok|\bshipovnik|svet-ku|tirada|rtut|infauna|\blorandit|\bdzudoka|\bbylina"),
    ("radars", r"radar|\b1l\d|zoopark|\bnebo\b|podlet|\bkasta\b|\baistyonok|\bsobolyatnik|\b1rl"),
    ("sam", r"\bsam\b|\bbuk|\btor\b|tor-m|\bs-300|\bs-400|\bs-350|\bosa\b|strela-10|pantsir|\btunguska"
            r"|\b9k3\d|\b9a3\d|\b9a8\d|\b5p85|\btelar|\btlar|\btel\b|\b9s\d|\bsa-\d|\bkub\b|\bkrug\b"),
    ("spaag", r"zsu-23|shilka|\bzu-23.*\b(mt-lb|kamaz|ural|btr|gaz)|(mt-lb|kamaz|ural|btr|gaz).*zu-23"),
    ("aa_guns", r"\bzu-23|\bzpu|\bs-60\b|anti-aircraft gun|\baa gun"),
    ("sp_atgm", r"shturm|khrizantema|kornet.*(tigr|carrier)|\b9p1[45]\d|atgm carrier"),
    ("rocket_artillery", r"\bbm-\d|grad|uragan|smerch|tornado|tos-1|\bmrl\b|rocket launcher|\b9p1\d\d|\biskander"
                         r"|\b9k7\d|\b9t\d|\btzm|\bsolntsepyok|\bbm-21|\bmlrs"),
    ("sp_artillery", r"\b2s\d|akatsiya|gvozdika|msta-s|tyulpan|\bnona\b|\bhyacinth|giatsint-s|\bpion\b|malka"
                     r"|koalitsiya|\bmsta-sm|\bspg\b|self-propelled"),
    ("towed_artillery", r"howitzer|field-gun|field gun|\bd-\d\d\b|\bd-30|\b2a\d\d|\b2b\d|\bmt-12|\brapira"
                        r"|\bmortar|\bgun\b|towed artillery|\bm-46\b|\bgiatsint-b|\bmsta-b|\bd-20|\b2s12|\bsani\b"),
    ("artillery_support", r"fire direction|fire control|forward observer|\b1v1\d|artillery (support|command)"
                          r"|reconnaissance vehicle|\bprp-\d|\bsnar-\d|\b1v\d"),
    ("command_comms", r"command|communication|signals|\br-1\d\d|\br-4\d\d|\bshtabnaya|\bkshm|\bp-\d\d\d"
                      r"|relay|satellite|\bstation\b"),
    ("engineering", r"engineer|recovery|bridge|pontoon|mine|\bimr|\bbrem|\bbat-\d|\bpts\b|\bpts-\d|excavator"
                    r"|\bmtu|\bur-77|\bgmz|\bpzm|\bbulldozer|minelayer|demining|\btmm|\bpmp\b|\bpp-\d|\bbmk"
                    r"|\bmdk|\btraw|\bkmt|decontamination|\btzm-t|\bpmm|\bpontoon|\bobstacle|\bbgs\b|crane"
                    r"|\bkrot\b|tracked amphibious"),
    ("tanks", r"\btank\b|\bt-\d\d|\bt-\d\d\d|\bt-54|\bt-55|\bt-62|\bt-64|\bt-72|\bt-80|\bt-90|\bleopard|\bpt-91"
              r"|\bchallenger|\babrams|\bm1a1"),
    ("ifvs", r"\bbmp|\bifv\b|\bbradley|\bmarder|\bcv90|\bbtr-3e"),
    ("mraps", r"\bmrap\b|typhoon|taifun|\bk-53949|\bk-4386|\bmaxxpro|\bcougar|\bkirpi|\bvpk-3927|\bremdiesel"
              r"|\bakhmat|\bspartan|\bvolk\b|\bbogdan|\bvarta|\bkozak"),
    ("imvs", r"\btigr|\bgaz-2330|\blinza|\blmv|\blynx|\brys\b|\biveco|\bhumvee|\bhmmwv|\bmastiff|\bvystrel"
             r"|\bdozor|\bpatrol vehicle|\bz-sts|\bimv\b|\bamn-\d"),
    ("afvs", r"\bafv\b|\bbmd|\bmt-lb|\bbrm|\bbrdm|\bbtr-mdm|\brakushka|\bbtr-d\b|\bbtr-zd|\bbmo"),
    ("apcs", r"\bbtr|\bapc\b|\bm113|armoured|armored"),
    ("logistics_trains", r"\btrain\b|locomotive|\bwagon"),
    ("trucks", r"truck|\bkamaz|\bural|\bgaz|\buaz|\bzil|\bkraz|\bmaz|\bvan\b|\bjeep|\bcar\b|\bbus\b|tanker"
               r"|vehicle|\bpickup|\bquad\b|\bmotorcycle|\bvityaz|\bdt-\d|\btrailer|\bsupply"),
)

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple((c, re.compile(p)) for c, p in MODEL_RULES)


def category_of_model(model: str) -> str:
    """The clean category of a model name by the first matching rule, or ``"other"``.

    >>> category_of_model("T-90M"), category_of_model("152mm 2S19 Msta-S"), category_of_model("Ural-4320")
    ('tanks', 'sp_artillery', 'trucks')
    """
    text = model.lower()
    for category, pattern in _COMPILED:
        if pattern.search(text):
            return category
    return "other"
