-- The editorial workflow: medical reviews, the audit trail, editorial comments, scheduled
-- publishing, the e-mail outbox, sign-in lockout and translators' locales.

alter table app_user add column failed_logins integer default 0 not null;
alter table app_user add column locked_until timestamp with time zone;

-- the locales a translator may translate into
create table app_user_locale (
    user_id bigint not null references app_user (id),
    locale  varchar(35) not null,
    primary key (user_id, locale)
);

alter table variant add column assigned_reviewer varchar(64);

create sequence medical_review_seq start with 50 increment by 50;
create table medical_review (
    id                   bigint primary key,
    variant_id           bigint not null references variant (id),
    revision_id          bigint not null references revision (id),
    decision             varchar(20) not null,
    reviewer             varchar(64) not null,
    reviewer_name        varchar(200) not null,
    reviewer_credentials varchar(200),
    review_comment       varchar(4000),
    reviewed_at          timestamp with time zone not null
);
create index medical_review_variant on medical_review (variant_id, reviewed_at);

-- the checklist items a reviewer confirmed with an approval
create table medical_review_check (
    review_id bigint not null references medical_review (id),
    item_key  varchar(60) not null,
    primary key (review_id, item_key)
);

create sequence audit_event_seq start with 50 increment by 50;
create table audit_event (
    id          bigint primary key,
    article_id  bigint not null references article (id),
    locale      varchar(35) not null,
    revision_no integer,
    action      varchar(30) not null,
    from_state  varchar(20),
    to_state    varchar(20),
    actor       varchar(64) not null,
    occurred_at timestamp with time zone not null,
    event_comment varchar(4000)
);
create index audit_event_variant on audit_event (article_id, locale, id);

create sequence editorial_comment_seq start with 50 increment by 50;
create table editorial_comment (
    id           bigint primary key,
    revision_id  bigint not null references revision (id),
    author       varchar(64) not null,
    created_at   timestamp with time zone not null,
    comment_text varchar(4000) not null
);

create sequence scheduled_publication_seq start with 50 increment by 50;
create table scheduled_publication (
    id           bigint primary key,
    variant_id   bigint not null references variant (id),
    revision_id  bigint not null references revision (id),
    publish_at   timestamp with time zone not null,
    requested_by varchar(64) not null,
    requested_at timestamp with time zone not null,
    done_at      timestamp with time zone,
    cancelled_at timestamp with time zone
);
create index scheduled_publication_due on scheduled_publication (publish_at);

create sequence mail_outbox_seq start with 50 increment by 50;
create table mail_outbox (
    id              bigint primary key,
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    body            varchar(20000) not null,
    created_at      timestamp with time zone not null,
    attempts        integer not null,
    next_attempt_at timestamp with time zone not null,
    sent_at         timestamp with time zone,
    last_error      varchar(1000)
);
create index mail_outbox_pending on mail_outbox (sent_at, next_attempt_at);

-- settings the application makes itself, such as the key that signs preview links
-- ("value" is quoted because it is a reserved word in H2 2.x; queries must quote it too)
create table app_setting (
    name    varchar(100) primary key,
    "value" varchar(1000) not null
);
