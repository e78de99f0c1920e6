-- The editor's text not saved as a revision yet, per user and per article and locale (draft_key
-- "<article>/<locale>", or "new" for an article not created yet): one row each, overwritten by
-- every autosave, deleted by the save of a revision (in its transaction) or a discard. It lives
-- in the database so that it survives the session, a restart and a move to another instance.
-- Fields have the limits of a revision; topics and references are kept as JSON arrays.
create table autosaved_draft (
    username        varchar(64) not null,
    draft_key       varchar(60) not null,
    article_id      bigint references article (id),
    locale          varchar(35) not null,
    base_revision   integer,
    title           varchar(200),
    slug            varchar(120),
    summary         varchar(500),
    body            varchar(200000),
    topics          varchar(10000) not null,
    refs            varchar(2000000) not null,
    change_note     varchar(500),
    safety_relevant boolean not null,
    saved_at        timestamp with time zone not null,
    primary key (username, draft_key)
);

-- Who has a locale of an article open in the editor, since when, and when their editor last
-- autosaved: a lock whose heartbeat is older than cms.editor.lock-idle has lapsed. Another person
-- is warned and may take it over; the If-Match check of a save stays the last defence.
create table edit_lock (
    article_id bigint not null references article (id),
    locale     varchar(35) not null,
    username   varchar(64) not null,
    since      timestamp with time zone not null,
    heartbeat  timestamp with time zone not null,
    primary key (article_id, locale)
);
