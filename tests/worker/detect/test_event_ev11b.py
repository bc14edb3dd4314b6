"""Mechanisms read from the missed pairs across languages of every dev file in round 11 (branch
issue-ev11b). Each title or excerpt is of a report of bench/data/events/ (its id in a comment;
source in bench/data/events/PROVENANCE.md under it); the pairs are in
tests/data/events/ev11b_cases.toml."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    _hindi_future,
    _skeleton,
    mentioned_people,
    nouns_agree,
    report_features,
)
from worker.detect.outcomes import outcome_kinds
from worker.service.seeds import load_roster

ROSTER = load_roster()


def test_names_in_indic_scripts_and_greek_read_by_their_consonants() -> None:
    # sarkozy-verdict-janatasamachar (Hindi: Sarkozy's z written ज), pope-francis-death-rvasia-hi
    # (Hindi), ishiba-resigns-epratibha-te (Telugu: the Indic blocks share one layout),
    # london-summit-real-gr (Greek)
    assert _skeleton("सरकोजी") == _skeleton("Sarkozy") == _skeleton("ساركوزي")
    assert _skeleton("फ्रांसिस") == _skeleton("Francis")
    assert _skeleton("షిగేరు") == _skeleton("Shigeru")
    assert _skeleton("Λονδίνο") == _skeleton("London")
    # (μπ and ντ are b and d at a word's start or after a consonant, mb and nd after a vowel)
    assert _skeleton("Ντόναλντ") == _skeleton("Donald")
    assert _skeleton("Τραμπ") == _skeleton("Trump")


def test_a_hindi_lead_names_whom_a_title_in_letters_names() -> None:
    # pope-francis-death-rvasia-hi (Radio Veritas Asia, Hindi; the page gives no title),
    # pope-francis-death-klif (KLIF)
    hi = report_features(
        "",
        "ईस्टर सोमवार को सुबह 9:45 बजे, कार्डिनल केविन फैरेल, कैमरलेंगो ऑफ द एपोस्टोलिक चैंबर ने "
        "कासा सांता मार्टा से पोप फ्रांसिस की मृत्यु की घोषणा की",
        date(2025, 4, 21),
        ROSTER,
    )
    en = report_features(
        "Pope Francis Dies at 88: Cardinal Kevin Farrell to Lead Catholic Church During Transition",
        "DALLAS – Pope Francis, the 266th Bishop of Rome and sovereign of Vatican City, passed "
        "away on Easter Monday at the age of 88.",
        date(2025, 4, 21),
        ROSTER,
    )
    assert hi.kinds == ("death",)
    assert nouns_agree(hi, en) and nouns_agree(en, hi)
    # (another language's ending: Francesco, one consonant more)
    it = report_features(
        "Papa Francesco è morto: l’annuncio del cardinale Farrell", "", date(2025, 4, 21), ROSTER
    )
    assert nouns_agree(hi, it)
    # (an Indic title spelling no name of the other's agrees with nothing)
    te = report_features("జపాన్ ప్రధాని రాజీనామా", "", date(2025, 9, 8), ROSTER)
    assert not nouns_agree(te, en)


def test_two_short_words_of_one_name_are_read_together() -> None:
    # raisi-death-jaljulia (جلجولية نت), raisi-death-dnaindia (DNA India): "ابراهيم" and "رئيسي"
    # are three and two consonants, too few alone, "brmrs" together
    ar = report_features(
        "وفاة الرئيس الايراني ابراهيم رئيسي وعبد اللهيان في تحطم المروحية", "", date(2024, 5, 20)
    )
    en = report_features(
        "Iran President Ebrahim Raisi dead after rescuers find 'no survivors' at helicopter crash "
        "site",
        "",
        date(2024, 5, 20),
    )
    assert "brmrs" in ar.skeletons & en.skeletons
    assert nouns_agree(ar, en)


def test_the_outcome_table_reads_hindi_telugu_and_an_arabic_sentence() -> None:
    # sarkozy-verdict-janatasamachar, ishiba-resigns-epratibha-te, sarkozy-verdict-lebanos
    title = "लीबिया कैंपेन केस में फंसे फ्रांस के पूर्व राष्ट्रपति निकोलस सरकोजी हुई 5 साल की जेल"
    assert outcome_kinds(title, "") == ("verdict",)
    assert outcome_kinds("జపాన్ ప్రధాని రాజీనామా", "") == ("resignation",)
    assert outcome_kinds("بسبب القذافي.. الحكم بسجن ساركوزي 5 سنوات", "") == ("verdict",)


def test_a_hindi_clause_ending_in_the_future_is_a_preview() -> None:
    # alone-chandrayaan3-preview-aajtak (Aaj Tak), published the day of the landing
    lead = (
        "'चंद्रयान-3' चंद्रमा के साउथ पोल रीजन में लैंड करेगा...यहां अभी तक कोई देश नहीं पहुंचा "
        "है...अगर चंद्रयान-3 की सफल लैंडिंग होती है, तो भारत साउथ पोल पर पहुंचने वाला पहला देश बन "
        "जाएगा..."
    )
    assert _hindi_future(lead)
    assert report_features("", lead, date(2023, 8, 23), ROSTER).ahead
    # (the death announced, a past: pope-francis-death-rvasia-hi)
    assert not _hindi_future('पोप फ्रांसिस की मृत्यु की घोषणा की: "प्रिय भाइयों और बहनों')
    # (what was said, before कि, is the main clause)
    assert not _hindi_future("प्रधानमंत्री ने कहा कि भारत चंद्रमा पर उतरेगा।")
    # (a noun ending in -गी is no future)
    assert not _hindi_future("यह उसकी ज़िंदगी।")


def test_roster_people_in_greek_and_telugu_are_found_by_their_consonants() -> None:
    # london-summit-real-gr (real.gr), ishiba-resigns-epratibha-te (ePratibha, Telugu)
    greek = (
        "Στο Λάνσκαστερ Χάους, υποδέχτηκε ο Κιρ Στάρμερ 15 ηγέτες που προσήλθαν στη σύνοδο για "
        "την Ουκρανία και την ασφάλεια στην Ευρώπη."
    )
    assert mentioned_people(greek, ROSTER) == ("keirstarmer",)
    telugu = "జపాన్ ప్రధాని షిగేరు ఇషిబా తన పదవికి రాజీనామా చేస్తున్నట్లు 2025, సెప్టెంబరు 7న ప్రకటించారు."
    assert mentioned_people(telugu, ROSTER) == ("shigeruishiba",)
    # (a name of the roster not written there is not found: the Arabic report of the state
    # banquet, d9-charles-italy-banquet-khaleej-ar, names no one the roster spells so)
    arabic = "حضر الملك تشارلز الثالث والملكة كاميلا عشاءًا حكوميًا استضافه الرئيس سيرجيو ماتاريلا"
    assert mentioned_people(arabic, ROSTER) == ()
