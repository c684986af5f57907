-- expect: add-column-volatile-default, add-primary-key, missing-lock-timeout
-- why: a bigserial column is filled from a sequence (nextval is volatile) so legacy.order_archive is rewritten, then ADD PRIMARY KEY builds the index under ACCESS EXCLUSIVE; no lock_timeout.

-- order_archive never had a key; give it a surrogate one.
ALTER TABLE legacy.order_archive ADD COLUMN archive_id bigserial;
ALTER TABLE legacy.order_archive ADD PRIMARY KEY (archive_id);
