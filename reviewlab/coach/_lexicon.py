"""Closed word lists the suggestion builder uses to be sure of a slot before it fills a template.

A rewrite fills a slot only when the words in it are of the kind the template expects: a
verb phrase must start with a verb from ``BASE_VERBS``, a noun phrase must hold no verb,
auxiliary, preposition or adverb where its end is, and so on (``_slots.py``). Words outside
these lists make a slot uncertain, and an uncertain slot sends the sentence to the question
bank instead. Data only; extend the lists to let more sentences be rewritten.
"""

from __future__ import annotations

BASE_VERBS: frozenset[str] = frozenset("""
accept access acknowledge act add adjust alert allow announce answer apply approve archive ask assign assume
attach audit automate backfill balance ban batch be bisect block boot bounce break bring build bump burn buy
cache call cancel cap catch change check choose clean clear click close code commit communicate compare compile
complete configure confirm connect consider contact continue copy correct cost count crash create cut debug decide
declare decrease delay delete deliver deploy describe design detect disable discuss dismiss drain drop dump edit
email enable end enforce escalate estimate evict expand expect expire explain export extend fail fall feel fetch
figure file fill find finish fire fix flag flip flush follow force forget freeze get give go grab grant grep
guess halt handle hang happen have hear help hide hit hold hotfix ignore implement import include increase
inform install investigate isolate keep kick kill know land launch lead learn leave let limit link list listen
load lock log look lose lower make manage mark merge migrate mitigate miss monitor move mute need note notice
notify open order overlook own page park patch pause pay pick pin ping plan point poll post prepare press
prevent promote provision publish pull purge push put query queue raise reach read realise realize reboot
rebuild receive recover redeploy reduce refresh reindex reject release reload remember remove rename renew
repair replace replay replicate report request require rerun reset resize resolve respond restart restore
resume retry return revert review revoke roll rotate route run save say scale schedule scrape see send serve
set share shed ship shut sign skip slow snapshot solve sort spin split spot start stay step stop store suggest
suspend swap switch sync take talk tell test think throttle time tolerate touch trace track trigger trim trust
try tune turn unblock understand unlock update upgrade upload use validate verify wait wake want warn watch
wipe work write do come become bring hand stand sit sleep eat drink drive ride walk run rush hurry wait
opt pivot escalate wire ramp roll retire reassign dedupe downgrade drain reconcile recompute redo resend retry
rollback reroute reshard restart revisit rewrite sanity-check sample script shard silence snooze soak spike
stabilise stabilize stage stall stash stream submit supervise sweep tag tear tighten toggle triage truncate
unpin unset untangle vet whitelist allowlist denylist blocklist zip ack accept own leave bypass override
""".split())
"""Verbs in their base form that incident talk uses; a verb-phrase slot must start with one."""

AUX: frozenset[str] = frozenset("""
am is are was were be been being do does did doing have has had having can could will would shall should may
might must ought isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't can't couldn't won't
wouldn't shouldn't mustn't 'd 'll 've 're 's
""".split())
"""Auxiliaries and modals: a declarative clause does not start with one."""

FUNCTION: frozenset[str] = frozenset("""
a an the this that these those our your their his her its my some any no every each all both either neither
and or but nor so yet if when while because since although though unless until after before as than then
to of in on at by for from with without into onto over under about around through during between against
across along among behind beyond near off out up down upon via per not never also just only still even
already again too very really quite rather somehow maybe perhaps there here who whom whose which what where
why how whether i me we us you he him she they them it
""".split())
"""Words a noun-phrase slot may not end on, and a verbless slot may not be made of alone."""

DETERMINERS: frozenset[str] = frozenset(
    "the this that these those our your their his her its my some".split())
"""Words that may open a noun phrase."""

SUBJECT_PRONOUNS: dict[str, tuple[str, str]] = {
    # subject: (object form, possessive)
    "i": ("me", "my"), "we": ("us", "our"), "you": ("you", "your"), "they": ("them", "their"),
    "he": ("him", "his"), "she": ("her", "her"), "it": ("it", "its"),
}
PEOPLE_WORDS: frozenset[str] = frozenset("""
someone somebody anyone anybody everyone everybody nobody
""".split())
"""Indefinite people a slot may name as a subject ("what made it hard for anyone to ...")."""

NOT_NAMES: frozenset[str] = frozenset("""
I AI IC SRE QA DBA PR PRs TTL DNS TLS LB API CPU RAM SEV SEV1 SEV2 UTC OK Ok Ops Prod Staging Canary
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Also Honestly Seriously Just Maybe Anyway Yeah Yes No Not So Ok Okay Well
Then Now Right Sure Thanks Hey Hi Hmm Um Uh Wait Tbh Ngl Lol Welp Dude Ideally Basically Literally Clearly
Obviously Predictably Naturally Apparently Frankly Personally Unfortunately Luckily Sadly Also Still Any Every
Anyone Anybody Someone Somebody Everyone Everybody Nobody What Why How When Where Who Which The This That These
Those Our Your Their His Her Its My It We You They He She Let Lets Can Could Would Should Did Does Do Is Was
Are Were Has Have Had Will Given Knowing Looking Action Question Quick Bottom Long Main Root Real Redis Kafka
Postgres Grafana Kubernetes Terraform Slack Jenkins Helm
""".split())
"""Capitalised words that are not a person's name (checked before a name fills a slot)."""
