"""The publish queue, scheduler and runner. Built in the queue work."""
