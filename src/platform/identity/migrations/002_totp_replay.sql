-- The time step of the last code accepted, so a code cannot be used twice (RFC 6238 section 5.2).
alter table users add column totp_last_step bigint;
