-- Valid queries on precision/nokeys-schema.sql (primary keys, no foreign key): naming conventions are evidence.

-- case: join-order-benchmark-style
SELECT min(t.title), min(cn.name)
FROM title t, movie_companies mc, company_name cn, kind_type kt, movie_info mi, info_type it
WHERE t.id = mc.movie_id AND mc.company_id = cn.id AND t.kind_id = kt.id AND mi.movie_id = mc.movie_id
  AND mi.info_type_id = it.id AND cn.country_code = '[us]' AND it.info = 'rating' AND t.production_year > 2000;

-- case: explicit-joins
SELECT t.title, mi.info FROM title AS t JOIN movie_info AS mi ON mi.movie_id = t.id
JOIN info_type AS it ON it.id = mi.info_type_id WHERE it.info = 'budget';
