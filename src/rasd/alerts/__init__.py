"""Alerts and digests: subscriptions, matching, change detection, delivery (email, webhook, files), digests and maps."""
