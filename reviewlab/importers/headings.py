"""Which headings and labels of a written postmortem mean what: data, so teams can add their own wording.

Section names are matched after normalising (lower case, no markdown, emoji, numbering or
punctuation; letters of every script kept): first exactly against `SECTIONS`, then, for real
headings only, by the first keyword of `KEYWORDS` the heading contains, then by a close spelling
("Apendix"). `KINDS` says what each section becomes in a review; a heading nothing matches makes
its text observations tagged with that heading (or, under a known heading, takes that one's kind).
"""

from __future__ import annotations

import difflib
import re

SECTIONS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "executive summary", "overview", "tldr", "tl dr", "incident summary", "issue summary",
                "description", "what happened", "abstract", "synopsis", "zusammenfassung", "résumé", "resumen",
                "概要", "要約", "障害の内容", "事象"),
    "impact": ("impact", "customer impact", "user impact", "business impact", "impact assessment", "effect",
               "impact analysis", "auswirkungen", "影響", "影響範囲"),
    "causes": ("root causes", "root cause", "contributing factors", "contributing factor", "causes", "cause",
               "root cause analysis", "causes and contributing factors", "root causes and contributing factors",
               "why it happened", "analysis", "five whys", "5 whys", "blameless root cause", "fault",
               "how did this happen", "ursache", "ursachen", "cause racine", "causa raíz", "原因", "発生原因"),
    "trigger": ("trigger", "triggers", "triggering event", "auslöser"),
    "resolution": ("resolution", "mitigation", "recovery", "resolution and recovery", "fix", "how it was fixed",
                   "mitigation and resolution", "response", "incident response", "lösung", "復旧", "復旧方法",
                   "対応"),
    "detection": ("detection", "how it was detected", "how we found out", "how was it detected", "erkennung",
                  "検知", "発見"),
    "actions": ("action items", "actions", "follow ups", "followups", "follow up actions", "follow up items",
                "corrective actions", "next steps", "repair items", "todo", "to do", "tasks", "remediation",
                "remediation items", "corrective and preventative actions", "corrective and preventative measures",
                "preventive actions", "preventative measures", "action plan", "massnahmen", "maßnahmen",
                "actions correctives", "acciones", "今後の対応", "再発防止策", "対策"),
    "lessons": ("lessons learned", "lessons", "learnings", "takeaways", "key takeaways", "what we learned",
                "what we know now", "reflections", "erkenntnisse", "leçons", "lecciones aprendidas", "教訓", "学び"),
    "went_well": ("what went well", "went well", "things that went well", "what went right", "went right",
                  "what worked", "what worked well", "successes", "the good", "was lief gut", "ce qui a bien marché",
                  "lo que salió bien", "良かった点", "うまくいったこと", "できたこと"),
    "went_wrong": ("what went wrong", "went wrong", "things that went wrong", "what didnt go well",
                   "what did not go well", "what could have gone better", "what could be improved", "challenges",
                   "the bad", "what went poorly", "was lief schlecht", "課題", "問題点"),
    "lucky": ("where we got lucky", "got lucky", "lucky", "luck", "where we were lucky", "what was lucky"),
    "questions": ("open questions", "questions", "unanswered questions", "unknowns", "offene fragen"),
    "timeline": ("timeline", "chronology", "sequence of events", "timeline of events", "incident timeline",
                 "event timeline", "detailed timeline", "zeitlicher ablauf", "ablauf", "chronologie", "cronología",
                 "タイムライン", "経緯", "時系列"),
    "leadup": ("leadup", "lead up", "background", "context", "hintergrund"),
    "contents": ("table of contents", "contents", "toc", "inhalt", "目次"),
}
"""Section name -> the wordings teams use for it."""

