"""Roles of German name lists: the clause, not the word order, decides.

German puts the finite verb second and its participle or particle last ("Steinmeier hat den
Präsidenten Niinistö empfangen", "Kretschmer nahm gemeinsam mit Scholz am Festakt teil",
"Als Festrednerin sprach die Bürgerrechtlerin Marianne Birthler"), so a list's verb may
stand before it, after it, or both. Here a list takes the roles of the cue words anywhere in
its clause (tables in `role_cues.DE_CLAUSE_CUES`): the subject's role when the list is in the
nominative, the object's role when an accusative or dative article or "mit" stands before it
("empfing den Präsidenten X": X attends, the host chairs). A negation in the clause cancels.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

from worker.detect import role_cues as cues
from worker.detect.model import Role

# Where a clause ends: sentence punctuation, a dash, or a comma before a subordinating word.
_CLAUSE_END = re.compile(
    # a colon before a quote or a new clause ("begrüßen die Gäste, allen voran X: „Es ist ...")
    r";\s|:\s+(?=[„“\x22»«]|[A-ZÄÖÜ][a-zäöüß]+\s+[A-Za-zäöüß])|\s[–—]\s|\s-\s"
    # a dateline's agency in brackets, the dash glued to it: "BERLIN (Dow Jones)--Bundeskanzler
    # X hat ..." (de-t14e01): the agency is no part of the lead's subject
    r"|\)(?:--|[–—]|-(?=\s))"
    # a separable verb's particle ends its clause: "führten A und B durch, vom ... nahm X teil"
    r"|,(?:(?<=\steil,)|(?<=\sdurch,)|(?<=\sfest,)|(?<=\sstatt,)|(?<=\szurück,)|(?<=\sentgegen,)|(?<=\svorbei,)|(?<=\sbekannt,))\s"
    r"|,\s+(?=(?:dass|weil|während|als(?!\s+[A-ZÄÖÜ][^,.;]{0,80},)|nachdem|bevor|wenn|ob|wobei|da|um|wo"
    r"|sagte|sagten|erklärte|betonte|berichtete|teilte|hieß|so|gab|meldete|schrieb"
    # a pronoun subject, then its verb: "sprach X über ..., sie verknüpfte ... mit ..."
    r"|(?:er|sie|wir|ich)\s+[a-zäöüß]+"
    # (not an apposition, which ends on a noun and a comma: "nahm Beate Merk, die bayerische
    # Staatsministerin für Europaangelegenheiten, an dem Festakt teil")
    r"|(?:die|der|das)\b(?!\s+(?:[A-ZÄÖÜ][\w.-]*\s+|[a-zäöüß]+\s+){0,10}[A-ZÄÖÜ][\w.-]*\s*,)"
    r"|deren|dessen|welche[rsmn]?|bei\s+dem|an\s+dem|zu\s+dem|in\s+dem|bevor"
    # a relative clause after a preposition, its verb last: "im Rahmen der Versammlung, zu der
    # Vorsitzender X ... auch Ortsvorsteher Y begrüßen konnte"
    r"|(?:zu|bei|an|auf)\s+(?:der|denen))\b"
    # a fronted subordinate clause ends at the comma before the main clause's verb: "Nachdem
    # ... gedacht wurde, übernahm X die Versammlungsleitung" (not an ordinal or a participle
    # before a noun: ", erste Vorsitzende X", ", geehrte Gäste"; in the one lookahead after
    # the comma: a second ",\s+" alternative was tried at every comma again)
    r"|(?!(?:ers|zwei|drit|vier|fünf|sechs|sieb|ach|neun|zehn|letz|nächs|bes|meis|höchs"
    r"|größ|jüngs|ältes)ten?\b)(?!ge)[a-zäöüß]{2,}(?:te|ten)\s+[A-ZÄÖÜ]"
    r"|(?:übernahm|übernahmen|hielt|hielten|sprach|sprachen|nahm|nahmen|traf|trafen|empfing"
    r"|empfingen|kam|kamen|war|waren|begann|begannen)\s)"
)
_NEGATION = re.compile(
    # Round 13: the same words and matches as `\b(?:nicht|kein|...)\b` written as a branch per
    # first letter, the word's start asked behind it (`(?<!\w.)`): a pattern opening with
    # letters is searched for by them, one opening with `\b` is tried at every position.
    # not "nicht nur ... sondern"
    r"n(?<!\w.)(?:icht\b(?!\s+nur\b)(?!\s+als\s+einzige[rs]?\b)|(?:ie|iemals)\b)"
    # opening a sentence or a heading: "Nicht anwesend: A, B" (de-r10v05, round 14)
    r"|N(?<!\w.)(?:icht\b(?!\s+(?:nur|zuletzt)\b)|(?:ie|iemals)\b)"
    r"|k(?<!\w.)(?:(?:ein|eine|einen)\b|(?:önnte|önnten|äme|ämen)\b)"
    # a modal: what should or would happen has not ("hatte X vertreten sollen"); a condition
    # ("Käme es zu einem Treffen mit X, wäre ...", none-t10z04)
    r"|K(?<!\w.)(?:äme|ämen)\b"
    r"|s(?<!\w.)(?:ollen|ollte|ollten|oll)\b"
    r"|w(?<!\w.)(?:ürde|ürden|ollte|ollten|ill|ollen)\b"
    r"|m(?<!\w.)(?:öchte|öchten)\b"
)
# Called off ("Gabriel sagt Treffen mit Lawrow ... ab", "wurde abgesagt") or still to come,
# told in the present ("In zwei Wochen empfängt X", "nächste Woche"): searched only in a
# clause holding one of _NOT_YET_WORDS.
_NOT_YET = re.compile(
    r"\babgesagt\b|\b(?:sagt|sagte|sagten|sagen)\b[^;,]{0,100}\bab\s*[.!]?\s*$"
    r"|\b[Ii]n\s+(?:zwei|drei|vier|fünf|wenigen|einigen|\d+)\s+(?:Tagen|Wochen|Monaten)\b"
    # on the programme still: "Am Abend steht für Merkel ein Abendessen mit X an"
    r"|\b(?:steht|stehen)\b[^;,]{0,120}\ban\s*[.!]?\s*$"
    # "Für X stehen zudem Treffen mit A, B und C am Tagesprogramm", "auf dem Programm"
    r"|\b(?:steht|stehen)\b[^;]{0,200}\b(?:am|auf\s+dem)\s+(?:Tages)?[Pp]rogramm\b"
    r"|\b(?:[Aa]m|[Aa]uf\s+dem)\s+(?:Tages)?[Pp]rogramm\s+(?:steht|stehen)\b"
    # (round 17) the same on the agenda: "Ebenfalls auf der Agenda stehen Treffen mit A, B und
    # C" (de-t16g18); a meeting planned or put off: "Nehammer plant ein Treffen mit dem
    # Präsidenten der Ukraine, X" (de-t16g17), "Das ... geplante Treffen ... mit Bundeskanzler X
    # wird auf nächsten Dienstag verschoben" (none-d901), "verschoben wurde ... der ... geplante
    # Offizielle Besuch der ... Präsidentin X" (none_zh-t809)
    r"|\b(?:steht|stehen)\b[^;]{0,200}\bauf\s+der\s+Agenda\b"
    r"|\b[Aa]uf\s+der\s+Agenda\s+(?:steht|stehen)\b"
    r"|\b(?:plant|planen|plante|planten)\b[^;,]{0,60}?\b(?:Treffen|Besuch|Gespräch|Gespräche)\b"
    r"|\bverschoben\b"
    # an item of the programme ("Erster Programmpunkt ist ... ein Treffen mit X", none-t10z03)
    r"|\bProgrammpunkt(?:e)?\b"
    r"|\b(?:nächste[nrs]?|kommende[nrs]?|übernächste[nrs]?)\s+(?:Woche|Monat|Jahr|Montag|Dienstag"
    r"|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende)\b|\bübermorgen\b"
    # (round 22, de22) tomorrow: "Am morgigen Freitag findet ... unter dem Vorsitz von X
    # statt", "kommt am morgigen Donnerstag zu seinem Antrittsbesuch" (not "heute morgen",
    # this morning; not the noun "Morgen")
    r"|\bmorgig\w*|(?<!heute\s)(?<!gestern\s)\bmorgen\b"
)
_NOT_YET_WORDS = (
    "abgesagt",
    " ab",
    "Tagen",
    "Wochen",
    "Monaten",
    "nächste",
    "kommende",
    "morg",
    "steh",
    "rogramm",
    "plan",
    "verschoben",
)
# A programme told in the present: what an announcement says will happen ("beginnt der
# Festakt um 16.30 Uhr mit der Begrüßung durch X", "folgt die Festrede durch Y", "Höhepunkt
# ist die Festrede von Z", "Hauptredner sind A und B", "Dort wird er von X begrüßt",
# "Moderiert wird der Abend von Y"). A report tells these in the past ("begann", "folgte").
_PROGRAMME = re.compile(
    r"\b(?:beginnt|beginnen|folgt|folgen|endet|startet)\b|\bHöhepunkt\s+(?:ist|bildet)\b"
    r"|\b(?:Haupt|Fest|Gast)?[Rr]edner(?:in|innen)?\s+(?:ist|sind)\b"
    r"|\b(?:wird|werden)\b[^;]{0,120}\b(?:begrüßt|begrüsst|empfangen|moderiert|geleitet"
    r"|eröffnet)\b|\b(?:Moderiert|Geleitet|Eröffnet|Begrüßt|Begrüsst|Empfangen)\s+(?:wird|werden)\b"
)
_PROGRAMME_WORDS = ("beginn", "folg", "endet", "startet", "Höhepunkt", "edner", "wird", "werden")


# A transcript's speaker label with a title or its abbreviation and a surname, as the federal
# government's transcripts write them ("MP Laschet: Meine Damen und Herren, ...", "BK'in
# Merkel: ...", "StS Seibert: Ich habe ...": de-t10z23, z24, z25): the speaker spoke.
_SPEAKER_LABEL = re.compile(
    r"(?:MP|MPin|BK|BK['’]in|BKin|StS|StSin|StM|StMin|BM|BMin|BPr|RBM|OB|OBin|Bgm"
    r"|Bundeskanzler(?:in)?|Ministerpräsident(?:in)?|Staatssekretär(?:in)?|Minister(?:in)?"
    r"|Bundes(?:außen)?minister(?:in)?|Regierungssprecher(?:in)?|Bürgermeister(?:in)?"
    r"|Oberbürgermeister(?:in)?|Vorsitzende[r]?)\s+((?:[A-ZÄÖÜ][a-zäöüß'’-]+\s+)?"
    r"(?:von\s+(?:der\s+)?)?[A-ZÄÖÜ][a-zäöüß'’-]+):\s+[A-ZÄÖÜ„\"]"
)


def speaker_label(paragraph: str) -> str | None:
    """The speaker a transcript's paragraph opens with, after a title ("MP Laschet: Meine
    Damen und Herren"), in a paragraph of full sentences."""
    if paragraph.rstrip()[-1:] not in (".", "!", "?", "“", '"', "…", ":"):
        return None
    m = _SPEAKER_LABEL.match(paragraph.lstrip())
    return m.group(1) if m else None


def not_yet(sentence: str) -> bool:
    """Whether a German sentence tells an occasion still to come by a word of its time
    ("am morgigen Freitag", "nächste Woche", "in zwei Wochen") or a plan (`_NOT_YET`)."""
    return any(w in sentence for w in _NOT_YET_WORDS) and _NOT_YET.search(sentence) is not None


def preview(sentence: str) -> bool:
    """Whether a German sentence tells only what is still to come or might be: its future
    ("wird ... begrüßen", "werden ... sprechen"), a programme in the present, a plan, a
    condition ("Käme es zu einem Treffen"). people.extract_people gives the learned model
    no names of such a sentence (none-t10z01 to z06: it added the guests of announced visits);
    the rules read each list's own clause (`_unreal`)."""
    if future(sentence):
        return True
    if (
        ("wird" in sentence or "werden" in sentence)
        and (later := _FUTURE_ANY.search(sentence))
        and _PAST_FINITE.search(sentence) is None
        and _ANNOUNCED_SPEECH.search(later.group()) is None
    ):
        return True  # any infinitive closing it, as `_unreal` reads (round 18: "wird ... mit X
        # zusammentreffen", none-t17g02; an announced speech keeps its speaker, de-r315)
    if any(w in sentence for w in _NOT_YET_WORDS) and _NOT_YET.search(sentence):
        return True
    if ("ämen" in sentence or "äme " in sentence) and _CONDITION.search(sentence):
        return True
    if "eingeladen" in sentence and _INVITED_NOW.search(sentence):
        return True
    if "eladen" in sentence and _INVITED_ONLY.search(sentence):
        return True  # (round 19) invited only: the model adds none of its guests (de-t18g35)
    if ("am " in sentence or "Uhr" in sentence) and _present_dated(sentence):
        return True
    if ("ittag" in sentence or "Abend" in sentence) and _present_part_of_day(sentence):
        return True
    return programme(sentence)


def future(sentence: str) -> bool:
    """Whether a German sentence tells its occasion in the future ("wird ... empfangen",
    "werden ... sprechen")."""
    return ("wird" in sentence or "werde" in sentence) and _FUTURE.search(sentence) is not None


_CONDITION = re.compile(r"\b[Kk]ämen?\s+(?:es|sie|er)\b")


def programme(sentence: str) -> bool:
    """Whether a German sentence tells a programme in the present: nobody has a role yet."""
    for word in _PROGRAMME_WORDS:  # (a loop: no generator per sentence, round 19)
        if word in sentence:
            return _PROGRAMME.search(sentence) is not None
    return False


