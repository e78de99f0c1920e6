-- A notification that must go out only once (a re-review reminder: one per variant, due date and
-- reviewer) carries a key of its own. The unique index makes a second instance that announces the
-- same thing at the same moment fail instead of sending it twice; other notifications have none.
alter table mail_outbox add column dedupe_key varchar(200);
create unique index mail_outbox_dedupe on mail_outbox (dedupe_key);
