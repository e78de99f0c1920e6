-- Each instance reads the reader-visible steps of the audit trail recorded since its last look
-- (once a second, when the data grid may have missed a change): by time, not by a scan of the
-- whole trail.
create index audit_event_occurred_at on audit_event (occurred_at);