# Invited, told as a state ("waren ... eingeladen"): who invited is not said, nor who came.
_INVITED_ONLY = re.compile(
    r"\b(?:war|waren|ist|sind)\b[^;]{0,200}?\beingeladen\s*[.!]?\s*$"
    # (round 19) the same in a subordinate clause, and fronted: "ein Staatsbankett ..., zu dem
    # neben Spitzenpolitikern wie A, B ... auch Prominente wie C geladen waren" (de-t18g35);
    # "Eingeladen sind 135 Gäste aus Politik, Wirtschaft und Gesellschaft. Darunter A, B, C"
    # (de-t18g32, the same banquet in another outlet)
    r"|\b(?:ein)?geladen\s+(?:war|waren|ist|sind)\s*[.!]?\s*$"
    r"|^\W*(?:Ein)?[Gg]eladen\s+(?:sind|waren|wurden)\b"
)
# Round 18: the invitation told in the present perfect, the sentence ending on it: the occasion
# is still to come, nobody has a role yet ("Bundeskanzler X hat CDU-Chef Y ... zu einem Gespräch
# am Freitagabend eingeladen", none-r17v03, round 33; "Bundespräsident X hat die Parteichefs ...
# zu einem gemeinsamen Gespräch eingeladen", none-t17g01, round 32; "Für den Abend hat
# Bundeskanzlerin X Präsident Y zum Bankett ... eingeladen", none-t10z01, -z02, round 18). Not
# the pluperfect, which tells what led up to the occasion reported ("hatte Bürgermeister X ...
# zu einem Senatsfrühstück ... eingeladen", de-t13z25: host and guests labelled).
_INVITED_NOW = re.compile(r"\b(?:hat|haben)\b[^;]{0,250}?\beingeladen\s*[.!]?\s*$")
# Planned, in the list's stretch between commas: "ist auch ein Gespräch mit X vorgesehen".
# (round 20, ppl20) fronted too, capitalised: "Vorgesehen ist ein Gespräch mit dem bayerischen
# Ministerpräsidenten X" (none-t19g05); over the earlier rounds the fronted form stands in 3
# sentences, none with a labelled name.
_PLANNED = re.compile(r"\b(?:[Vv]orgesehen|[Gg]eplant)\b")
# The future: "Die Sitzung wird X leiten", and in reported speech "Zunächst werde X mit Y
# sprechen" (searched only in a clause holding "wird"/"werde").
_FUTURE = re.compile(
    # (the clause may be long: "wird am 19. Juni 2013 um 11:00 Uhr den Präsidenten der
    # Vereinigten Staaten von Amerika, Barack Obama, im Bundeskanzleramt begrüßen", none-t10z01)
    r"\b(?:wird|werden|werde)\b[^;]{0,200}\b(?:teilnehmen|leiten|eröffnen|empfangen|begrüßen"
    r"|sprechen|treffen|halten|moderieren|besuchen|begleiten)(?:\s*[.!?]?\s*$|,\s)"
    # a subordinate clause: "während X ... zusammenkommen und ... halten wird"
    r"|\b(?:teilnehmen|leiten|eröffnen|sprechen|treffen|halten|moderieren|besuchen|begleiten"
    r"|zusammenkommen|kommen|reisen)\s+(?:wird|werden|werde)\b"
)
# Round 15: a future's "wird"/"werden" and any infinitive closing the sentence, no agent
# between (a passive's "von X begleitet" is told as it happens): "Merkel wird am 19. Juni ...
# eröffnen", "Am Montag werden A und B ... zusammentreffen" (searched as `_FUTURE` is, in a
# sentence with no past finite verb in the list's clause). A speech announced keeps its
# speaker: "wird Oberbürgermeister X in einer kurzweiligen Rede auf ... eingehen" (de-r315).
_FUTURE_ANY = re.compile(
    r"\b(?:wird|werden)\b(?:(?!\b(?:von|vom|durch)\b)[^;]){0,200}"
    r"\b(?!ge|(?:wurden|worden|waren|hatten|wären|hätten|konnten|sollten|wollten|mussten)\b)"
    r"[a-zäöüß]{3,}(?:en|ern|eln)\s*[.!?]?\s*$"
)
# (named apart from the speech nouns below, which once shadowed it: round 18, fp18)
_ANNOUNCED_SPEECH = re.compile(r"(?:Rede|Ansprache|Grußwort|Festrede|Vortrag)\b")
# Directly before a list (past its titles): the list is an object.
# (not past the finite verb: "Durch die Versammlung mit insgesamt 16 Tagesordnungspunkten
# führte der Vorsitzende X" fronts the phrase, X after the verb is its subject)
_OBJECT_BEFORE = re.compile(
    r"\b(?:den|dem|einen|einem|seinen|seinem|ihren|ihrem|unseren|unserem|mit)\s+"
    r"(?:[^\s.;:]+,?\s+){0,8}$"
)
# (round 19) whom a greeting was for: "Sein besonderer Gruß galt, neben Kreisbrandrat X und
# KBM Y, den Kommandanten ..." (de-t18g14; "Sein besonderer Gruß galt den Ehrenmitgliedern und
# ... unserem ehemaligen Vorsitzenden X", de-d901, round 15: the greeted attend). Searched only
# in a lead holding "galt" (an alternative of `_OBJECT_BEFORE` was tried at every position).
_GREETING_FOR = re.compile(r"\b(?:galt|galten),?\s+(?:neben\s+)?(?:[^\s.;:]+,?\s+){0,3}$")
_FRONTED_VERB = re.compile(
    r"\b(?:führte|führten|leitete|leiteten|hielt|hielten|eröffnete|eröffneten|moderierte"
    r"|moderierten|sprach|sprachen|referierte|zelebrierte|zelebrierten)\s"
)


# A greeting's infinitive with "zu" after the list: the list is what is greeted, the infinitive
# having no subject of its own ("eine Ehre, König Philippe und Königin Mathilde heute in der
# Hofburg begrüßen zu dürfen", de-t806; "freuten sich, X im Landtag zu begrüßen").
_GREETED_INFINITIVE = re.compile(
    r"[^,;:.!?„“”]{0,80}?\b(?:(?:begrüßen|begrüssen|empfangen|willkommen\s+heißen)\s+zu\s+"
    r"(?:dürfen|können)|zu\s+(?:begrüßen|begrüssen|empfangen))\b"
)


def _object_before(lead: str) -> bool:
    """Whether an object's article or "mit" stands right before the list, no finite verb
    between (the lookahead inside the repeat was a tenth of German's cost: searched after)."""
    if "galt" in lead and _GREETING_FOR.search(lead, len(lead) - 80):
        return True
    m = _OBJECT_BEFORE.search(lead)
    while m is not None:
        verb = _FRONTED_VERB.search(lead, m.start(), m.end())
        if verb is None:
            return True
        m = _OBJECT_BEFORE.search(lead, verb.end())
    return False


# A fronted object, then the verb, then the subject (German V2): "Den Vorsitz führte X",
# "Die Festrede hielt X", "Das Grußwort sprach X".
_FRONTED_OBJECT = re.compile(
    r"^\s*(?:Den|Dem|Die|Das|Eine[nm]?|Ein)\s+(?:[\wäöüß-]+\s+){1,3}?"
    r"(?:führte|führten|hatte|hatten|hielt|hielten|übernahm|übernahmen|leitete|leiteten|eröffnete"
    r"|eröffneten|sprach|sprachen|moderierte|moderierten|gab|gaben)\s+(?:[\wäöüß.-]+\s+){0,4}$"
)
# "An dem Empfang nehmen X teil": the article of a prepositional phrase marks no object.
_PREPOSITIONAL = re.compile(
    r"\b(?i:an|in|bei|auf|zu|vor|nach|aus|über|unter|hinter|neben|außer)\s+"
    r"(?:dem|den|der|einem|seinem|ihrem|seinen|ihren)\s+\S+(?:\s+(?:des|der)\s+\S+)?"
    # "Mit einem öffentlichen Empfang begrüßte X": an instrument, not a companion
    r"|\b(?i:mit)\s+(?:einem|einer)\s+(?:[a-zäöüß-]+\s+)?[A-ZÄÖÜ]\S*"
)
_OBJECT_INSIDE = re.compile(r"\b(?:den|dem|einen|einem|seinen|seinem|ihren|ihrem)\s")
# "zu dem X eingeladen hatte": a relative pronoun after a preposition, not the list's article.
_RELATIVE = re.compile(r"^\s*(?:zu|an|bei|auf|in|mit|von|über|für)\s+(?:dem|der|den|denen)\s+")
_REPORTER = re.compile(
    r"^\s*(?:sagte|sagten|erklärte|betonte|berichtete|teilte|hieß\s+es|so|gab|meldete|schrieb)\b"
    r"(?!.*\bmit\b)"
)
_OWN_SPEECH = re.compile(
    r"\b(?:in|bei|mit|während)\s+(?:seiner|ihrer|seinem|ihrem|seines|ihres)\s+"
    r"(?:[a-zäöüß]+en\s+)?[\wäöüß-]*(?:[Rr]ede|[Aa]nsprache|Laudatio|Begrüßung|Begrüssung"
    r"|[Gg]rußworts?|[Gg]russworts?"
    # (round 19) a sermon, a chair's yearly report: "so Kardinal X in seiner Predigt" (de-t511,
    # round 8), "betonte X in seinem Jahresbericht" (de-r18v06), "wandte sich Landrat X während
    # seines Grußworts an ..." (de-t18g30), as the clause's own speech cue reads them
    r"|[Pp]redigt|(?:Jahres|Tätigkeits|Kassen|Geschäfts)berichts?)\b"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?i:neben|mit|von|vom|bei|beim|außer|für|an|am|zu|zum|zur|nach|vor|über|unter|samt"
    r"|ohne|seitens|gegenüber)\s+(?:(?:dem|der|den|des|einem|einer|seinem|seiner|ihrem|ihrer)\s+)?$"
)
_PREPOSITION_START = re.compile(r"(?i:neben|außer|samt|gegenüber|seitens)\s")
_REPRESENTED = re.compile(r"\b[Vv]ertretung\s+(?:von|vom|des|der)\s+(?:[^\s,.;:]+\s+){0,4}$")
# A pronoun subject right after the verb, then the list: "Damals begrüßte sie die dänische
# Ministerpräsidentin X" (the list is the object).
_PRONOUN_SUBJECT = re.compile(
    r"\b[a-zäöüß]{3,}\s+(?:er|sie)\s+(?:(?:die|den|das|dem)\s+)?"
    r"(?:(?!und\b|sowie\b)[^\s,.;:]+\s+){0,3}$"
)
# A sentence opening on its pronoun subject and verb: a list after them is an object.
_PRONOUN_FIRST = re.compile(r"^\s*(?:Er|Sie)\s+(?!und\b|sowie\b)[a-zäöüß]{3,}\b")
# "man" is the clause's subject, so a list in it is an object: "Zunächst gedachte man den
# verstorbenen Mitgliedern: A, B" (the dead are remembered, they attend nothing).
_IMPERSONAL_SUBJECT = re.compile(r"\b[Mm]an\b")
# The first person is the subject too (a speech's or minutes' own words): a list is an object;
# not the subject of a subordinate clause, an aside ("Wie wir wissen, eröffnete X ...").
_FIRST_PERSON = re.compile(
    r"(?<!\b[Ww]ie\s)(?<!\b[Aa]ls\s)(?<!\b[Dd]a\s)(?<!\b[Ww]enn\s)(?<!\b[Ww]eil\s)(?<!\b[Oo]b\s)"
    r"(?<!\b[Dd]ass\s)(?<!\b[Ss]eit\s)(?<!\b[Nn]achdem\s)(?<!\b[Oo]bwohl\s)\b(?:ich|wir|Ich|Wir)\b"
)
_QUOTE_MARK = re.compile(r"[„“”\x22»«]")


def _first_person(lead: str) -> bool:
    """Whether the first person is the subject before a list, outside a quote closed before it
    ("„... wieder in Präsenz treffen können“, begrüßte X die Gäste": X speaks, he is no object)."""
    if "ich" not in lead and "wir" not in lead and "Ich" not in lead and "Wir" not in lead:
        return False
    quotes = list(_QUOTE_MARK.finditer(lead))
    return _FIRST_PERSON.search(lead, quotes[-1].end() if quotes else 0) is not None


# A headline's passive without its auxiliary: "Chinas Präsident Xi in Berlin mit militärischen
# Ehren begrüsst" (the guest; with "hat" the subject is the host).
_HONOURS_PASSIVE = re.compile(
    r"\bmit\s+(?:allen\s+)?(?:militärischen\s+)?Ehren\s+(?:begrüßt|begrüsst|empfangen)\s*[.!]?\s*$"
)
_PERFECT_AUX = re.compile(r"\b(?:hat|hatte|haben|hatten)\b")


def _headline_guest(clause: str) -> bool:
    return (
        "Ehren" in clause
        and bool(_HONOURS_PASSIVE.search(clause))
        and not _PERFECT_AUX.search(clause)
    )


