-- A person's name folded for searching ("Siân" as "sian", "Łukasz" as "lukasz"), filled by the
-- application (java.text.Normalizer and a few letters by hand) so H2 and PostgreSQL match alike, with
-- no PostgreSQL-only unaccent. Names recorded before this are folded when the application starts.
alter table sharing_subject add column name_folded varchar(400);
create index sharing_subject_org_folded on sharing_subject (organisation_id, name_folded);
