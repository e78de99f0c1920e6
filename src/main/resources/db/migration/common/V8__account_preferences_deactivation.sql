-- What a user sets for themselves: the language of the editorial UI (applied at sign-in) and the
-- time zone times are shown in; null means "as the browser says".
alter table app_user add column ui_language varchar(35);
alter table app_user add column time_zone varchar(64);
-- A deactivated account signs in no more, but stays: its name is in the history, the reviews and
-- the audit trail. A password an admin set must be replaced by the user at the next sign-in.
alter table app_user add column deactivated_at timestamp with time zone;
alter table app_user add column password_change_required boolean default false not null;