# "lud ... ein, am Fest teilzunehmen": an invitation to the public, not the host of a meeting
_INVITES_OTHERS = re.compile(
    r"\bein\s*,[^;]*?\b(?:[a-zäöüß]*zu|zu\s+)(?:nehmen|kommen|besuchen|feiern|reisen)\b"
)  # "lud ... die Regierungschefs ein, nach Washington zu kommen": "zu" apart as well
# A preposition with no role of its own right before the list: the list is no subject.
_GOVERNED = re.compile(
    # ("um mit X ... zu": the purpose clause's "um", not the preposition)
    r"\b(?:für|gegen|ohne|wegen|trotz|um(?!\s+mit\b)|durch|über)\s+(?:(?:dem|den|der|des|die|das|einem|einer"
    r"|seinen|seinem|ihren|ihrem)\s+)?(?:[^\s,.;:]+\s+){0,3}$"
    # the genitive of a time's event: "nach dem Rücktritt seines Vorgängers X" (not an
    # occasion's: "beim Empfang des Präsidenten X" is read as a reception)
    r"|\b(?:nach|vor|seit)\s+(?:dem|der)\s+(?!Empfang|Besuch|Treffen|Gespräch)[A-ZÄÖÜ][\wäöüß-]+"
    r"\s+(?:(?:seines|ihres|des|der)\s+(?:[^\s,.;:]+\s+){0,2})?$"
)
_SPOUSE_WITH = re.compile(
    # (not "gemeinsam mit seiner Frau X": X does what the subject does, `_CO_SUBJECT`; "Xi hat
    # gemeinsam mit seiner Frau Peng Liyuan die Gäste ... begrüßt": both host, round 15)
    r"(?<!gemeinsam\s)(?<!zusammen\s)"
    r"\b(?:mit|samt)\s+(?:seiner\s+|ihrer\s+|seinem\s+|ihrem\s+)?(?:Gattin|Frau|Ehefrau|Gatte"
    r"|Ehemann|Mann|Lebensgefährtin|Lebensgefährte)\s+$"
)
_ATTENDANCE = re.compile(
    r"Gäst|Gast|teil|[Ee]mpf|[Bb]egrü|[Bb]esuch|anwesend|dabei|Ehren|reist|Station"
)
_GUEST_AT = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:bei\s+(?:[^\s,.;:]+\s+){1,4})?zu\s+Gast\b")
# A caption: a list, then where it is, and no verb: "A, B und C bei einer Sitzung der X".
_CAPTION_AT = re.compile(
    r"\s*(?:\([^)]{1,20}\)\s*)?(?:bei|beim|während)\s+(?:(?:einer|einem|der|dem|des|ihrem|seinem"
    r"|ihrer|seiner)\s+)?(?:[\wäöüß-]+\s+){0,2}?[\wäöüß-]*(?:Sitzung|Treffen|Gipfel|Empfang"
    r"|Konferenz|Festakt|Tagung|Gespräch|Zeremonie|Feier|Veranstaltung|Pressekonferenz)\b"
    r"[^.;!?]{0,80}$"
)
_SPEECH_BEFORE_RELATIVE = re.compile(
    r"(?:[Rr]ede|[Aa]nsprache|Grußwort|Laudatio|[Pp]redigt|[Vv]ortrag)\s*,\s*$"
)
_HELD = re.compile(r"^\s*(?:die|den|das)\b.*\b(?:hielt|hielten|gehalten|hält)\b")
# A body present through its people: "Die Landespolitik war mit A, B sowie den Räten C und D
# vertreten", "Die Kirchen waren durch ihre Bevollmächtigten Herrn Dr. A und Herrn B vertreten"
# (de-t14z08, round 15: "durch" as "mit"; "vertreten durch A" is `DE_OBJECT_CUES`').
_BODY_WITH = re.compile(
    r"\b(?:war|waren|ist|sind)\s+(?:[a-zäöüß]+\s+){0,3}(?:mit|durch)\s+[^;]{0,300}$"
)
_REPRESENTED_BY = re.compile(r"[^;.]{0,300}?\bvertreten\s*[.!]?\s*$")
_STAND_IN = re.compile(r"\b(?:vertrat|vertraten|vertritt|vertreten|vertrete)\b")
# (the word's start asked behind its first letter, as in `_NEGATION`: the same matches,
# searched by the letter; round 13)
_PASSIVE_AUX = re.compile(r"w(?<!\w.)(?:ird|urde|urden|erden|orden)\b")
# "gemeinsam mit dem Bundeskanzler X": X does what the subject does.
_CO_SUBJECT = re.compile(
    r"\b(?:gemeinsam|zusammen)\s+mit\s+(?:[^\s,.;:]+\s+){0,4}$"
    # "Neben dem Bundespräsidenten nahmen auch X teil": all take part; "Mit X und Y wohnten zwei
    # Stuttgarter der Eröffnung bei" (a fronted "mit"): they do what the subject does
    r"|(?<!galt, )(?<!galt )\b(?i:neben|außer|samt)\s+(?:(?:dem|der|den)\s+)?(?:[^\s,.;:]+\s+){0,4}$"
    r"|^\s*Mit\s+(?!(?:einem|einer|seinem|seiner|ihrem|ihrer)\b)(?:[^\s,.;:]+\s+){0,4}$"
    # "Merkel war ebenso anwesend wie X"
    r"|\b(?:ebenso|genauso|ebenfalls)\b[^.;]{0,80}\bwie\s+(?:auch\s+)?(?:[^\s,.;:]+\s+){0,4}$"
)
_BESIDES_AFTER_SUBJECT = re.compile(
    r"\S\s+(?:neben|außer)\s+(?:(?:dem|der|den)\s+)?(?:[^\s,.;:]+\s+){0,4}$"
)
# "von Präsident Dr. X" (`\b(?:von|vom)`, written as `_PASSIVE_AUX` is)
_AGENT_BEFORE = re.compile(r"v(?<!\w.)(?:on|om)\s+(?:[^\s,;:]+\s+){0,4}$")
# The "von" of a presence ("in Anwesenheit von", "im / unter Beisein von"): the list after it
# is present at the occasion whatever verb the clause has (labelled so in rounds 8, 11, 16, 24
# and 25, five outlets).
_PRESENCE_OF = re.compile(
    r"\b(?:[Ii]n|[Ii]m|[Uu]nter)\s+(?:der\s+)?(?:Anwesenheit|Beisein)\s+vo[nm]\s+(?:[^\s,;:]+\s+){0,4}$"
)
_AGENT_BY = re.compile(r"\bdurch\s+(?:[^\s,;:]+\s+){0,4}$")  # a passive's "durch X" as well
# A participle used as an adjective after its agent ("von X moderierten", "von X vorgetragene").
_AGENT_PARTICIPLE = re.compile(
    r"\s*(?:\([^)]{1,30}\)\s*)?(?P<verb>moderiert|geleitet|eröffnet|vorgetragen|gehalten|verlesen"
    r"|zelebriert)e[nrms]?\s+[A-ZÄÖÜ]"
)
_SPOKEN = ("vorgetragen", "gehalten", "verlesen")
_DONE = re.compile(r"\b(?:wurde|wurden|worden)\b")
# A body stood for, or a guest accompanied, by the agent "durch X", told as done (the past or
# the state: "wurde ... durch X vertreten", "war durch X und Y vertreten"), the list as long as
# it is (the participle closes it). Not the present: "ist im Rat durch X vertreten" is no visit.
_STOOD_IN_BY = re.compile(
    r"\b(?:wurde|wurden|worden|war|waren)\b[^;]*?\bdurch\b[^;]*?\b(?:vertreten|repräsentiert"
    r"|begleitet)\b"
    # a subordinate clause, its auxiliary last: "bei dem das Land durch A und B vertreten war"
    r"|\bdurch\b[^;]*?\b(?:vertreten|repräsentiert|begleitet)\s+(?:war|waren|wurde|wurden)\b"
)
# A sentence that opens on the speech it reports: "In seiner Ansprache, die ..., würdigte
# Bundespräsident X ...": its subject spoke, whatever the verb of the main clause.
# Plural too, and compounds: "In ihren Festansprachen hielten A, B und C ... fest".
_SPEECH_FRONT = re.compile(
    r"^\s*(?:In|Mit|Zu\s+Beginn)\s+(?:seiner|ihrer|seinen|ihren|seinem|ihrem)\s+(?:[\wäöüß-]+\s+)?"
    r"(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Rr]eden?|[Aa]nsprachen?|Grußworte?n?|Grussworte?n?|Begrüßungsworte?n?|Begrüßung"
    r"|Regierungserklärung|Laudatio(?:nes|nen)?|[Pp]redigt(?:en)?|Erklärung(?:en)?|[Vv]ortrag"
    # a chair's yearly report at a meeting: "In seinem Jahresbericht liess Präsident X ..."
    r"|(?:Jahres|Tätigkeits|Rechenschafts|Kassen|Geschäfts)bericht)\b"
)

# A fronted role noun: "Als Festredner hat X Y begrüßt" (Y spoke), "Als Festrednerin sprach X"
# (X spoke). A guest's role goes to the object when the clause has one, else to the subject.
_AS_GUEST = re.compile(
    r"^\s*Als\s+(?:[\wäöüß-]+\s+)?(?:(?P<spoke>(?:Fest|Gast|Haupt|Key-?[Nn]ote-?)?[Rr]edner"
    r"(?:in|innen)?|Laudator(?:in|en|innen)?)|(?P<attended>Gäste?|Gastes|Teilnehmer(?:in|innen)?))\b"
)

# A reception as a noun with its guest in the genitive: "hat Merkel beim Empfang der
# Ministerpräsidentin X ... verfolgt": X attends, the clause's subject is the host. Only with a
# subject: without one, "beim Empfang des Bundespräsidenten" is the reception he gives.
_RECEPTION_OF = re.compile(r"\b(?:Empfang|Empfangs|Begrüßung)\s+(?:des|der)\s+")
_GUEST_AFTER_RECEPTION = re.compile(
    r"\b(?:Empfang|Empfangs|Begrüßung)\s+(?:des|der)\s+(?:[^\s.;:]+,?\s+){0,8}$"
)


# A meeting as a noun with its sides in the genitive or after "mit"/"zwischen": "fand das
# Treffen des Präsidenten X und der Bundeskanzlerin Y statt", "ein Gespräch mit X".
_TALK_NOUN = re.compile(
    r"\b(?:(?:Treffens?|Gesprächs?|Gespräche|Telefonats?|Telefongesprächs?|Unterredung|Begegnung"
    r"|Zusammentreffens?|Vieraugengesprächs?|Arbeitsgesprächs?|Delegationsgesprächs?"
    r"|Gipfeltreffens?|Arbeitstreffens?|Meinungsaustausch(?:es)?)\s+(?:des|der|zwischen|mit)"
    # "ein Gespräch zum Thema „...“ mit X"
    r"|(?:Gespräch|Gespräche|Treffen)\s+zum\s+Thema\s+[„“\x22][^„“\x22]{1,80}[“”\x22]\s+mit"
    # an occasion with its guests: "standen die Veranstaltungen mit A, B und C im Mittelpunkt"
    r"|(?:Veranstaltung|Veranstaltungen|Festakt|Feierstunde|Zeremonie|Podiumsdiskussion"
    r"|Diskussionsrunde|Gesprächsrunde)\s+mit"
    # a meal with its guests: "Arbeitsfrühstück mit Spitzenpolitikern ... sowie Birgit Munz"
    r"|(?:Arbeitsfrühstück|Frühstück|Mittagessen|Abendessen|Arbeitsessen|Arbeitsmittagessen"
    r"|Staatsbankett|Bankett)\s+mit"
    # a visit's guest: "der Besuch des Schirmherren X" (not a place visited, a noun with "von"
    # after it: "einem Besuch der Grabstätte von Thomas Mann")
    r"|(?:Besuch|Antrittsbesuch|Staatsbesuch|Arbeitsbesuch)\s+(?:des|der)"
    r"(?!\s+[A-ZÄÖÜ][\wäöüß-]*\s+vo[nm]\s)"
    # who laid the wreath: "Nach der Kranzniederlegung durch Bundeskanzler X und Y"
    r"|Kranzniederlegung(?:en)?\s+(?:durch|des|der|von))\s"
    r"(?P<gap>[^.;:!?]{0,100})$"
)
# Words that may stand between the noun and a later side: articles, joiners, declined
# adjectives, capitalised titles and the other sides (masked as X); no verb.
_TALK_GAP_WORD = re.compile(
    r"(?:X|und|sowie|mit|des|der|dem|den|die|von|aus|beiden|beim|im|am|vom|in|unseren"
    r"|unserem|unseres|unserer|[A-ZÄÖÜ][\wäöüß-]*"
    r"|(?!ge)[a-zäöüß-]+(?:e|en|er|es|em))[,]?"
)


# A speech as a noun with its speaker after "von"/"durch" or in the genitive: "Ansprachen von
# A, B und C", "Reden und Grußworte gab es zudem von A", "nach einer Ansprache von X",
# "die Festansprachen der beiden Landeshauptleute A und B".
_SPEECH_NOUN = re.compile(
    r"(?:(?:[Rr]ede|[Rr]eden|[Aa]nsprache|[Aa]nsprachen|Grußworte?n?|Grussworte?n?|Laudatio"
    r"|[Vv]ortrag|[Vv]orträge|Redebeiträge|Eingangsworte|Schlussworte?n?|Begrü(?:ß|ss)ungsworte?n?"
    r"|[Pp]redigt|Lob|Richtspruch"
    # a report given at a meeting ("der Bericht der Pressevertreterin X", "Verlesen des Berichts
    # der Rechnungsprüfer durch X"), not one read ("laut einem Bericht des Ministers X")
    r"|(?<!einem\s)(?<!laut\s)(?<!Zeitungs)(?<!Medien)(?<!Presse)[Bb]erichts?)"
    r"(?:\s*,?\s*(?:gab|gibt)\s+es(?:\s+[a-zäöüß]+){0,3}|\s*,\s*so)?"
    r"\s+(?:von|vom|durch|des|der)"
    # a greeting by its speaker ("Nach der Begrüßung durch unseren Bürgermeister, X, und den
    # Leiter der Feuerwehr, Y", "der Begrüßung unseres ersten Vorsitzenden X"; "Begrüßung des
    # X" and "Begrüßung von X durch Y" are X's reception: X attends), more words ("weiteren Worten von X")
    r"|Begrü(?:ß|ss)ung\s+(?:durch|von|vom|unseres|unserer|ihres|seines)"
    r"|\b[a-zäöüß]+en\s+Worten?\s+(?:von|vom|des|der))"
    r"\s(?P<gap>(?:[^.;:!?]|(?<=\d)\.){0,100})$"
)
_WELCOME_BY = re.compile(r"Begrü(?:ß|ss)ung\s+durch")  # with a reception: the host's welcome
_WELCOME_OF = re.compile(r"Begrü(?:ß|ss)ung\s+vo[nm]\s+(?:[^\s,.;:]+\s+){0,4}$")
_TALKED_ABOUT = re.compile(
    r"\b(?:von|über|an|gegen|wegen|zu|auf)\s+(?:den|die|dem|der|diese[nrm]?)\s+(?:[\wäöüß-]+\s+)?$"
)
_SPEECH_WORDS = (
    "Rede",
    "rede",
    "nsprache",
    "ruß",
    "russ",
    "audatio",
    "orträ",
    "ortrag",
    "orte",
    "redig",
    "ericht",
    "rüßung",
    "rüssung",
    "Lob",
    "Richtspruch",
)


def _speech_by(masked_lead: str) -> bool:
    """Whether a list is the speaker of a speech noun before it."""
    masked_lead = _ABBREVIATED.sub(r"\1", masked_lead)
    m = _SPEECH_NOUN.search(masked_lead)
    if m is None or _TALKED_ABOUT.search(masked_lead, 0, m.start()):
        return False  # "von den Reden der Minister X und Y genervt": speeches talked about
    return all(_TALK_GAP_WORD.fullmatch(w) or re.fullmatch(r"\d+\.", w) for w in m["gap"].split())


_ABBREVIATED = re.compile(r"\b([A-Za-z]{1,4})\.(?=\s)")  # "a. D. Dr. X": the titles' dots


def _talk_side(masked_lead: str) -> bool:
    """Whether a list stands as a side of a meeting noun before it (`masked_lead`: the clause
    up to the list, other lists masked)."""
    lead = _ABBREVIATED.sub(r"\1", masked_lead)
    m = _TALK_NOUN.search(lead)
    if m is None or _TALK_TOPIC.search(lead, 0, m.start()):
        return False  # "informierte über sein Treffen mit X": a meeting told of, not reported
    return all(_TALK_GAP_WORD.fullmatch(w) for w in m["gap"].split())


# A meeting as what one talks or tells about: the report is of the telling, and the meeting's
# other side was not there ("hat Trump Selenskyj über sein Treffen mit Putin informiert").
_TALK_TOPIC = re.compile(
    r"\büber\s+(?:sein|seine[mn]?|ihr|ihre[mn]?|das|den|dem|die|deren|dessen)\s+"
    r"(?:[\wäöüß-]+\s+)?$"
)


