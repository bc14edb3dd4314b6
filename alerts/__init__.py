"""Alert channels: a change event in, a delivered message (email, webhook, Apprise) out.

The package never imports `worker` or `storage`: the caller hands it an `Alert` built from
the change event dict and a parsed channel config, and records the outcome itself.
"""

from __future__ import annotations
