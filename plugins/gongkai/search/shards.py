"""Which documents go into which shard of a large site's search index.

Shards are cut from the oldest document onwards, so that a new document only
changes the newest shard, and a build keeps the cuts of the build before it
(their `starts`) as long as the shards stay near their size: an edited
document then changes its own shard only, and every other shard is taken
as it is from the build cache (gongkai.build_cache). Shard 0 holds the
newest documents, as search.js expects when it lists results by date.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

# A shard kept from the last build may grow to this many times the shard size (documents
# back-dated into its span) before the cuts are made afresh.
KEEP_FACTOR = 2
# A merge takes a step for each word of each shard: a site of more than this many shards of the size asked
# for gets larger ones (`shard_size`).
MOST_SHARDS = 48


@dataclass(frozen=True)
class Member:
    url: str
    order: str  # sorts as the documents' dates do: oldest first (gongkai.model.document.Document.sort_key)
    tokens: int  # an estimate of its indexed words


@dataclass(frozen=True)
class ShardPlan:
    shards: list[list[str]]  # the urls of each shard: shard 0 (the newest documents) first, each newest first
    starts: list[str]  # the `order` of each shard's oldest member, oldest shard first: the cuts to keep


def shard_size(total_tokens: int, smallest: int) -> int:
    """The size of a site's shards: `smallest`, doubled while the site would have more than MOST_SHARDS of
    them. It changes only when a site doubles, so that the cuts of the build before are kept meanwhile."""
    size = smallest
    while total_tokens > size * MOST_SHARDS:
        size *= 2
    return size


def plan_shards(members: list[Member], shard_tokens: int, previous_starts: list[str] | None = None) -> ShardPlan:
    """Shards of about `shard_tokens` words of `members` (in any order), keeping `previous_starts` if they still fit."""
    oldest_first = sorted(members, key=lambda m: m.order)
    groups = _keep(oldest_first, shard_tokens, previous_starts or [])
    if groups is None:
        groups = _cut(oldest_first, shard_tokens)
    groups = [g for g in groups if g]
    return ShardPlan(
        shards=[[m.url for m in reversed(group)] for group in reversed(groups)],
        starts=[group[0].order for group in groups],
    )


def _cut(members: list[Member], shard_tokens: int) -> list[list[Member]]:
    """Shards filled in turn: each closes once it has `shard_tokens` words."""
    groups: list[list[Member]] = [[]]
    tokens = 0
    for member in members:
        if tokens >= shard_tokens:
            groups.append([])
            tokens = 0
        groups[-1].append(member)
        tokens += member.tokens
    return groups


def _keep(members: list[Member], shard_tokens: int, starts: list[str]) -> list[list[Member]] | None:
    """The members in the spans of the last build's cuts, the newest span cut again when full; None: they don't fit."""
    if not starts:
        return None
    groups: list[list[Member]] = [[] for _ in starts]
    for member in members:
        # A member older than the first cut belongs to the oldest shard.
        groups[max(0, bisect.bisect_right(starts, member.order) - 1)].append(member)
    if any(sum(m.tokens for m in group) > KEEP_FACTOR * shard_tokens for group in groups[:-1]):
        return None
    return groups[:-1] + _cut(groups[-1], shard_tokens)
