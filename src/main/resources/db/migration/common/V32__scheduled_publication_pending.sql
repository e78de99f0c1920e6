-- Publications still to come are found among those still to come, not among every publication ever
-- scheduled: the scheduler's due list and the metrics' count every few seconds (which walked the
-- publish_at index over all past, done rows), and a variant's pending schedule at each step.
-- A null is indexed by both databases, so "done_at is null and cancelled_at is null" is a range of
-- this index.
create index scheduled_publication_pending on scheduled_publication (done_at, cancelled_at, publish_at);
create index scheduled_publication_variant on scheduled_publication (variant_id, done_at);