_TALK_WORDS = (
    "Treffen",
    "Gespräch",
    "Telefonat",
    "Unterredung",
    "Begegnung",
    "austausch",
    "Veranstaltung",
    "Festakt",
    "Feierstunde",
    "Zeremonie",
    "runde",
    "diskussion",
    "esuch",
    "Kranzniederlegung",
    "rühstück",
    "essen",
    "ankett",
)


# (as a trie: one branch per first letter at each position, where the plain alternation tried
# every word; only whether one is found is asked, round 17)
_FRAME_GATE = re.compile(cues.literal_trie(sorted({*_TALK_WORDS, *_SPEECH_WORDS})))


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around sentence[start:end]."""
    left = 0
    bounds = list(_CLAUSE_END.finditer(sentence, 0, start))
    if bounds:
        left = bounds[-1].end()
        if _RELATIVE_IN_LIST.match(sentence, left, start):
            # a relative clause on the list's item before, closed by its verb: the list goes
            # on in the clause before it ("unter ihnen den Abt X, der auch die Festmesse
            # zelebrierte, Bezirkshauptfrau Y, die Bürgermeister A, B ...": Y, A and B are
            # greeted, they celebrate no mass; de-t12z33, -t12z34, two outlets)
            left = bounds[-2].end() if len(bounds) > 1 else 0
    after = _CLAUSE_END.search(sentence, end)
    if after and sentence[after.start()] == "," and _APPOSITION.match(sentence, end, after.start()):
        after = _CLAUSE_END.search(sentence, after.end())  # the comma closing an apposition
    elif (
        after
        and after.start() == end
        and sentence.startswith(",", end)
        and not sentence[left:start].strip(' „“"')
        and _FINITE_AFTER.match(sentence, end)
    ):
        # a list opening its clause, its last name in apposition, then the verb: "Präsidentin
        # A und der Präsident des Bundesverfassungsgerichts, B, waren ebenfalls vor Ort" (no
        # fronted subordinate clause is a bare list of names)
        after = _CLAUSE_END.search(sentence, after.end())
    aside = relative_aside(sentence, end) if sentence.startswith(",", end) else None
    if aside is not None:
        after = _CLAUSE_END.search(sentence, aside[1])  # the main clause goes on after it
    return left, (after.start() if after else len(sentence))


_FINITE_AFTER = re.compile(
    r",\s+(?:war|waren|kam|kamen|nahm|nahmen|hielt|hielten|sprach|sprachen|übernahm"
    r"|übernahmen)\s"
)


# A relative clause right after the list, closed by its verb and a comma before the main
# clause's verb: "Pfarrer X, der in Waldershof aufgewachsen ist, zelebrierte den Gottesdienst".
_RELATIVE_OPEN = re.compile(r",\s+(?:der|die|welcher|welche)\s+(?=[a-zäöüß])")
_RELATIVE_CLOSE = re.compile(
    r"\b(?:ist|war|sind|waren|hat|hatte|haben|hatten|wurde|wurden|wird|werden|kann|konnte"
    r"|[a-zäöüß]{3,}(?:t|te|ten|en))\s*,\s+"
    r"(?=(?!(?:und|oder|sowie|aber|die|der|das|dass|als|wie|wo|um|wenn|weil|ob|da|so|sagte"
    r"|erklärte|betonte|hieß|berichtete|meinte)\b)[a-zäöüß]{3,}\s)"
)


# A relative clause inside a list: its pronoun, its words, its verb last, a comma, then at most
# the titles of the next item ("der auch die Festmesse zelebrierte, Bezirkshauptfrau ").
_RELATIVE_IN_LIST = re.compile(
    r"(?:der|die|welcher|welche)\s+[^,;:]{0,120}?\b(?:ist|war|hat|hatte|wurde|[a-zäöüß]{3,}"
    r"(?:t|te|ten|en))\s*,\s+(?:[A-ZÄÖÜ][\w.-]*\s+){0,4}$"
)

_RELATIVE_TAIL = re.compile(r",\s+(?:[A-ZÄÖÜ][\w.-]*\s+){0,4}$")  # its end, from the comma


def relative_in_list(sentence: str, start: int) -> tuple[int, int] | None:
    """The span of a relative clause closed right before the list at `start` (its words are
    its antecedent's, not the list's: `_RELATIVE_IN_LIST`)."""
    # (its comma is the last before the list, none standing in the words after it: where
    # that comma is not followed by titles alone, the clause's bounds need not be looked for)
    comma = sentence.rfind(",", 0, start)
    if comma < 0 or not _RELATIVE_TAIL.match(sentence, comma, start):
        return None
    bounds = list(_CLAUSE_END.finditer(sentence, 0, start))
    if not bounds or not _RELATIVE_IN_LIST.match(sentence, bounds[-1].end(), start):
        return None
    return bounds[-1].start(), start


def relative_aside(sentence: str, end: int) -> tuple[int, int] | None:
    """The span of a relative clause set between the list (ending at `end`) and its verb."""
    if "," not in sentence[end : end + 3]:
        return None
    opened = _RELATIVE_OPEN.match(sentence, end)
    if opened is None:
        return None
    stop = min(len(sentence), opened.end() + 160)
    for bound in '.;:!?\u201e\u201c"':
        at = sentence.find(bound, opened.end(), stop)
        if at >= 0:
            stop = at
    close = _RELATIVE_CLOSE.search(sentence, opened.end(), stop)
    return (end, close.end()) if close else None


# An apposition right after the list, up to the comma closing it: "nahm Beate Merk, die
# bayerische Staatsministerin für Europaangelegenheiten, an dem Festakt teil" (its closing
# comma, before "an dem", ends no clause).
_APPOSITION = re.compile(
    r"\s*,\s+(?:der|die|das|als(?=\s+[A-ZÄÖÜ]))\s+(?:[A-ZÄÖÜ][\w.-]*\s+|[a-zäöüß]+\s+){0,10}[A-ZÄÖÜ][\w.-]*\s*$"
)


# The verb's last part and a comma between two lists: the first list's clause is closed, the
# second shares its verb ("waren Bürgermeister A und B gekommen, aus Roding Bürgermeisterin C"),
# it is no object of it.
_VERB_CLOSED = re.compile(r"\b(?:ge[a-zäöüß]{3,}(?:en|t)|erschienen|teil|dabei)\s*,\s")


# A speaker's noun as the list's title (round 17): "Festredner X, langjähriger Moderator ...
# sagte vor rund 400 geladenen Gästen" (de-t16g09, round 30), "begrüßte als Hauptredner
# CSU-Landratskandidaten X" (de-t12z29, round 22): every German label of a name so titled is
# spoke (rounds 2, 5, 22, 25, 30; no such name in a no-attendee report). A list of one name
# only ("Festredner X und Oberbürgermeister Y (v.l.)": Y is not titled so, de-013), and not the
# fronted "Als Festredner hat X Y begrüßt" (`_AS_GUEST`: Y spoke, de-012).
_SPEAKER_TITLE = re.compile(
    r"(?<!Als )\b(?:Fest|Haupt|Gast)redner(?:in)?\s+(?:[^\s,.;:]+\s+){0,2}$|\bLaudator(?:in)?\s+$"
)
_ONE_NAME = re.compile(r",|\bund\b|\bsowie\b|&")


def german_roles(
    sentence: str, start: int, end: int, prefix_start: int, others: Sequence[tuple[int, int]]
) -> list[Role]:
    """Roles of the list at sentence[start:end] (its titles begin at `prefix_start`);
    `others` are the spans of the other lists in the sentence (their words are no cues)."""
    roles = _german_roles(sentence, start, end, prefix_start, others)
    if "spoke" not in roles and "edner" in sentence[max(0, prefix_start - 40) : start]:
        titled = _SPEAKER_TITLE.search(sentence, max(0, prefix_start - 40), start)
        if titled and not preview(sentence) and not _ONE_NAME.search(sentence, start, end):
            return [*roles, "spoke"]
    return roles


# An honour handed over (round 18), the list after the verb: the honoured have no role
# (LABELLING.md, "Wordings settled by count (round 17)"), the presenter attends. The honoured
# follow a dative article ("LH-Stv. Anton Lang überreichte den Paldauer-Urgesteinen A und B
# das Goldene Ehrenzeichen", de-r17v03, round 33) or stand three or more in a row ("überreichte
# Kern A, B, C, ... und J das Ehrenzeichen am Bande", de-t17g29, round 32); one or two names
# alone after the verb are its subject ("Im Auftrag von Innenminister X überreichte Bernhard
# Kern die Ehrenzeichen mit Verleihungsurkunden", de-t17g29). A list before the verb is read
# as before (the handover's subject, `role_cues.DE_CLAUSE_CUES`).
_HANDED = re.compile(r"\b(?:übergab|übergaben|überreichte|überreichten)\b")
_HONOUR = re.compile(
    r"\b[\wäöüß-]*(?:[Ee]hrenzeichen|[Ee]hrennadel|[Mm]edaille|[Vv]erdienstkreuz|[Oo]rden\b"
    r"|[Uu]rkunde|[Pp]lakette|[Aa]uszeichnung|[Ee]hrenring|[Aa]bzeichen|[Pp]reis(?:e|es)?\b)"
)
_DATIVE_BEFORE = re.compile(r"\b(?:den|dem|der|allen)\s+(?:[^\s,;]+\s+){0,3}$")


# Round 19: a negated sentence ("Mit seinem russischen Kollegen X traf sich der deutsche
# Außenminister nicht", de-t18g08; "Nicht dabei war ihr Nachfolger X", scraped-t18g22; "X ist
# überraschend nicht dabei", de-t14z25, round 26): the learned model, which adds names the rules
# gave no role, adds none of its names (the rules read each list's own clause, `_unreal`).
# Only a negated presence or a verb negated at the sentence's end: "zeigte sich in seinem
# Grußwort ... nicht überrascht" (de-t12z13), a quote's "Nicht die Dauer ist entscheidend"
# (de-v1002) and "was X in seiner Rede nicht völlig ausklammern kann" (de-t504) negate no
# occasion, and their speakers and guests stay the model's.
_NEGATED_PRESENCE = re.compile(
    r"\b[Nn]icht\s+(?:[a-zäöüß]+\s+)?(?:dabei|anwesend|zugegen|vor\s+Ort|teil|teilnehmen"
    r"|teilgenommen|gekommen|erschienen)\b|\bnicht\s*[.!]?\s*$"
)


def negated(sentence: str) -> bool:
    """Whether a German sentence negates a presence ("Nicht dabei war X", "X ist überraschend
    nicht dabei", "nicht persönlich teilnehmen") or closes on "nicht" ("traf sich ... nicht")."""
    return "icht" in sentence and _NEGATED_PRESENCE.search(sentence) is not None


def handed_honour(sentence: str) -> bool:
    """Whether a German sentence hands an honour over ("überreichte ... das Ehrenzeichen"): its
    honoured have no role, and the learned model adds none of its names
    (`people.extract_people`; de-t17g29: ten honoured, attended by the model alone)."""
    if ("entgegen" in sentence or "erhielt" in sentence) and (
        _RECEIVED.search(sentence) and _HONOUR.search(sentence)
    ):
        return True  # (round 19) an honour received: "Konnten aus den Händen von X die ...
        # Verdienstmedaille ... entgegennehmen (v. l. n. r.): A, B, C und D" (de-t18g29)
    if "überreicht" not in sentence and "übergab" not in sentence:
        return False
    verb = _HANDED.search(sentence)
    return verb is not None and _HONOUR.search(sentence, verb.end()) is not None


_RECEIVED = re.compile(r"\b(?:entgegen(?:nehmen|genommen|nahmen?)?|erhielten|erhielt)\b")


def _handed_honour(
    sentence: str, left: int, right: int, prefix_start: int, start: int, end: int
) -> list[Role] | None:
    """The roles of a list after the verb of an honour handed over, None if no such clause."""
    if "überreicht" not in sentence and "übergab" not in sentence:
        return None
    verb = _HANDED.search(sentence, left, prefix_start)
    if verb is None or _HONOUR.search(sentence, end, min(right, end + 160)) is None:
        return None
    if _DATIVE_BEFORE.search(sentence, verb.end(), prefix_start) or (
        len(_ONE_NAME.findall(sentence, start, end)) >= 2
    ):
        return []
    return ["attended"]


# Round 19: the honoured after "an" in the clause of an honour conferred ("Das Ehrenzeichen ...
# wurde an A aus Berg, B aus ... und C ... überreicht", de-t18g31), and the one who conferred an
# honour another hands over ("die von Bundespräsident X verliehene Verdienstmedaille",
# de-t18g29; "Ehrenurkunden, gezeichnet vom Präsidenten des Gemeindetags, X", de-t13z19): no
# role (LABELLING.md, round 17: the honoured; the conferrer is not at the ceremony).
_CONFERRED = re.compile(
    r"\b(?:überreicht|verliehen|übergeben|vergeben|ausgehändigt|überreichen|verleihen)\b"
)
_TO_HONOURED = re.compile(r"\ban\s+(?:[^\s,;.:]+\s+){0,3}$")
_CONFERRED_BY = re.compile(r"\bvo[nm]\s+(?:[^\s,;.:]+\s+){0,3}$")
_CONFERRED_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?verliehenen?\b")
_SIGNED_BY = re.compile(r"\bgezeichnet\s+(?:vo[nm]|durch)\s+(?:[^\s;.:]+,?\s+){0,6}$")


# Round 19: an honour received "aus der Hand von" its presenter, who attends (round 15: "Sie
# alle erhielten aus der Hand von Oberbürgermeister X die Stadtmedaille", de-r16v09, round 31;
# "Konnten aus den Händen von Landrat X ... entgegennehmen", de-t18g29; "erhielten ... hohe
# Auszeichnungen ... aus den Händen von Landrat Dr. X", de-t18g31), up to three titles between.
_FROM_HANDS = re.compile(
    r"\baus\s+(?:der\s+Hand|den\s+Händen)\s+(?:von|vom|des|der)\s+(?:[^\s,;:]+\s+){0,3}$"
)


# Round 19: the presenters of an honour told by the handover's noun or by the honour received
# "von" them (round 15: they attend): "Die Ehrung der Jubilare übernahmen Kreisvorsitzender A
# und Landtagsabgeordneter B" (de-t18g02); "Prorektor X wurde bei der Überreichung der Urkunden
# unterstützt von seinen Kolleg*innen Prorektor A, ..." (de-t18g20). (Not built: "X nahm die
# Auszeichnung ... von Bundespräsident Y entgegen", de-r17v04, round 33: such a sentence holds
# no cue stem and is not read; "entgegen" as a stem would read every honour received.)
_HANDOVER_NOUN = (
    r"(?:Ehrung|Ehrungen|Überreichung|Übergabe|Verleihung|Auszeichnung|Auszeichnungen)\b"
)
_PRESENTING_TAKEN = re.compile(
    r"\b(?:[Dd]ie|[Dd]er)\s+" + _HANDOVER_NOUN + r"[^;,]{0,80}\b(?:übernahm|übernahmen|nahm|nahmen)"
    r"\s+(?:[^\s,;]+\s+){0,3}$"
)
_PRESENTING_HELPED = re.compile(
    r"\bbei\s+der\s+" + _HANDOVER_NOUN + r"[^;]{0,80}\bunterstützt\s+von\b[^;]{0,300}$"
)
_PRESENTING_HELPED_AFTER = re.compile(r"\s*wurde\s+bei\s+der\s+" + _HANDOVER_NOUN)


def _presenter(sentence: str, prefix_start: int, end: int) -> bool:
    """Whether the list at sentence[prefix_start:end] presents an honour (`_PRESENTING_*`)."""
    if (
        "bergabe" not in sentence
        and "eichnung" not in sentence
        and (
            "Ehrung" not in sentence
            and "Überreichung" not in sentence
            and "erleihung" not in sentence
        )
    ):
        return False
    lead = sentence[max(0, prefix_start - 400) : prefix_start]
    if _PRESENTING_TAKEN.search(lead, max(0, len(lead) - 200)):
        return True
    return "unterstützt" in sentence and bool(
        _PRESENTING_HELPED.search(lead) or _PRESENTING_HELPED_AFTER.match(sentence, end)
    )


def _honour_aside(sentence: str, left: int, right: int, prefix_start: int, end: int) -> bool:
    """Whether the list at sentence[prefix_start:end] is the honoured after "an" in the clause
    of an honour conferred, or the one who conferred an honour (`_CONFERRED`)."""
    if (
        "verlieh" not in sentence
        and "gezeichnet" not in sentence
        and "überreich" not in sentence
        and "übergeben" not in sentence
        and "vergeben" not in sentence
        and "ausgehändigt" not in sentence
    ):
        return False  # (one of `_CONFERRED`'s words, or "gezeichnet", in every such sentence)
    lead = sentence[max(left, prefix_start - 80) : prefix_start]
    if "gezeichnet" in lead and _SIGNED_BY.search(lead):
        return True
    if "vo" in lead and _CONFERRED_BY.search(lead) and _CONFERRED_AFTER.match(sentence, end):
        return True
    return (
        "an " in lead
        and _TO_HONOURED.search(lead) is not None
        and _CONFERRED.search(sentence, end, right) is not None
        and _HONOUR.search(sentence, left, right) is not None
    )


def _settled(
    sentence: str, clause: str, bounds: tuple[int, int], prefix_start: int, start: int, end: int
) -> list[Role] | None:
    """The roles the clause settles alone: none for what did not happen (`_unreal`), for the
    honoured and an honour's conferrer (`_honour_aside`, `_handed_honour`); attended for an
    honour's presenter ("aus den Händen von X", `_presenter`); None: the other cues decide."""
    left, right = bounds
    if _unreal(sentence, clause, bounds, prefix_start, end) or _honour_aside(
        sentence, left, right, prefix_start, end
    ):
        return []
    handed = _handed_honour(sentence, left, right, prefix_start, start, end)
    if handed is not None:
        return handed
    if ("aus de" in sentence and _FROM_HANDS.search(sentence, max(left, start - 90), start)) or (
        _presenter(sentence, prefix_start, end)
    ):
        return ["attended"]
    return None


def _german_roles(
    sentence: str, start: int, end: int, prefix_start: int, others: Sequence[tuple[int, int]]
) -> list[Role]:
    left, right = clause_bounds(sentence, prefix_start, end)
    # (a relative clause between the list and its verb: its words are no cues of the list's)
    aside = relative_aside(sentence, end) if sentence.startswith(",", end) else None
    inner = relative_in_list(sentence, prefix_start) if left < prefix_start - 2 else None
    clause = _masked(
        sentence,
        left,
        right,
        [(prefix_start, end), *others, *([aside] if aside else []), *([inner] if inner else [])],
    )
    settled = _settled(sentence, clause, (left, right), prefix_start, start, end)
    if settled is not None:
        return settled  # what did not happen: no role; an honour handed over, its presenter
    lead = _RELATIVE.sub("", sentence[left:prefix_start])
    if _came_along(sentence, clause, (left, right), start, end):
        return ["attended"]
    framed = _participle_agent(sentence, start, end, left) or _framed_roles(
        sentence, start, left, clause, lead, others
    )
    if framed is not None:
        return framed
    if "Gast" in clause and _GUEST_AT.match(sentence, end) and lead.endswith(("bei ", "bei")):
        return ["presided"]  # "Sandu bei Merkel zu Gast": the host
    # A list before this one in the same clause is its subject, unless a preposition governs
    # it ("Neben X nahmen Y und Z teil": Y and Z are the subject, X takes part too).
    # (a relative clause's preposition is no list's: "zu der Oberschützenmeister X ...")
    relative = _RELATIVE.match(sentence[left : left + 24]) if others else None
    opened = left + relative.end() if relative else left
    after_subject = bool(others) and any(
        left <= s
        and e <= prefix_start
        and not _PREPOSITION_BEFORE.search(sentence, opened, s)
        and not _PREPOSITION_START.match(sentence, s)  # the span's titles took "Neben" in
        and not _VERB_CLOSED.search(sentence, e, prefix_start)
        for s, e in others
    )
    reception = _reception_role(sentence, end, prefix_start, right, others, after_subject, left)
    if reception:
        return [reception]
    as_object = (
        bool(
            (
                not _FRONTED_OBJECT.match(lead)
                and _object_before(_PREPOSITIONAL.sub(" ", lead[-200:]))
            )
            or _OBJECT_INSIDE.search(sentence, prefix_start, end)
            or after_subject  # "Steinmeier empfing Staatspräsident Zeman": the second is the object
            or (
                (" sie " in lead or " er " in lead)
                and _PRONOUN_SUBJECT.search(lead, len(lead) - 120) is not None
            )  # "Damals begrüßte sie die dänische Ministerpräsidentin X"
            or _IMPERSONAL_SUBJECT.search(lead) is not None
            or _first_person(lead)  # "begrüßen möchte ich unseren ... X"
            or _PRONOUN_FIRST.match(lead) is not None  # "Er konnte ... die Vorsitzende X"
            or _headline_guest(clause)
            or _oblique_title(sentence, prefix_start, start, end)
            or _BODY_SUBJECT.match(lead) is not None
            or _title_subject(lead)
            or _GREETED_INFINITIVE.match(sentence, end, right) is not None
        )
        and not (
            _CO_SUBJECT.search(lead, len(lead) - 200)
            # "zu der X neben den Ehrenmitgliedern A und B auch C begrüßen konnte": after a
            # subject, "neben" adds objects, not subjects
            and not (after_subject and _BESIDES_AFTER_SUBJECT.search(lead, len(lead) - 200))
        )
    ) or _passive_with_agent_after(sentence, clause, end, right, others)
    if (
        "vertr" in clause
        and _STAND_IN.search(clause)
        and (as_object or _PASSIVE_AUX.search(clause))
    ):
        return []  # the one represented ("X vertrat Y", "Y wird von X vertreten") is absent
    if "ein" in clause and _INVITES_OTHERS.search(clause):
        return []
    roles = _setting_roles(sentence, clause, (left, right), prefix_start, end, as_object=as_object)
    if not as_object and not after_subject and _SPEECH_FRONT.match(sentence):
        roles.append("spoke")
    if left == 0 and sentence.startswith("Als"):
        fronted = _fronted_role(sentence, prefix_start, right, others, as_object=as_object)
        if fronted and as_object:
            return [fronted]  # the role the clause names, not the verb's
        if fronted:
            roles.append(fronted)
    return roles + [r for r in _cue_roles(clause, as_object=as_object) if r not in roles]


# A caption of couples and no verb: "Landeshauptmann X mit Gattin Julia und Bundespräsident Y
# mit Gattin Z", "Ministerpräsident Dr. X mit Ehefrau Karin und Y (l.) mit Ehefrau Stephanie",
# "Und noch ein ehemaliger Bundespräsident: X mit Gattin Y." (de-r12v08, de-t15z05, de-t14z26;
# rounds 23, 26, 28: every German label of such a line attended, head and spouse). Capitalised
# words only around each "mit": a lower-case word would be a verb or an occasion's phrase.
_COUPLE = (
    r"(?:[A-ZÄÖÜ][\wäöüß.–'-]*\s+){1,6}(?:\([^()]{1,12}\)\s+)?(?:mit|samt)\s+(?:seiner\s+"
    r"|ihrem\s+)?(?:Gattin|Ehefrau|Frau|Partnerin|Lebensgefährtin|Gatte|Ehemann|Mann)"
    r"(?:\s+[A-ZÄÖÜ][\wäöüß.–'-]*){1,4}(?:\s*\([^()]{1,12}\))?"
)
_COUPLES_CAPTION = re.compile(
    rf"^\s*(?:[^:]{{1,60}}:\s*){{0,2}}{_COUPLE}(?:\s*(?:,|und|sowie)\s+{_COUPLE})*\s*\.?\s*$"
)
_SPOUSE_WORD = re.compile(
    r"\bmit\s+(?:seiner\s+|ihrem\s+)?(?:Gattin|Ehefrau|Frau|Partnerin|Lebens|Gatte|Ehemann|Mann)\b"
)


def _couples_caption(sentence: str) -> bool:
    """Whether the sentence is a caption of people with their spouses and nothing else."""
    return (
        len(sentence) < 300
        and _SPOUSE_WORD.search(sentence) is not None
        and _COUPLES_CAPTION.match(sentence) is not None
    )


def _came_along(sentence: str, clause: str, bounds: tuple[int, int], start: int, end: int) -> bool:
    """Whether the list came with someone or for a body: "Karl Merkatz mit Gattin Martha"
    among the guests (she comes too), "Die Landespolitik war mit A, B und C vertreten"."""
    left, right = bounds
    if (
        ("mit " in sentence[max(left, start - 50) : start] or "samt " in sentence[left:start])
        and _SPOUSE_WITH.search(sentence, max(left, start - 50), start)
        and _ATTENDANCE.search(clause)
    ):
        return True
    return bool(
        "vertreten" in clause
        and _BODY_WITH.search(sentence, left, start)
        and _REPRESENTED_BY.match(sentence, end, right)
    )


# A weak noun's ending outside the nominative singular ("den Präsidenten", "Frankreichs
# Präsidenten X", "Herrn X"): the one person so titled is no subject.
_OBLIQUE_TITLE = re.compile(
    r"(?:\b[A-ZÄÖÜ][\wäöüß-]*(?:enten|anten|aten|isten|ologen|archen|grafen|graphen)|\bHerrn)"
    r"(?:\s+(?:Dr\.|Prof\.))*\s*$"
)


# A subject that is no named person stands first, then the verb: the list after it is the
# object ("Der Gesamtbundesrat empfängt Hollande", "Das Präsidium begrüßte X", "Der
# Gesamtbundesrat hat ... X empfangen"; round 14, the feminine: "Die 91-jährige Queen hatte
# Steinmeier und dessen Frau Elke Büdenbender zum Lunch ... eingeladen", de-t13z15, -t13z22,
# -t13z24, -r13v09). The verb singular only ("Die Gäste begrüßten" opens no object).
_BODY_SUBJECT = re.compile(
    r"^\s*(?:Der|Das|Die)\s+(?:[\da-zäöüß-]+\s+){0,2}[A-ZÄÖÜ][\wäöüß-]+\s+"
    r"(?:empfängt|empfing|begrüßt|begrüßte|begrüsst|begrüsste|traf|trifft|ehrte"
    r"|ehrt|verabschiedete|verabschiedet|hieß|hiess"
    # the perfect: "Der Gesamtbundesrat hat am Montag Portugals Präsident X ... empfangen"
    r"|hat|hatte)\s+(?:[a-zäöüß(][^\s,]*\s+|(?:am|an|in)\s+[A-ZÄÖÜ]\w+\s+){0,4}"
    r"(?:[A-ZÄÖÜ]\w+s\s+)?$"  # a country's genitive before the title: "Portugals"
)


# A person named by a title alone stands first, then the verb (round 14): the list after it is
# the object ("Die Queen hatte Steinmeier und dessen Frau X zum Lunch ... eingeladen",
# "Die 91-jährige Queen hatte Steinmeier ... eingeladen", de-t13z15, -t13z22). Only "Der" and
# "Die" with a person's title: "Die Leitung hatte X" fronts an object, X is the subject.
_TITLE_SUBJECT = re.compile(
    r"^\s*(?:Der|Die)\s+(?:[\w-]+\s+){0,2}?(?P<title>[A-ZÄÖÜ][\wäöüß-]*)\s+"
    r"(?:empfängt|empfing|begrüßt|begrüßte|begrüsst|begrüsste|ehrte|hieß|hiess|lud|hat|hatte)\s+"
    r"(?:[a-zäöüß(][^\s,]*\s+|(?:am|an|in)\s+[A-ZÄÖÜ]\w+\s+){0,4}$"
)
_PERSON_TITLE = re.compile(
    r"(?:queen|könig|königin|kanzler|kanzlerin|präsident|präsidentin|meister|meisterin|minister"
    r"|ministerin|hauptmann|hauptfrau|landrat|landrätin|gastgeber|gastgeberin|papst)$"
)


def _title_subject(lead: str) -> bool:
    m = _TITLE_SUBJECT.match(lead) if lead[:4] in ("Der ", "Die ") else None
    return m is not None and _PERSON_TITLE.search(m["title"].lower()) is not None


# A genitive after a possessive ("seines Vorgängers X", "ihres Mannes X"), unless it names a
# companion ("in Begleitung ihres Mannes X", "im Beisein seines Amtskollegen").
_POSSESSOR = re.compile(
    r"\b(?:seines|ihres)\s+(?<!Begleitung\sseines\s)(?<!Begleitung\sihres\s)"
    r"(?<!Beisein\sseines\s)(?<!Beisein\sihres\s)(?:[a-zäöüß-]+\s+)?[A-ZÄÖÜ][\wäöüß-]*s\s+$"
)


# A chair handed over: "übergab Landeshauptmann X den Vorsitz ... an den Kärntner
# Landeshauptmann Y".
_HANDOVER = re.compile(
    r"\b(?:übergab|übergibt|übergeben|übertrug|überträgt|übertragen|übergaben)\b[^;]{0,120}?"
    r"\b(?:Vorsitz|Präsidentschaft)\b|\b(?:Vorsitz|Präsidentschaft)\b[^;]{0,120}?"
    r"\b(?:übergeben|übertragen)\b"
)
_TO_NEW_CHAIR = re.compile(r"\ban\s+(?:den|die)\s+(?:[\wäöüß.-]+\s+){0,4}$")


def _oblique_title(sentence: str, prefix_start: int, start: int, end: int) -> bool:
    if start - prefix_start < 4 or not _OBLIQUE_TITLE.search(sentence, prefix_start, start):
        return False
    names = sentence[start:end]
    return "," not in names and " und " not in names and " sowie " not in names


# A greeting in the first person, which happens as it is said ("Besonders begrüßen möchte ich
# unseren 1. BM Hr. Hans Steindl", "möchte ich ... die neue Bürgermeisterin, X begrüßen"): its
# modal tells no wish.
_GREETING_SAID = re.compile(
    r"\b(?:möchte|möchten)\s+(?:ich|wir)\b[^;]{0,250}?\b(?:begrü(?:ß|ss)en|willkommen\s+hei(?:ß|ss)en)\b"
    r"|\b(?:begrü(?:ß|ss)en|willkommen\s+hei(?:ß|ss)en)\s+(?:möchte|möchten)\s+(?:ich|wir)\b"
)


# A visit or a meeting told in the present with its day or hour ("Bundespräsident X trifft am
# Freitag (11.00 Uhr) mit Y zusammen", "Am Donnerstag, 3. Mai 2012, besucht X den Landkreis",
# "Die Festansprache hält X" in a programme for a day): a preview, as German gives the future
# in the present; a report tells the day in the past ("traf am Freitag").
_PRESENT_VERB = re.compile(
    r"\b(?:trifft|besucht|besuchen|empfängt|empfangen|spricht|sprechen|hält|halten|nimmt|nehmen"
    r"|leitet|leiten|eröffnet|eröffnen|begrüßt|begrüßen|kommt|kommen|reist|reisen|lädt|laden"
    r"|fliegt|fliegen|treffen)\b"
)
_DAY_OR_HOUR = re.compile(
    r"\bam\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende"
    r"|\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember|\d{1,2}\.))|\(\s*\d{1,2}[.:]\d{2}\s*Uhr\s*\)"
)
# (round 26) a part of the day: "trifft gegen Mittag mit X zusammen", "treffen sich am
# Nachmittag im Kanzleramt", "Am Abend nehmen A und B ... teil" (none-t19g07, de-t21g17,
# none-r17v06: a day's programme). Not "heute": "In Berlin empfängt X heute Y" is the day's
# report, labelled (de-t17g05, de-t220). Apart from `_DAY_OR_HOUR` and in a function of its own
# (`_present_part_of_day`), searched only in a clause holding "ittag" or "Abend": folded into
# `_DAY_OR_HOUR` or `_present_dated` it cost +0.35% of a German pass, apart +0.23%.
_PART_OF_DAY = re.compile(r"\b(?:[Aa]m|[Gg]egen)\s+(?:Vormittag|Mittag|Nachmittag|Abend)\b")
_PAST_FINITE = re.compile(
    r"\b(?:hat|hatte|haben|hatten|war|waren|wurde|wurden|ist|sind)\b|\b[a-zäöüß]{3,}(?:te|ten)\b"
    # the strong preterites of `_PRESENT_VERB`'s verbs ("sprach", "hielt", "traf")
    r"|\b(?:traf|trafen|empfing|empfingen|sprach|sprachen|hielt|hielten|nahm|nahmen|kam|kamen"
    r"|lud|luden|flog|flogen)\b"
)


def _present_part_of_day(clause: str) -> bool:
    """`_present_dated` with a part of the day for the day or hour (`_PART_OF_DAY`)."""
    return (
        _PART_OF_DAY.search(clause) is not None
        and _PRESENT_VERB.search(clause) is not None
        and _PAST_FINITE.search(clause) is None
    )


def _present_dated(clause: str) -> bool:
    return (
        _DAY_OR_HOUR.search(clause) is not None
        and _PRESENT_VERB.search(clause) is not None
        and _PAST_FINITE.search(clause) is None
    )


def _unreal(
    sentence: str, clause: str, bounds: tuple[int, int], prefix_start: int, end: int
) -> bool:
    """Whether the clause tells what did not happen: negated, modal, future or planned."""
    left, right = bounds
    negation = _NEGATION.search(clause)
    if negation and negation.group() in ("möchte", "möchten") and _GREETING_SAID.search(clause):
        negation = _NEGATION.search(clause, negation.end())  # the greeting is done by saying it
    if negation or (("wird" in clause or "werde" in clause) and _FUTURE.search(clause)):
        return True
    if (
        ("wird" in sentence or "werden" in sentence)
        and (future := _FUTURE_ANY.search(clause) or _FUTURE_ANY.search(sentence))
        and _PAST_FINITE.search(clause) is None
        and _ANNOUNCED_SPEECH.search(future.group()) is None
    ):
        return True
    if any(w in clause for w in _NOT_YET_WORDS) and _NOT_YET.search(clause):
        return True
    if (
        ("wird" in sentence or "werden" in sentence)
        and _FUTURE.search(sentence)
        and _PAST_FINITE.search(clause) is None
    ):
        # a phrase fronted before the future's verb: "Nach der Begrüßung durch ..., X, werden
        # die Bundeskanzlerin und ... sprechen" (none-t10z01)
        return True
    if ("am " in clause or "Uhr" in clause) and _present_dated(clause):
        return True
    if ("ittag" in clause or "Abend" in clause) and _present_part_of_day(clause):
        return True
    if "eladen" in clause and _INVITED_ONLY.search(clause):
        return True  # "waren auch ... der Bürgermeister X eingeladen": invited, not known to come
    if "eingeladen" in sentence and _INVITED_NOW.search(sentence):
        return True  # "hat X zu einem Gespräch eingeladen": still to come
    if "eplant" not in clause and "orgesehen" not in clause:
        return False
    after = sentence.find(", ", end, right)
    return (
        _PLANNED.search(
            sentence,
            max(left, sentence.rfind(", ", 0, prefix_start)),
            right if after < 0 else after,
        )
        is not None
    )


def _setting_roles(
    sentence: str,
    clause: str,
    bounds: tuple[int, int],
    prefix_start: int,
    end: int,
    *,
    as_object: bool,
) -> list[Role]:
    """Roles from where the list stands rather than from a verb: a photo caption, a guest,
    the speaker of a speech a relative clause tells."""
    left, right = bounds
    roles: list[Role] = []
    if not as_object and left == 0 and prefix_start == 0 and _CAPTION_AT.match(sentence, end):
        roles.append("attended")  # a photo caption: "A, B und C bei einer Sitzung der X"
    elif " mit " in sentence and _couples_caption(sentence):
        roles.append("attended")  # "X mit Gattin Y und Z mit Gattin W"
    if "Gast" in clause and _GUEST_AT.match(sentence, end, right):
        roles.append("attended")  # "Sandu bei Merkel zu Gast"
    if (
        left > 1
        and "," in sentence[max(0, left - 3) : left]
        and _SPEECH_BEFORE_RELATIVE.search(sentence, max(0, left - 40), left)
        and _HELD.search(clause)
    ):
        roles.append("spoke")  # "der Titel der Festrede, die Pfarrer X ... hielt"
    if (
        right < len(sentence)
        and sentence[right] == ","
        and not _AGENT_BEFORE.search(sentence, max(left, prefix_start - 60), prefix_start)
    ):  # (not "als Vertreterin von Landrat X": the one represented)
        roles.extend(r for r in _relative_roles(sentence, end, right) if r not in roles)
    return roles


# A relative clause after the list's clause, with the list as its antecedent: "übernahm Frau
# X, die als Bürgermeisterstellvertreterin zu unserer Versammlung gekommen war", "waren A sowie
# B ... erschienen, welche in Grußworten die Leistung der Absolventen würdigten".
_RELATIVE_SUBJECT = re.compile(
    r",\s+(?:der|die|welche[rs]?)\s+(?!(?:[a-zäöüß]+(?:e|en|er|es)\s+)?[A-ZÄÖÜ])"
)
_NOUN_BETWEEN = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\b")


def _relative_roles(sentence: str, end: int, right: int) -> list[Role]:
    """Roles a relative clause right after the list's clause tells of the list: only when no
    other noun stands between (the antecedent is the list) and only attending, speaking or
    being present (who hosts is told in the main clause)."""
    if not _RELATIVE_SUBJECT.match(sentence, right) or _NOUN_BETWEEN.search(sentence, end, right):
        return []
    stop = _CLAUSE_END.search(sentence, right + 1)
    relative = sentence[right + 1 : stop.start() if stop else len(sentence)]
    if _NEGATION.search(relative):
        return []
    return [r for r in _cue_roles(relative, as_object=False) if r != "presided"]


# One who came for the occasion, told by a participle before the name: "versicherte dem zum
# Festakt angereisten Bundespräsidenten Heinz Fischer".
_ARRIVED = re.compile(r"\bangereiste[nrm]?\s+(?:[^\s,.;:]+\s+){0,3}$")
# The host of a reception as a noun: "Der Empfang mit militärischen Ehren durch X und Y".
_RECEIVED_BY = re.compile(r"\bEmpfangs?\b[^.;:]{0,60}?\sdurch\s+(?:[^\s,.;:]+\s+){0,4}$")
# An act of the occasion as a noun with its agent after "durch" (round 14): "Nach der
# ökumenischen Segnung durch die beiden Pfarrer A und B" (de-t13z03), "Die Eröffnung wurde
# durch LR A, Bgm. B ... vorgenommen" (de-r13v05), "Nach der Segnung durch Pfarrer X"
# (de-t811), "Nach der Kranzniederlegung durch Bundeskanzler A und Vizekanzler B" (de-t505):
# who performs it takes part. Opening a meeting is chairing it ("Eröffnung der Sitzung durch
# X"); a sacrament given to others (Firmung, Taufe) is the cue table's (presided); a greeting
# is a speech (`_SPEECH_NOUN`), an honour the host's (left).
_ACT_BY = re.compile(
    r"(?:[Ss]egnung|[Ee]insegnung|[Ee]röffnung|[Ee]inweihung|[Nn]iederlegung|[Ee]nthüllung"
    r"|[Üü]bergabe|[Üü]berreichung|[Gg]rundsteinlegung|[Ss]patenstich)\s+"
    # the act's object in the genitive or the passive's verb between: "Eröffnung der
    # Ausstellung durch", "Die Eröffnung wurde durch"
    # (an ordinal too: "Eröffnung des 51. Hessentages durch", de-r12v07; round 15)
    r"(?P<gap>(?:(?:wurde|wurden|erfolgte|erfolgten)\s+|(?:des|der|eines|einer)\s+"
    r"(?:\d{1,3}\.\s+)?(?:[^\s.;:,]+\s+){1,3}?)?)"
    # then the agent's article and words before its titles, no verb ("durch Pater X richtete
    # die Landeshauptfrau Y": Y is the next clause's subject, de-t813)
    r"durch\s+(?:(?:die|der|den|dem|des|[a-zäöüß]+(?:en|er|em))\s+){0,3}"
    r"(?:[A-ZÄÖÜ][^\s,.;:]*\s+){0,3}$"
)
_MEETING_OPENED = re.compile(r"Sitzung|Versammlung|Tagung|Konferenz|Beratung|Plenum")
# The host of an invitation: "Der Einladung von Bundespräsident A, B und C folgte X",
# "auf Einladung des Bürgermeisters X".
_INVITED_BY = re.compile(r"\bEinladung\s+(?:von|vom|des|der)\s+(?:[^\s,.;:]+\s+){0,4}$")


def _framed_roles(
    sentence: str,
    start: int,
    left: int,
    clause: str,
    lead: str,
    others: Sequence[tuple[int, int]],
) -> list[Role] | None:
    """Roles a frame right before the list decides alone (None: no such frame): a side of a
    meeting noun, the source of a report, the agent of a passive."""
    if "es " in sentence[max(left, start - 80) : start] and _POSSESSOR.search(
        sentence, max(left, start - 80), start
    ):
        return []  # "an der Gepflogenheit seines Vorgängers X": named as kin or office
    if ("Vorsitz" in clause or "Präsidentschaft" in clause) and _HANDOVER.search(clause):
        # "übergab X den Vorsitz ... an Y": Y chairs from now on, X hands the chair over
        return ["presided"] if _TO_NEW_CHAIR.search(sentence, max(left, start - 80), start) else []
    if "angereist" in clause and _ARRIVED.search(sentence, max(left, start - 80), start):
        return ["attended"]  # "dem zum Festakt angereisten Heinz Fischer": a guest
    if "Einladung" in clause and _INVITED_BY.search(sentence, max(left, start - 80), start):
        return ["presided"]  # "Der Einladung von A und B folgte X": the hosts
    if (
        "Empfang" in clause
        and _RECEIVED_BY.search(sentence, max(left, start - 120), start)
        and not _STOOD_IN_BY.search(clause)  # "Beim Empfang war das Land durch X vertreten"
    ):
        # "Der heutige Empfang mit militärischen Ehren durch Bundespräsident X": the host
        return ["presided"]
    if "durch" in lead and (act := _ACT_BY.search(_ABBREVIATED.sub(r"\1", lead[-160:]))):
        return ["presided"] if _MEETING_OPENED.search(act["gap"]) else ["attended"]
    at = max(0, start - 160)  # the nouns' frames reach no farther
    gate = _FRAME_GATE.search(sentence, at, start)
    if gate is None:
        return _agent_roles(sentence, start, left, clause, lead)
    near = sentence[at:start]
    if any(w in near for w in _TALK_WORDS) and _talk_side(
        _masked(sentence, max(left, at), start, others)
    ):
        # "mit A und dem gastgebenden Bundesratspräsidenten B": B hosts
        return (
            ["presided"] if "gastgebend" in sentence[max(0, start - 60) : start] else ["attended"]
        )
    if any(w in near for w in _SPEECH_WORDS) and _speech_by(_masked(sentence, at, start, others)):
        if "Empfang" in sentence and _WELCOME_BY.search(near):
            return ["presided"]  # "Die Begrüßung durch X und den Empfang mit militärischen Ehren"
        if _WELCOME_OF.search(near) and " durch " in sentence[start : start + 160]:
            return [
                "attended"
            ]  # "Begrüßung von Kanzlerin X durch Ministerpräsident Y": X is greeted
        return ["spoke"]
    return _agent_roles(sentence, start, left, clause, lead)


_MUSICAL = re.compile(r"\ban\s+der\s+Orgel\b|\bam\s+(?:Klavier|Flügel|Keyboard)\b|\bmusikalisch\b")


def _participle_agent(sentence: str, start: int, end: int, left: int) -> list[Role] | None:
    """The agent of a participle before its noun: "der von A, B und C moderierten
    Veranstaltung", "der von unserem Schatzmeister X vorgetragene Wirtschaftsplan"."""
    agent = _AGENT_PARTICIPLE.match(sentence, end)
    if agent is None or not _AGENT_BEFORE.search(sentence, max(left, start - 100), start):
        return None
    return ["spoke" if agent["verb"] in _SPOKEN else "presided"]


def _done_by_roles(clause: str) -> list[Role] | None:
    """The role of the agent "durch X" of a passive told as done (None: no such passive)."""
    if _STOOD_IN_BY.search(clause):
        # (round 26) "Liechtenstein wurde durch Regierungschef A, ... sowie B vertreten", "bei
        # dem das Land durch A und B repräsentiert wurde", "war durch X vertreten": who stood
        # for a body was there, as the agent "von X" of DE_PASSIVE's "vertreten" is (not the
        # music that accompanied)
        return [] if _MUSICAL.search(clause) else ["attended"]
    if not _DONE.search(clause):
        return None
    if cues.DE_PASSIVE[0][1].search(clause):
        return ["presided"]  # "wurde durch X geleitet": who led it
    if cues.DE_SWORN_IN.search(clause):
        # "wurden Rekruten durch Präsidentin X angelobt": who swore them in attends (LABELLING.md,
        # "Wordings settled by count (round 23)"; presided until then)
        return ["attended"]
    return None


def _agent_roles(sentence: str, start: int, left: int, clause: str, lead: str) -> list[Role] | None:
    """The roles a list's source, preposition or passive agent frame decides alone."""
    if _REPORTER.search(lead):
        # "sagte ein Sprecher des Kremls, Dmitri Peskow": the source of a report; but a quote
        # from one's own speech is speaking ("so X in seiner Festansprache")
        return ["spoke"] if _OWN_SPEECH.search(clause) else []
    if "durch" in lead and _AGENT_BY.search(lead, len(lead) - 100):
        done_by = _done_by_roles(clause)
        if done_by is not None:
            return done_by
    if _GOVERNED.search(lead, len(lead) - 100):
        return []  # "Den Trauergottesdienst für Rau hielt X": Rau is no subject
    if "Vertretung" in lead and _REPRESENTED.search(lead):
        return []  # "der in Vertretung von Bundeskanzler X teilnimmt": X is absent
    if "eisein" in lead or "nwesenheit" in lead:
        if _PRESENCE_OF.search(lead, len(lead) - 100):
            # "In Anwesenheit von A und B wurden ... eröffnet", "unter Beisein von X wurde ...
            # eröffnet": the "von" of a presence, no passive's agent (de-r13v10, -r13v11)
            return ["present"]
    # the agent's "von" may stand among the words taken for titles ("in Chur von X")
    if _AGENT_BEFORE.search(lead, len(lead) - 100) or _AGENT_BEFORE.search(
        sentence, max(left, start - 100), start
    ):
        if _headline_passive(sentence[left:]):
            return ["presided"]  # "Steinmeier von Van der Bellen ... empfangen": the host
        passive_roles = _passive_agent_roles(sentence, start, left, clause)
        if passive_roles is not None:
            return passive_roles
        if "eitung" in lead and cues.DE_MUSIC_LED.search(sentence, max(left, start - 120), start):
            # "Nach der Eröffnung durch die Jazz Combo unter der Leitung von X ließ der
            # Bürgermeister ...": the band's leader, named in passing, no subject
            return []
    return None


def _passive_agent_roles(sentence: str, start: int, left: int, clause: str) -> list[Role] | None:
    """The role of the agent "von X" of a passive in the clause (None: no passive)."""
    for agent_role, passive in cues.DE_PASSIVE:
        found = passive.search(clause)
        if found:
            if agent_role == "presided" and "röffnet" in found.group() and _opened_place(clause):
                return ["attended"]  # "wurde von Regierungsrat X feierlich eröffnet": a fair
            if agent_role == "attended" and _MUSICAL.search(clause):
                return []  # "von Regionalkantor X an der Orgel begleitet": the music
            if agent_role == "presided" and cues.DE_MUSIC_LED.search(
                sentence, max(left, start - 120), start
            ):
                return []  # "Marschmusik ... unter der Stabführung von X": a conductor
            return [agent_role]  # "wurde von X geleitet", "wird von X vertreten"
    found = _LED_PASSIVE.search(clause)
    if found:
        if (found["first"] or found["last"]) == "gestaltet" and _MUSICAL.search(clause):
            return []  # "Musikalisch wurde die Messe vom Gesangsverein gestaltet"
        return ["presided"]
    return None


# A rite or a reception in the passive, its agent "von X" before or after the participle, the
# participle before its auxiliary in a subordinate clause as well: "wurde es feierlich
# eingeweiht von den vier Landkreis-Dekanen A, B, C und D" (de-t903), "die von Dechant X
# zelebriert ... wurde" (de-t11z12), "der unter anderem vom Altbischof X gestaltet wurde"
# (de-t11z14), "wo sie von Oberbürgermeisterin X, Y und Z in Empfang genommen wurde"
# (de-t11z25): who celebrated, blessed, led or received presided. Told in the past only: "wird
# von X geweiht" is still to come.
_LED_PARTICIPLE = r"zelebriert|eingeweiht|gesegnet|geweiht|gestaltet|in\s+Empfang\s+genommen"
_LED_PASSIVE = re.compile(
    rf"\b(?P<first>{_LED_PARTICIPLE})\b[^;]{{0,60}}?\b(?:wurde|wurden|worden)\b"
    rf"|\b(?:wurde|wurden)\b[^;]{{0,80}}?\b(?P<last>{_LED_PARTICIPLE})\b"
)


# A headline's passive, its auxiliary left out: "Steinmeier von Van der Bellen bei Staatsbesuch
# in Österreich empfangen" (no finite verb: with "hat" the subject is the host).
_HEADLINE_PASSIVE = re.compile(
    r"^(?!.*\b(?:hat|hatte|haben|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|will|soll"
    r"|möchte)\b)[^,;]*\bvo[nm]\s[^,;]*\b(?:empfangen|begrüßt|begrüsst)\s*[.!]?\s*$"
)


_VON_AFTER = re.compile(r"\s+vo[nm]\s")


def _headline_passive(clause: str) -> bool:
    return ("empf" in clause or "begrü" in clause) and _HEADLINE_PASSIVE.match(clause) is not None


# The passive of an invitation: its subject is the guest ("Zusammen mit über 2.000 weiteren
# Gästen wurden auch die Lallinger Mostkönigin X und Kreisbrandinspektor a. D. Y ... von der
# Bayerischen Staatsregierung zum Neujahrsempfang ... eingeladen", de-t15z04), as the one
# received is ("wurde X ... empfangen").
_INVITED = re.compile(r"\b(?:wurde|wurden)\b[^;]{0,300}\b(?:eingeladen|geladen)\b")


def _passive_with_agent_after(
    sentence: str, clause: str, end: int, right: int, others: Sequence[tuple[int, int]]
) -> bool:
    """A passive clause whose agent ("von Y") is another list after this one."""
    if not _PASSIVE_AUX.search(clause):
        # a headline's: the one received stands right before the agent's "von"
        return _VON_AFTER.match(sentence, end) is not None and _headline_passive(sentence)
    if not _AGENT_BEFORE.search(sentence, 0, end) and (
        cues.DE_PASSIVE[0][1].search(clause)
        or cues.DE_SWORN_IN.search(clause)
        or _INVITED.search(clause)
    ):
        return True  # "wurde Steinmeier mit militärischen Ehren empfangen": the one received
    return any(
        end <= s < right and _AGENT_BEFORE.search(sentence, end, s) is not None for s, _ in others
    )


def _reception_role(
    sentence: str,
    end: int,
    prefix_start: int,
    right: int,
    others: Sequence[tuple[int, int]],
    after_subject: bool,
    left: int,
) -> Role | None:
    """A reception as a noun: its guest in the genitive attends, the subject before it hosts."""
    if after_subject:
        since = max(e for s, e in others if left <= s and e <= prefix_start)
        gap = sentence[since:prefix_start]
        if ("Empfang" in gap or "Begrüßung" in gap) and _GUEST_AFTER_RECEPTION.search(
            sentence, since, prefix_start
        ):
            return "attended"
    if "Empfang" not in sentence and "Begrüßung" not in sentence:
        return None
    reception = _RECEPTION_OF.search(sentence, end, right)
    if reception and any(reception.end() <= s < right for s, _ in others):
        return "presided"  # the subject of a reception with its guest named after it
    return None


def _fronted_role(
    sentence: str,
    prefix_start: int,
    right: int,
    others: Sequence[tuple[int, int]],
    *,
    as_object: bool,
) -> Role | None:
    """The role a fronted "Als Festredner" gives this list: the object's when the clause has
    one, else the subject's."""
    guest = _AS_GUEST.match(sentence)
    if guest is None:
        return None
    role: Role = "spoke" if guest.lastgroup == "spoke" else "attended"
    if as_object or not any(prefix_start <= s < right for s, _ in others):
        return role
    return None


# The object of "traf" a group, not named people: "hat ... die ausländischen Vertreter der
# Konferenz getroffen" (met a group: chaired).
_GROUP_OBJECT = re.compile(
    r"\b(?:die|den)\s+(?:[\wäöüß-]+\s+){0,2}?(?:Vertreter|Vertreterinnen|Mitglieder|Teilnehmer"
    r"|Teilnehmerinnen|Delegierten|Regierungschefs|Ministerpräsidenten|Länderchefs"
    # plurals by their ending: "die Landeshauptleute", "die Ressortchefs", "Ministerinnen"
    r"|[A-ZÄÖÜ][\wäöüß-]*(?:leute|chefs|chefinnen|innen))\b(?!\s+X\b)"
)


# The gate words of every DE_CLAUSE_CUES entry, found in one scan of the clause: each place
# where one begins gives the longest there, and that one stands for every gate word that is a
# prefix of it (a word beginning elsewhere is found at its own place). One scan instead of a
# substring test per gate word and entry (~150 a clause).
_GATE_WORDS = sorted({g for gates in cues.DE_CLAUSE_GATES for g in gates})
# (The trie itself, searched again one character past each find: every place a gate word
# starts, as a lookahead's `finditer` found them, but a pattern opening with literal characters
# lets re skip in C to the next first letter, where the lookahead was tried at every character.)
_GATE_FIND = re.compile(cues.literal_trie(_GATE_WORDS))


def _gate_entries(words: list[str], entries: Sequence[Sequence[str]]) -> dict[str, frozenset[int]]:
    """Each of the sorted `words`: the entries holding a gate word it begins with. The words
    beginning with a gate stand together in sorted order from where the gate would be
    inserted: a search per gate. Testing every word against every gate was 47 M of this
    module's 63 M instructions of import, in every process that reads people (round 25)."""
    found: dict[str, set[int]] = {w: set() for w in words}
    for k, gates in enumerate(entries):
        for gate in gates:
            i = bisect_left(words, gate)
            while i < len(words) and words[i].startswith(gate):
                found[words[i]].add(k)
                i += 1
    return {w: frozenset(ks) for w, ks in found.items()}


_GATE_ENTRIES = _gate_entries(_GATE_WORDS, cues.DE_CLAUSE_GATES)


def _gated(low: str) -> frozenset[int]:
    """The DE_CLAUSE_CUES entries one of whose gate words the lower-cased clause holds."""
    found: frozenset[int] = frozenset()
    m = _GATE_FIND.search(low)
    while m is not None:
        found |= _GATE_ENTRIES[m.group()]
        m = _GATE_FIND.search(low, m.start() + 1)
    return found


def _cue_roles(clause: str, *, as_object: bool) -> list[Role]:
    """The roles the cue words of a clause give a list in subject or object position."""
    roles: list[Role] = []
    gated = _gated(clause.lower())
    if not gated:
        return roles
    for k, (subject_role, object_role, pattern) in enumerate(cues.DE_CLAUSE_CUES):
        if k not in gated:
            continue
        m = pattern.search(clause)
        if m is None:
            continue
        role = object_role if as_object else subject_role
        # the host who received a guest and walked him on ("empfing X ... und begleitete ihn
        # zur Baustelle", de-r11v06) is the host alone (round 24, de24)
        host_along = "presided" in roles and m.group().startswith("begleite")
        if role == "attended" and subject_role == object_role and not as_object:
            if (cues.DE_WITH_BODY.match(clause, m.end()) and "anwesend" not in clause) or (
                m.group().startswith(("traf", "trifft", "getroffen"))
                and _GROUP_OBJECT.search(clause)
            ):
                role = "presided"  # "beriet mit dem Sicherheitsrat": a meeting with a body
        if (
            role == "present"
            and subject_role == "present"
            and "attended" in roles
            and not as_object
        ):
            roles.remove("attended")  # "war auf einem Treffen mit ... anwesend": present
        if role == "presided" and m.group().startswith("eröffne") and _opened_place(clause):
            role = "attended"  # "eröffnete das generalsanierte Gemeindehaus": at its opening
        if role is not None and role not in roles and not host_along:
            roles.append(role)
        if role == "presided" and object_role == "attended" and _TALKS_FOR.search(clause):
            roles.append("attended")  # "empfing X zu offiziellen Gesprächen": the host talks too
        if subject_role == object_role == "attended":  # a meeting "mit": not a speech
            clause = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end() :]
    return roles


