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
from collections.abc import Sequence

from worker.detect import role_cues as cues
from worker.detect.model import Role

# Where a clause ends: sentence punctuation, a dash, or a comma before a subordinating word.
_CLAUSE_END = re.compile(
    r";\s|\s[–—]\s|\s-\s|,\s+(?=(?:dass|weil|während|als|nachdem|bevor|wenn|ob|wobei|da|um"
    r"|sagte|sagten|erklärte|betonte|berichtete|teilte|hieß|so"
    r"|die|der|das|deren|dessen|welche[rsmn]?|bei\s+dem|an\s+dem|zu\s+dem|in\s+dem|bevor)\b)"
)
_NEGATION = re.compile(r"\b(?:nicht|kein|keine|keinen|nie|niemals)\b")
# Directly before a list (past its titles): the list is an object.
_OBJECT_BEFORE = re.compile(
    r"\b(?:den|dem|einen|einem|seinen|seinem|ihren|ihrem|unseren|unserem|mit)\s+"
    r"(?:[^\s.;:]+,?\s+){0,8}$"
)
_OBJECT_INSIDE = re.compile(r"\b(?:den|dem|einen|einem|seinen|seinem|ihren|ihrem)\s")
# "zu dem X eingeladen hatte": a relative pronoun after a preposition, not the list's article.
_RELATIVE = re.compile(r"^\s*(?:zu|an|bei|auf|in|mit|von|über|für)\s+(?:dem|der|den|denen)\s+")
_REPORTER = re.compile(
    r"^\s*(?:sagte|sagten|erklärte|betonte|berichtete|teilte|hieß\s+es|so)\b(?!.*\bmit\b)"
)
# "gemeinsam mit dem Bundeskanzler X": X does what the subject does.
_CO_SUBJECT = re.compile(r"\b(?:gemeinsam|zusammen)\s+mit\s+(?:[^\s,.;:]+\s+){0,4}$")
_AGENT_BEFORE = re.compile(r"\bvon\s+(?:[^\s,.;:]+\s+){0,4}$")
# A sentence that opens on the speech it reports: "In seiner Ansprache, die ..., würdigte
# Bundespräsident X ...": its subject spoke, whatever the verb of the main clause.
_SPEECH_FRONT = re.compile(
    r"^\s*(?:In|Mit|Zu\s+Beginn)\s+(?:seiner|ihrer)\s+(?:[\wäöüß-]+\s+)?(?:Rede|Ansprache"
    r"|Festrede|Grußwort|Grusswort|Eröffnungsrede|Begrüßung|Regierungserklärung|Laudatio"
    r"|Predigt|Erklärung)\b"
)


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around sentence[start:end]."""
    left = 0
    for boundary in _CLAUSE_END.finditer(sentence, 0, start):
        left = boundary.end()
    after = _CLAUSE_END.search(sentence, end)
    return left, (after.start() if after else len(sentence))


def german_roles(
    sentence: str, start: int, end: int, prefix_start: int, others: Sequence[tuple[int, int]]
) -> list[Role]:
    """Roles of the list at sentence[start:end] (its titles begin at `prefix_start`);
    `others` are the spans of the other lists in the sentence (their words are no cues)."""
    left, right = clause_bounds(sentence, prefix_start, end)
    clause = _masked(sentence, left, right, [(prefix_start, end), *others])
    if _NEGATION.search(clause):
        return []
    lead = _RELATIVE.sub("", sentence[left:prefix_start])
    if _REPORTER.search(lead):
        return []  # "sagte ein Sprecher des Kremls, Dmitri Peskow": the source of a report
    if _AGENT_BEFORE.search(lead):
        for agent_role, passive in cues.DE_PASSIVE:
            if passive.search(clause):
                return [agent_role]  # "wurde von X geleitet", "wird von X vertreten"
    after_subject = any(left <= s and e <= prefix_start for s, e in others)
    as_object = bool(
        _OBJECT_BEFORE.search(lead)
        or _OBJECT_INSIDE.search(sentence, prefix_start, end)
        or after_subject  # "Steinmeier empfing Staatspräsident Zeman": the second is the object
    ) and not _CO_SUBJECT.search(lead)
    roles: list[Role] = []
    if not as_object and not after_subject and _SPEECH_FRONT.match(sentence):
        roles.append("spoke")
    return roles + [r for r in _cue_roles(clause, as_object=as_object) if r not in roles]


def _cue_roles(clause: str, *, as_object: bool) -> list[Role]:
    """The roles the cue words of a clause give a list in subject or object position."""
    roles: list[Role] = []
    for subject_role, object_role, pattern in cues.DE_CLAUSE_CUES:
        m = pattern.search(clause)
        if m is None:
            continue
        role = object_role if as_object else subject_role
        if role == "attended" and subject_role == object_role and not as_object:
            if cues.DE_WITH_BODY.match(clause, m.end()):
                role = "presided"  # "beriet mit dem Sicherheitsrat": a meeting with a body
        if role is not None and role not in roles:
            roles.append(role)
        if subject_role == object_role == "attended":  # a meeting "mit": not a speech
            clause = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end() :]
    return roles


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
