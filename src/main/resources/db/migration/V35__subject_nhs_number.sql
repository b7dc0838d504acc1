-- An NHS number for a person on a record, only when the practitioner recorded one: health partners
-- match their patient by it when they pull the register as FHIR AuditEvents. Ten digits, checked
-- (modulus 11) before it is stored; erased with the rest of the subject row.
alter table sharing_subject add column nhs_number varchar(10);