KEYWORDS: tuple[tuple[str, str], ...] = (
    ("went well", "went_well"), ("went right", "went_well"), ("worked", "went_well"),
    ("できたこと", "went_well"), ("良かった", "went_well"), ("うまくいった", "went_well"),
    ("went wrong", "went_wrong"), ("go well", "went_wrong"), ("gone better", "went_wrong"), ("poorly", "went_wrong"),
    ("lucky", "lucky"), ("luck", "lucky"),
    ("timeline", "timeline"), ("chronolog", "timeline"), ("タイムライン", "timeline"),
    ("action", "actions"), ("follow up", "actions"), ("followup", "actions"), ("remediation", "actions"),
    ("preventative", "actions"), ("preventive", "actions"), ("再発防止", "actions"),
    ("lesson", "lessons"), ("learn", "lessons"), ("takeaway", "lessons"),
    ("question", "questions"),
    ("contributing", "causes"), ("cause", "causes"), ("原因", "causes"),
    ("trigger", "trigger"),
    ("detect", "detection"),
    ("resolution", "resolution"), ("mitigat", "resolution"), ("recover", "resolution"), ("復旧", "resolution"),
    ("impact", "impact"), ("影響", "impact"),
    ("summary", "summary"), ("overview", "summary"),
    ("leadup", "leadup"), ("lead up", "leadup"),
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
    "leadup": ("observation", "leadup"),
    "other": ("observation", None),
    "went_well": ("went_right", None),
    "lessons": ("learning", None),
    "questions": ("question", None),
    "actions": ("repair_item", None),
    "timeline": ("timeline_event", None),
}
"""Section -> (contribution kind, tag). Summary goes to the review; a table of contents nowhere."""

META: dict[str, tuple[str, ...]] = {
    "title": ("title", "incident title", "name"),
    "id": ("id", "review id", "incident id", "incident number"),
    "date": ("date", "incident date", "incident dates", "incident date s", "date of incident", "dates", "datum"),
    "document_date": ("last modified", "last updated", "updated", "published", "publication date",
                      "date written", "written on", "report date"),
    "authors": ("authors", "author", "written by", "owners", "postmortem owner", "postmortem owners", "created by",
                "prepared by", "autor", "autorin", "autoren", "verfasst von", "作成者"),
    "severity": ("severity", "sev", "priority", "level", "incident severity", "impact level", "schweregrad"),
    "services": ("services", "service", "services affected", "affected services", "systems affected",
                 "affected systems", "components", "systems", "affected components"),
    "start": ("incident start", "start", "started", "start time", "began", "outage start", "detected at",
              "occurred", "発生日時"),
    "end": ("incident end", "end", "ended", "end time", "resolved at", "outage end", "recovered", "復旧日時"),
    "window": ("incident window", "window", "duration", "outage window", "incident period", "period"),
    "facilitator": ("facilitator", "facilitated by", "review facilitator"),
    "timezone": ("timezone", "time zone", "zeitzone"),
    "status": ("status", "document status"),
}
"""Label -> the wordings of the `Label: value` lines (or headings) at the top of a postmortem."""


def normalise(text: str) -> str:
    """'## 3. What Didn't Go Well:' -> 'what didnt go well'; ':warning: Leadup' -> 'leadup'."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r":[a-z0-9_+-]+:", " ", text.lower())  # emoji short codes
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+", "", text.strip())
    text = re.sub(r"[\W_]+", " ", text)
    return text.strip()


_EXACT = {normalise(w): name for name, words in SECTIONS.items() for w in words}
_META = {normalise(w): name for name, words in META.items() for w in words}


def section_of(text: str, *, loose: bool = True) -> str | None:
    """The section a heading names, or None; `loose` allows keyword and close-spelling matches."""
    key = normalise(text)
    if key in _EXACT:
        return _EXACT[key]
    if not loose or not key:
        return None
    for word, name in KEYWORDS:
        if word in key:
            return name
    close = difflib.get_close_matches(key, list(_EXACT), n=1, cutoff=0.88)
    return _EXACT[close[0]] if close and len(key) >= 5 else None


def meta_of(text: str) -> str | None:
    """The metadata field a label names ('Authors', 'Incident start', ...), or None."""
    return _META.get(normalise(text))
