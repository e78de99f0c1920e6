-- The notifications inbox of the editorial UI: one entry per announced event and member of the
-- team, written in the transaction of what it announces, as the mail outbox is, but whether or not
-- mail is enabled or delivered. An entry keeps what happened (its kind and the event's facts), never
-- a worded text, so that each reader sees it in their own UI language.
create sequence inbox_entry_seq start with 50 increment by 50;
create table inbox_entry (
    id            bigint primary key,
    recipient     varchar(64) not null,
    kind          varchar(30) not null,
    article_id    bigint not null references article (id),
    locale        varchar(35) not null,
    revision_no   integer not null,
    title         varchar(200) not null,
    actor         varchar(64),
    event_comment varchar(4000),
    due_at        timestamp with time zone,
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone,
    -- as in mail_outbox: an entry that must exist only once (a re-review reminder) has a key of its own
    dedupe_key    varchar(200)
);
-- a user's entries newest first, and their unread count
create index inbox_entry_recipient on inbox_entry (recipient, id);
create index inbox_entry_unread on inbox_entry (recipient, read_at);
create unique index inbox_entry_dedupe on inbox_entry (dedupe_key);
