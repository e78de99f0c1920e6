-- Public profiles (issue 16): a user who is named to readers has an address of their own
-- (/{locale}/people/{slug}) and, per locale, the name, credentials and short bio readers see.
-- Nothing of it is shown until the profile is made public.
alter table app_user add column profile_slug varchar(80);
alter table app_user add column profile_public boolean default false not null;
create unique index app_user_profile_slug on app_user (profile_slug);

create table app_user_profile (
    user_id      bigint not null references app_user (id),
    locale       varchar(35) not null,
    display_name varchar(200),
    credentials  varchar(300),
    bio          varchar(2000),
    primary key (user_id, locale)
);

-- For whom an article is written (patients or professionals); null: not said.
alter table article add column audience varchar(20);

-- An article's own disclosure in a locale (conflicts of interest, sponsorship), shown with the
-- site-wide disclosure on its page.
create table article_disclosure (
    article_id bigint not null references article (id),
    locale     varchar(35) not null,
    disclosure varchar(4000) not null,
    primary key (article_id, locale)
);