# What one opens: a meeting one chairs ("eröffnete die Sitzung"), a building, a square, a fair
# or a festival one attends the opening of ("LH Mikl-Leitner eröffnete das generalsanierte
# Gemeindehaus", "als die Messe von Regierungsrat X feierlich eröffnet wurde"; de-t10z07, z15).
_OPENED_PLACE_WORD = re.compile(
    r"\b(?=[A-ZÄÖÜ])[\wäöüß-]*(?i:haus|hauses|gebäude|gebäudes|halle|platz|platzes|zentrum|zentrums"
    r"|schule|kindergarten|kita|brücke|straße|strasse|rathaus|rathauses|museum|museums"
    r"|bahnhof|park|anlage|heim|saal|bad|stätte|messe|fest|festes|markt|amt"
    r"|amtes|gelände|geländes|weg|wegs|bau|baus|zubau|werk|werks|filiale|geschäft|laden"
    r"|station|wache"
    # an exhibition, a show, an animal enclosure: opened to visitors, the opener is at its
    # opening ("eröffnet die Landesausstellung", "das neue Pandagehege des Berliner Zoos
    # eröffnet"; de-t13z01, de-t14z28, de-t14z30, de-t15z21: every such German label attended)
    r"|ausstellung|gehege|schau|galerie)\b"
)
_OPENED_MEETING = re.compile(
    r"[Ss]itzung|[Vv]ersammlung|JHV|GV\b|[Tt]agung|[Kk]onferenz|[Dd]ebatte|[Bb]eratung|[Gg]ipfel"
    r"|[Kk]ongress|[Ss]ymposium|[Rr]unde|[Rr]eigen|[Vv]eranstaltung|[Ff]estakt|[Ss]aison|[Ff]orum"
    r"|[Pp]lenum|[Gg]ottesdienst|[Ss]pielzeit|[Dd]iskussion|[Tt]reffen"
)


