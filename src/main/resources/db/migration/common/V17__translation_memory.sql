-- The translation memory as an index (translation/control/TranslationMemory): for each
-- translation's current revision, what it says for each unit of the source revision it was made
-- from, by a hash of that unit's normalized source (Segment.key). An export looks up only the
-- hashes of its own units, so it reads as much at 100 000 articles as at 100. The rows of a
-- variant are replaced in the transaction that saves its new revision.
create table translation_memory (
    variant_id    bigint not null references variant (id) on delete cascade,
    key_hash      varchar(44) not null,
    source_locale varchar(35) not null,
    target_locale varchar(35) not null,
    target        varchar(400000) not null,
    primary key (variant_id, key_hash)
);
create index translation_memory_lookup on translation_memory (source_locale, target_locale, key_hash);

-- Translations saved before this index existed: worked off after start-up in bounded batches
-- (TranslationMemoryBacklog); until a locale pair has none left, its exports read the memory
-- the old way, every translation of the pair.
create table translation_memory_backlog (
    variant_id bigint primary key references variant (id) on delete cascade
);
insert into translation_memory_backlog (variant_id)
    select v.id from variant v join article a on a.id = v.article_id
    where v.locale <> a.source_locale and v.current_revision_id is not null;
