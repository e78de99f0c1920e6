-- Reviewed statements: a statement is an article of kind 'statement', so that it has revisions,
-- the medical-review workflow, translations pinned to a source revision and XLIFF like any other.
-- Articles embed it with a line {{statement:slug}}; readers never see it as a page of its own.
alter table article add column kind varchar(20) default 'article' not null;
create index article_kind on article (kind, id);

-- The phrases that contradict a statement, per locale ("not addictive"): an article of that
-- locale that contains one (in any case) needs its reviewer to confirm they checked it.
create sequence contradicting_phrase_seq start with 50 increment by 50;
create table contradicting_phrase (
    id           bigint primary key,
    statement_id bigint not null references article (id),
    locale       varchar(35) not null,
    phrase       varchar(200) not null,
    constraint contradicting_phrase_once unique (statement_id, locale, phrase)
);
create index contradicting_phrase_locale on contradicting_phrase (locale, statement_id);

-- A statement's note to readers joins the change log of every page that shows it: statement_id
-- names the statement (0: the page's own note), origin_revision is then the statement's revision.
alter table change_log_entry add column statement_id bigint default 0 not null;
alter table change_log_entry drop constraint change_log_entry_once;
alter table change_log_entry add constraint change_log_entry_once unique (variant_id, statement_id, origin_revision);
