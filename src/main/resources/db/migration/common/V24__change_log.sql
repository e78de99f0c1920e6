-- "What changed": a change note marked to tell readers becomes, when its revision is published,
-- an entry of the page's public change log in that locale. Revisions written before keep false.
alter table revision add column tell_readers boolean default false not null;
-- the editor's autosave keeps the whole form, the "Tell readers" box too
alter table autosaved_draft add column tell_readers boolean default false not null;

-- A translator's translation of a source revision's note to readers, kept with the translated
-- revision that carried it (from an XLIFF file); like the revision, never changed afterwards.
create sequence change_note_translation_seq start with 50 increment by 50;
create table change_note_translation (
    id                 bigint primary key,
    revision_id        bigint not null references revision (id),
    source_revision_no integer not null,
    note               varchar(500) not null,
    constraint change_note_translation_once unique (revision_id, source_revision_no)
);

-- The public change log of a locale variant: one entry per note told to readers, written when it
-- was first published in that locale, dated then. origin_revision is the revision whose note it
-- is: of the variant itself for the source, of the source for a translation (once per locale).
create sequence change_log_entry_seq start with 50 increment by 50;
create table change_log_entry (
    id              bigint primary key,
    variant_id      bigint not null references variant (id),
    origin_revision integer not null,
    revision_no     integer not null,
    note            varchar(500) not null,
    safety_relevant boolean not null,
    published_at    timestamp with time zone not null,
    constraint change_log_entry_once unique (variant_id, origin_revision)
);

-- a page's entries, newest first, read as a range of this index
create index change_log_entry_newest on change_log_entry (variant_id, published_at, id);