def _opened_place(clause: str) -> bool:
    """Whether the clause opens a building, a place, a fair or a festival, not a meeting."""
    return _OPENED_PLACE_WORD.search(clause) is not None and _OPENED_MEETING.search(clause) is None


# A reception's purpose, talks the host holds with the guest.
_TALKS_FOR = re.compile(
    r"\bzu(?:m|r)?\s+(?:(?:einem|einer|den|dem|der|offiziellen|ersten|gemeinsamen|vertraulichen"
    r"|bilateralen|längeren|ausführlichen)\s+)*(?:Gespräch|Gesprächen|Unterredung|Arbeitsgespräch"
    r"|Arbeitsgesprächen|Meinungsaustausch|Beratungen)\b"
)


def _masked(sentence: str, left: int, right: int, spans: Sequence[tuple[int, int]]) -> str:
    """The clause with each list replaced by a placeholder (names and titles are no cue
    words, and a long list must not push a verb's particle out of reach)."""
    out: list[str] = []
    at = left
    for s, e in sorted((max(s, left), min(e, right)) for s, e in spans):
        if s >= e or s < at:
            continue
        out.append(sentence[at:s])
        out.append(" X ")
        at = e
    out.append(sentence[at:right])
    return "".join(out)


# Sentences that name nobody and still give a role, through a pronoun:
# "Er hält bei dem Staatsakt eine Rede", "In seiner Rede behandelte er viele Themen" (the
# speaker is the one the sentence before names first); "Anschließend zogen sich beide
# Präsidenten zu einem Gespräch zurück" (the host of the reception just told takes part too).
_PRONOUN_SPEECH = re.compile(
    r"\b(?:[Ii]n|[Bb]ei|[Mm]it)\s+(?:seiner|ihrer)\s+[\wäöüß-]*(?:[Rr]ede|[Aa]nsprache|Grußwort"
    r"|Grusswort|Laudatio|[Pp]redigt)\b"
    r"|\b(?:[Ee]r|[Ss]ie)\s+(?:hielt|hält)\b[^.;]{0,80}?(?:[Rr]ede|[Aa]nsprache|Grußwort|Laudatio"
    r"|[Pp]redigt)\b"
)
_PRONOUN = re.compile(r"\b(?:[Ee]r|sie)\b|^\s*Sie\b")
_BOTH = re.compile(
    r"\b(?:[Bb]eide|die\s+beiden)\b|\b(?:zogen|gingen|kamen|führten|tauschten|berieten)\s+sie\b"
)
_BOTH_TALK = re.compile(r"Gespräch|Mittagessen|Arbeitsessen|Unterredung|\btauschten\b|\bberieten\b")


