-- Seeds :articles articles (ids from 1 000 000 on) in five locales into a migrated CMS schema,
-- for bench/article-list.sh: psql -v articles=100000 -f bench/article-list-seed.sql
--
-- Every article has an English source and es, de, fr, ar translations, one revision each. States
-- are spread by a hash: half published, 15 % approved, 15 % draft, 15 % in review (every second
-- one assigned to "reviewer"), 5 % archived. A body names cond<N> (N = id mod 100: each in 1 % of
-- the articles) and term<N> (id mod 1000: 0.1 %), to search for. Published variants carry a sign-off
-- up to 400 days old, so that some are due for re-review. One topic, topic<id mod 50>, per revision.
-- Every tenth source revision is numbered 2 while its translations were made from 1: where both
-- are live, the translation is outdated.
\set ON_ERROR_STOP on
\timing on
-- no foreign-key checks and no append-only triggers while seeding: the rows are consistent by construction
set session_replication_role = replica;
set maintenance_work_mem = '256MB';

begin;
create temporary table seed on commit drop as
select g,
       1000000 + g as article_id,
       now() - g * interval '3 minutes' as changed,
       case when g % 10 = 0 then 'admin' else 'author' end as author,
       (array['fever', 'cough', 'asthma', 'insulin', 'migraine', 'allergy', 'vaccine', 'sleep', 'diet', 'heart',
              'kidney', 'liver', 'skin', 'bone', 'pain', 'child', 'pregnancy', 'stroke', 'anaemia', 'anxiety'])[1 + g % 20]
           || ' ' || g as subject
from generate_series(1, :articles) g;

insert into article (id, source_locale, created_at, created_by, updated_at, title, locales)
select article_id, 'en', changed - interval '30 days', author, changed, 'Living with ' || subject, 'ar de en es fr'
from seed;

create temporary table seed_variant on commit drop as
select s.*, k, (array['en', 'es', 'de', 'fr', 'ar'])[k + 1] as locale,
       5000000 + s.g * 5 + k as variant_id,
       case when (s.g * 7 + k * 3) % 20 < 10 then 'published'
            when (s.g * 7 + k * 3) % 20 < 13 then 'approved'
            when (s.g * 7 + k * 3) % 20 < 16 then 'draft'
            when (s.g * 7 + k * 3) % 20 < 19 then 'in_review'
            else 'archived' end as state
from seed s, generate_series(0, 4) k;

insert into variant (id, article_id, locale, state, slug, current_revision_id, live_revision_id, updated_at, version,
                     assigned_reviewer, live_signed_off_at, published_at)
select variant_id, article_id, locale, state, 'bench-' || g, variant_id,
       case when state = 'published' then variant_id end, changed - k * interval '1 second', 1,
       case when state = 'in_review' and g % 2 = 0 then 'reviewer' end,
       case when state = 'published' then now() - ((g * 13 + k) % 400) * interval '1 day' end,
       case when state = 'published' then changed - k * interval '1 second' end
from seed_variant;

insert into revision (id, variant_id, revision_no, title, slug, summary, body, author, created_at, change_note,
                      safety_relevant, source_revision)
select variant_id, variant_id, case when k = 0 and g % 10 = 3 then 2 else 1 end,
       case when k = 0 then 'Living with ' || subject else 'Living with ' || subject || ' (' || locale || ')' end,
       'bench-' || g, 'What to know about ' || subject || '.',
       '## About ' || subject || E'\n\nPeople with cond' || (g % 100) || ' and term' || (g % 1000)
           || ' often ask what helps. ' || repeat('Rest, fluids and a talk with your doctor help most people. ', 6),
       author, changed - k * interval '1 second', 'seeded', false, case when k = 0 then null else 1 end
from seed_variant;

insert into revision_topic (revision_id, item_order, topic)
select variant_id, 0, 'topic' || (g % 50) from seed_variant;

insert into medical_review (id, variant_id, revision_id, decision, reviewer, reviewer_name, reviewed_at)
select v.id, v.id, v.id, 'APPROVED', 'reviewer', 'Demo Reviewer', v.live_signed_off_at
from variant v where v.live_signed_off_at is not null and v.id > 5000000;

-- what V13's trigger keeps on the article (triggers are off here): the words of its current revisions
update article a set search_words = s.words
from (select v.article_id, tsvector_agg(strip(r.search_words)) as words from variant v
      join revision r on r.id = v.current_revision_id where v.article_id > 1000000 group by v.article_id) s
where a.id = s.article_id;

-- what ReReviews keeps on the article: the earliest last sign-off of its live variants
update article a set signed_off_at = s.first
from (select article_id, min(live_signed_off_at) as first from variant where article_id > 1000000 group by article_id) s
where a.id = s.article_id;
commit;

-- the application's own ids stay clear of the seeded ones
select setval('article_seq', 10000000), setval('variant_seq', 10000000), setval('revision_seq', 10000000),
       setval('medical_review_seq', 10000000);
set session_replication_role = origin;
vacuum analyze article;
vacuum analyze variant;
vacuum analyze revision;
vacuum analyze revision_topic;
vacuum analyze medical_review;
