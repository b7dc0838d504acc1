-- The language the invitation email to someone joining the inviting organisation was written in:
-- en, cy or both (Welsh first), chosen on the invitation form; null for invitations made before, or
-- without a choice (the API, the hub's invitations to partners). An account made from an invitation
-- written in Welsh only starts in Welsh.
alter table invitation add column language varchar(8);
