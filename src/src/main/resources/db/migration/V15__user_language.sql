-- Issue 8: mails and notifications are written in the user's language (en, de).
alter table app_user add column language varchar(8) not null default 'en';
alter table app_user add constraint app_user_language_check check (language in ('en', 'de'));
create index app_user_email_lower on app_user (lower(email));