# "Ihr Telefonat am Montag sei produktiv gewesen": the people the sentence before names.
_THEIR_TALK = re.compile(
    r"^\s*Ihre?\s+(?:[\wäöüß-]+\s+)?(?:Telefonat|Telefongespräch|Gespräch|Treffen|Unterredung)\b"
)


def pronoun_role(sentence: str) -> Role | None:
    """The role a sentence naming nobody gives through a pronoun: "spoke" (to the first
    person the sentence before names), "attended" (to the host of the reception before, when
    "beide" hold talks), "present" standing for "attended" by all the people the sentence
    before names ("Ihr Telefonat ..."), else None."""
    if (
        sentence.startswith("Ihr")
        and _THEIR_TALK.match(sentence)
        and not _NEGATION.search(sentence)
    ):
        return "present"
    if (
        "Rede" in sentence or "rede" in sentence or "nsprache" in sentence or "redigt" in sentence
    ) and (
        _PRONOUN_SPEECH.search(sentence)
        and _PRONOUN.search(sentence)
        and not _NEGATION.search(sentence)
    ):
        return "spoke"
    if ("beide" in sentence or " sie " in sentence) and (
        _BOTH_TALK.search(sentence) and _BOTH.search(sentence)
    ):
        return "attended"
    return None


# A sentence that goes on with the list of the sentence before, after a word of addition and
# a colon ("Unter den Festgästen waren A, B und C. Weiters: D, E und F."), or naming the
# members of the group it ended on ("... mit Hollande und seiner Delegation. Dazu gehören
# Finanzminister X, ...", "Darunter waren X und Y").
_LIST_GOES_ON = re.compile(
    r"^\s*(?:(?:Weiters|Weiterhin|Ferner|Außerdem|Ausserdem|Zudem|Daneben|Dazu|Ebenso|Sowie"
    r"|Darüber\s+hinaus|Des\s+Weiteren|Und)\s*:\s"
    r"|(?:Dazu|Darunter)\s+(?:gehören|gehörten|gehörte|gehört|zählen|zählten|zählte|zählt"
    r"|waren|sind|war|ist)\s|Darunter\s|Unter\s+ihnen\s)"
)


