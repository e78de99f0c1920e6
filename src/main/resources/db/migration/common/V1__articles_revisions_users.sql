-- Articles, their per-locale variants and the immutable revisions of each variant.
-- Ids come from sequences (allocated 50 at a time by JPA) rather than identity columns:
-- the same DDL then works on H2 and PostgreSQL, and inserts need no round trip for the key.

create sequence article_seq start with 50 increment by 50;
create sequence variant_seq start with 50 increment by 50;
create sequence revision_seq start with 50 increment by 50;
create sequence app_user_seq start with 50 increment by 50;

create table article (
    id            bigint primary key,
    source_locale varchar(35) not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64) not null
);

create table variant (
    id                  bigint primary key,
    article_id          bigint not null references article (id),
    locale              varchar(35) not null,
    state               varchar(20) not null,
    slug                varchar(120) not null,
    current_revision_id bigint,
    live_revision_id    bigint,
    updated_at          timestamp with time zone not null,
    version             integer not null,
    constraint variant_article_locale unique (article_id, locale),
    constraint variant_locale_slug unique (locale, slug)
);

create table revision (
    id              bigint primary key,
    variant_id      bigint not null references variant (id),
    revision_no     integer not null,
    title           varchar(200) not null,
    slug            varchar(120) not null,
    summary         varchar(500) not null,
    body            varchar(200000) not null,
    author          varchar(64) not null,
    created_at      timestamp with time zone not null,
    change_note     varchar(500),
    safety_relevant boolean not null,
    source_revision integer,
    constraint revision_variant_no unique (variant_id, revision_no)
);

alter table variant add constraint variant_current_revision foreign key (current_revision_id) references revision (id);
alter table variant add constraint variant_live_revision foreign key (live_revision_id) references revision (id);

create table revision_topic (
    revision_id bigint not null references revision (id),
    item_order  integer not null,
    topic       varchar(60) not null,
    primary key (revision_id, item_order)
);

create table revision_reference (
    revision_id bigint not null references revision (id),
    item_order  integer not null,
    citation    varchar(1000) not null,
    url         varchar(2000),
    doi         varchar(200),
    pmid        varchar(12),
    primary key (revision_id, item_order)
);

create index revision_slug on revision (slug);

create table app_user (
    id            bigint primary key,
    username      varchar(64) not null unique,
    password_hash varchar(512) not null,
    display_name  varchar(200) not null,
    credentials   varchar(200),
    email         varchar(320),
    created_at    timestamp with time zone not null
);

create table app_user_role (
    user_id bigint not null references app_user (id),
    role    varchar(32) not null,
    primary key (user_id, role)
);
