-- The media library: items with versions like articles, their texts per locale, the renditions
-- made once at upload, the stored bytes (one row per content hash, so identical files are kept
-- once) and which revisions show which version.

create sequence media_item_seq start with 50 increment by 50;
create sequence media_version_seq start with 50 increment by 50;

-- the bytes behind the MediaStore interface; key = SHA-256 of the bytes, hex
create table media_blob (
    hash       varchar(64) primary key,
    bytes      bytea not null,
    size_bytes bigint not null
);

create table media_item (
    id              bigint primary key,
    licence         varchar(500) not null,
    source          varchar(1000) not null,
    current_version integer not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(64) not null
);

create table media_version (
    id            bigint primary key,
    item_id       bigint not null references media_item (id),
    version_no    integer not null,
    -- SHA-256 of the bytes as uploaded: the same upload again is found, not stored twice
    upload_hash   varchar(64) not null,
    format        varchar(10) not null,
    width         integer not null,
    height        integer not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64) not null,
    constraint media_version_item_no unique (item_id, version_no)
);

create index media_version_upload_hash on media_version (upload_hash);

create table media_rendition (
    version_id bigint not null references media_version (id),
    width      integer not null,
    height     integer not null,
    ext        varchar(5) not null,
    blob_hash  varchar(64) not null references media_blob (hash),
    primary key (version_id, width)
);

create table media_text (
    item_id bigint not null references media_item (id),
    locale  varchar(35) not null,
    alt     varchar(1000),
    caption varchar(2000),
    credit  varchar(500),
    primary key (item_id, locale)
);

create table media_usage (
    revision_id bigint not null references revision (id),
    item_id     bigint not null references media_item (id),
    version_no  integer not null,
    primary key (revision_id, item_id, version_no)
);

create index media_usage_item on media_usage (item_id, version_no);
