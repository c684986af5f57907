-- expect: none
-- absent: table-rewrite
-- why: autovacuum storage parameters take SHARE UPDATE EXCLUSIVE and change no data; nothing is rewritten.

SET lock_timeout = '2s';
ALTER TABLE public.events SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
ALTER TABLE public.orders ALTER COLUMN state SET STATISTICS 500;
ANALYZE public.orders;
