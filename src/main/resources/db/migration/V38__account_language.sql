-- The language a person chose with the "English | Cymraeg" switcher (en or cy); null until they choose,
-- when the browser's Accept-Language decides.
alter table account add column language varchar(8);
