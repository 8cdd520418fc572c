"""Which headings and labels of a written postmortem mean what: data, so teams can add their own wording.

Section names are matched after normalising (lower case, no markdown, numbering or punctuation):
first exactly against `SECTIONS`, then, for real headings only, by the first keyword of
`KEYWORDS` that the heading contains. `KINDS` says what each section becomes in a review.
"""

from __future__ import annotations

import re

SECTIONS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "executive summary", "overview", "tldr", "tl dr", "incident summary", "description",
                "what happened", "abstract"),
    "impact": ("impact", "customer impact", "user impact", "business impact", "impact assessment", "effect"),
    "causes": ("root causes", "root cause", "contributing factors", "contributing factor", "causes", "cause",
               "root cause analysis", "causes and contributing factors", "root causes and contributing factors",
               "why it happened", "analysis"),
    "trigger": ("trigger", "triggers", "triggering event"),
    "resolution": ("resolution", "mitigation", "recovery", "resolution and recovery", "fix", "how it was fixed",
                   "mitigation and resolution"),
    "detection": ("detection", "how it was detected", "how we found out", "how was it detected"),
    "actions": ("action items", "actions", "follow ups", "followups", "follow up actions", "follow up items",
                "corrective actions", "next steps", "repair items", "todo", "to do", "tasks", "remediation",
                "remediation items", "corrective and preventative actions", "preventive actions", "action plan"),
    "lessons": ("lessons learned", "lessons", "learnings", "takeaways", "key takeaways", "what we learned",
                "what we know now"),
    "went_well": ("what went well", "went well", "things that went well", "what went right", "went right",
                  "what worked", "what worked well", "successes", "the good"),
    "went_wrong": ("what went wrong", "went wrong", "things that went wrong", "what didnt go well",
                   "what did not go well", "what could have gone better", "what could be improved", "challenges",
                   "the bad"),
    "lucky": ("where we got lucky", "got lucky", "lucky", "luck", "where we were lucky", "what was lucky"),
    "questions": ("open questions", "questions", "unanswered questions", "unknowns"),
    "timeline": ("timeline", "chronology", "sequence of events", "timeline of events", "incident timeline",
                 "event timeline", "detailed timeline"),
    "ignore": ("supporting information", "appendix", "references", "links", "glossary", "table of contents",
               "contents", "attachments", "related documents", "metadata", "details", "incident details"),
}
"""Section name -> the wordings teams use for it."""

KEYWORDS: tuple[tuple[str, str], ...] = (
    ("went well", "went_well"), ("went right", "went_well"), ("worked", "went_well"),
    ("went wrong", "went_wrong"), ("go well", "went_wrong"), ("gone better", "went_wrong"),
    ("lucky", "lucky"), ("luck", "lucky"),
    ("timeline", "timeline"), ("chronolog", "timeline"),
    ("action", "actions"), ("follow up", "actions"), ("followup", "actions"), ("remediation", "actions"),
    ("lesson", "lessons"), ("learn", "lessons"), ("takeaway", "lessons"),
    ("question", "questions"),
    ("contributing", "causes"), ("cause", "causes"),
    ("trigger", "trigger"),
    ("detect", "detection"),
    ("resolution", "resolution"), ("mitigat", "resolution"), ("recover", "resolution"),
    ("impact", "impact"),
    ("summary", "summary"), ("overview", "summary"),
    ("appendix", "ignore"), ("supporting", "ignore"),
)
"""Fallback for headings: the first keyword contained in the heading wins."""

KINDS: dict[str, tuple[str, str | None]] = {
    "impact": ("observation", "impact"),
    "causes": ("observation", "contributing_factor"),
    "trigger": ("observation", "trigger"),
    "resolution": ("observation", "resolution"),
    "detection": ("observation", "detection"),
    "went_wrong": ("observation", "went_wrong"),
    "lucky": ("observation", "lucky"),
    "went_well": ("went_right", None),
    "lessons": ("learning", None),
    "questions": ("question", None),
    "actions": ("repair_item", None),
    "timeline": ("timeline_event", None),
}
"""Section -> (contribution kind, tag). Summary goes to the review; ignored sections nowhere."""

META: dict[str, tuple[str, ...]] = {
    "title": ("title", "incident title", "name"),
    "id": ("id", "review id", "incident id", "incident number", "incident"),
    "date": ("date", "incident date", "date of incident"),
    "authors": ("authors", "author", "written by", "owners", "postmortem owner", "postmortem owners"),
    "severity": ("severity", "sev", "priority", "level", "incident severity"),
    "services": ("services", "service", "services affected", "affected services", "systems affected",
                 "affected systems", "components", "systems"),
    "start": ("incident start", "start", "started", "start time", "began", "outage start", "detected at"),
    "end": ("incident end", "end", "ended", "end time", "resolved at", "outage end"),
    "facilitator": ("facilitator", "facilitated by", "review facilitator"),
    "timezone": ("timezone", "time zone", "times", "all times"),
    "status": ("status", "document status"),
}
"""Label -> the wordings of the `Label: value` lines at the top of a postmortem."""


def normalise(text: str) -> str:
    """'## 3. What Didn't Go Well:' -> 'what didnt go well'."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = text.lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


_EXACT = {normalise(w): name for name, words in SECTIONS.items() for w in words}
_META = {normalise(w): name for name, words in META.items() for w in words}


def section_of(text: str, *, loose: bool = True) -> str | None:
    """The section a heading names, or None; `loose` allows keyword matches (for real headings)."""
    key = normalise(text)
    if key in _EXACT:
        return _EXACT[key]
    if loose and key:
        for word, name in KEYWORDS:
            if word in key:
                return name
    return None


def meta_of(text: str) -> str | None:
    """The metadata field a label names ('Authors', 'Incident start', ...), or None."""
    return _META.get(normalise(text))
