-- Whom an alert goes to is read by council and role: the holders of a role in one step,
-- and the council's members who are not active, to leave out (a committee of 18,000
-- responders is read in a few milliseconds rather than one lookup per member).
create index membership_role_by_role_idx on membership_role (council_id, role, member_id);
create index membership_by_status_idx on membership (council_id, status, member_id);