# After the opener only a list: names, titles, joiners, articles and declined adjectives (the
# lower-case words of three letters or more, `_LOWER_WORD`, but "und"); a verb or a
# preposition of its own makes it a sentence of its own ("Außerdem: Scholz reist nach China",
# a link to another story).
_LIST_WORD = re.compile(r"(?:bzw|die|der|den|dem|des|von|vom|aus|für|[a-zäöüß]+(?:e|er|en|es|em))$")


_MEMBERS_OF = re.compile(r"^\s*(?:Unter\s+ihnen|Darunter)\b")


def continued_roles(sentence: str, roles: list[Role]) -> list[Role]:
    """The roles of a list going on from the sentence before (`continues_list`): that list's,
    but members of a group ("Unter ihnen", "Darunter") the hosts greeted are guests ("...
    konnten Bürgermeisterin X und Kommandant Y die etwa 300 Gäste begrüßen. Unter ihnen ... Z":
    Z attends; de-t12z30)."""
    if "presided" in roles and _MEMBERS_OF.match(sentence):
        return list(dict.fromkeys("attended" if r == "presided" else r for r in roles))
    return roles


# A group of guests told without a name, its members named in the next sentence ("Am Donnerstag
# ... fanden sich 50 Gäste ein. Unter ihnen ... Planer A, Bauleiter B", de-r14v09; round 15).
_GUEST_GROUP = re.compile(
    r"[Gg]äste\b|[Gg]ästen\b|Besucher(?:innen|n)?\b|Teilnehmer(?:innen|n)?\b|Würdenträger"
)


def guests_before(sentence: str, previous: str) -> bool:
    """Whether `sentence` opens on the members ("Unter ihnen", "Darunter") of a group of guests
    the sentence before (`previous`) tells of."""
    return (
        _MEMBERS_OF.match(sentence) is not None
        and _GUEST_GROUP.search(previous) is not None
        # (round 19) not the guests invited only: "Eingeladen sind 135 Gäste ... Darunter A, B"
        and not ("eladen" in previous and _INVITED_ONLY.search(previous))
    )


def invited_members(sentence: str, previous: str) -> bool:
    """Whether `sentence` opens on the members ("Darunter") of guests the sentence before only
    invites ("Eingeladen sind 135 Gäste ...", `_INVITED_ONLY`): the model adds none of them."""
    return (
        "eladen" in previous
        and _MEMBERS_OF.match(sentence) is not None
        and _INVITED_ONLY.search(previous) is not None
    )


def continues_list(sentence: str) -> bool:
    """Whether `sentence` goes on with the last list of the sentence before (its roles)."""
    opener = _LIST_GOES_ON.match(sentence) if sentence[:1] in "WFAZDESU" else None
    return opener is not None and all(
        _LIST_WORD.match(w) for w in _LOWER_WORD.findall(sentence, opener.end())
    )


# A photo's caption: a short paragraph closed by the photo's credit ("(Bild: KEYSTONE/WALTER
# BIERI)", "Foto: Beate Palmert-Adorff", "/ Foto: kremlin.ru"), or one that says who stands
# where ("Beim symbolischen Spatenstich (v.li.): A, B und C"). The people it shows doing
# something are at the occasion the report tells.
# (round 14: a credit of more than the photo, "Fotos/Podcast: X | Foto: X" (de-r13v01), and a
# source that names a photographer and an agency, "Quelle: Victoria Jones/PA Wire/dpa"
# (de-t13z15, de-r13v09), "Quelle: Daniel Reinhardt/Archiv" (de-t13z11), "Quelle: Jörg
# Blank/dpa" (none_zh-t808): three outlets; not a text's source alone, "Quelle: dpa")
_PHOTO_CREDIT = re.compile(
    r"\s*(?:/\s*)?\(?(?:(?:Foto|Fotos|Bild|Bilder)(?:/[A-ZÄÖÜ][a-zäöü]+)?\s*:"
    r"|Quelle\s*:(?=[^:;()©/]{1,40}/)|©)\s*[^:;()©]{1,60}\)?\s*$"
)
_CREDIT_SEPARATOR = re.compile(r"\s*\|\s*$")  # between two credits: "Fotos/Podcast: X | Foto: X"
_POSITION_MARK = re.compile(
    r"\((?:v\.\s*l(?:i)?\.(?:\s*n\.\s*r\.)?|von\s+links(?:\s+nach\s+rechts)?)\)"
    # without brackets, before a colon: "Von links nach rechts: der Ofenbaumeister X, ..."
    r"|(?<!\w)(?:[Vv]\.\s*l\.\s*n\.\s*r\.|[Vv]on\s+links\s+nach\s+rechts)\s*:"
)
_CAPTION_MAX = 300  # characters: an article's paragraph may end on a credit as well
_GROUP_CAPTION_MAX = 1000  # with a position mark near its start: a group photo's rows of names
_MARK_OPENS = 60
_MARK_OPENS_PHRASE = 160  # after an occasion's phrase of the caption's first sentence
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)(?<!\b[A-ZÄÖÜa-zäöü]\.\s)")
_LOWER_WORD = re.compile(r"\b(?!(?:und|sowie|oder)\b)[a-zäöüß]{3,}\b")  # a verb or an occasion
# An archive picture, or a caption telling a cancellation ("die die Absage an dem Gipfel
# bestätigt hat"): nobody it names is shown at the occasion.
_NOT_THERE = re.compile(r"Archiv|Symbolbild|Symbolfoto|\bFotomontage\b|Absage|abgesagt|absagen")


def _mark_opens(body: str, marked: re.Match[str]) -> bool:
    """Whether the position mark opens the caption: near its start, or after a phrase naming
    the occasion within its first sentence ("Eröffnung des generalsanierten Gemeindehauses in
    Lilienfeld, im Bild von links nach rechts: A, B, ...", de-t10z07)."""
    start = marked.start()
    return start <= _MARK_OPENS or (
        start <= _MARK_OPENS_PHRASE and _SENTENCE_END.search(body, 0, start) is None
    )


def photo_caption(paragraph: str) -> str | None:
    """The caption `paragraph` is, without its credit; None when it is none. A caption must
    say more than a name ("Nicholas Wilke Foto: X" is a portrait) and show no archive picture."""
    credit = None
    if "Foto" in paragraph or "Bild" in paragraph or "©" in paragraph or "Quelle" in paragraph:
        credit = _PHOTO_CREDIT.search(paragraph)
    body = paragraph[: credit.start()] if credit else paragraph
    if credit and (separator := _CREDIT_SEPARATOR.search(body)):
        before = _PHOTO_CREDIT.search(body, 0, separator.start())
        body = body[: before.start()] if before else body
    if credit is None and "(v" not in body and "links" not in body and "v.l" not in body.lower():
        return None
    marked = _POSITION_MARK.search(body)
    if not (credit or marked) or (
        len(body) > _CAPTION_MAX
        # a group photo's rows of names: opened by who stands where ("Vordere Reihe von links
        # nach rechts: A, B, ..."), not a mark deep inside an article's paragraph
        and (marked is None or not _mark_opens(body, marked) or len(body) > _GROUP_CAPTION_MAX)
    ):
        return None
    # a position mark says who stands where: several people, no portrait ("Zwei
    # Ministerpräsidenten (v.l.): A und B")
    if not (marked or _LOWER_WORD.search(body)) or _NOT_THERE.search(body):
        return None
    return None if _NEGATION.search(body) else body


# A page set at a fixed width (an old club page, a newsletter): lines broken inside sentences and
# names ("eröffnete der Schützenvogt" / "Rolf Köhler die diesjährige …", "Michael" / "Austen
# begrüßen."; de-t11z03, and de-t10z01, de-r10v05, de-t912 of rounds 16-19).
_LINE_ENDS = frozenset('.!?:;"“”»)')


def unwrapped(text: str) -> str:
    """`text` with the line breaks of a hard-wrapped page joined by spaces: when at least three
    lines, and a fifth of them, end without a sentence's end before a line opening in lower case
    (a sentence going on: German capitalises nouns, so the lower case is a verb, an article or a
    preposition), every line without a sentence's end joins the next. Other texts are returned
    as they are."""
    lines = text.split("\n")
    if len(lines) < 6:
        return text
    filled = [line.strip() for line in lines]
    going_on = sum(
        1
        for line, following in pairwise(filled)
        if line and following[:1].islower() and line[-1] not in _LINE_ENDS
    )
    if going_on < 3 or going_on * 5 < sum(1 for line in filled if line):
        return text
    out: list[str] = []
    going = False  # a sentence went on in lower case: the headline's lines are behind
    for stripped in filled:
        if out and out[-1] and stripped and out[-1][-1] not in _LINE_ENDS:
            going = going or stripped[0].islower()
            if going:  # (a line in capitals joins only then: "Michael" / "Austen begrüßen.")
                out[-1] = f"{out[-1]} {stripped}"
                continue
        out.append(stripped)
    return "\n".join(out)
