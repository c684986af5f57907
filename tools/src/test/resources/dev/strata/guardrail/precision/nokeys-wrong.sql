-- Wrong queries on precision/nokeys-schema.sql.

-- case: ids-of-two-tables
-- expect: bare-id-join:warning
SELECT t.title FROM title t JOIN movie_info mi ON mi.id = t.id;

-- case: a-year-against-a-key
-- expect: unrelated-join:warning
SELECT t.title FROM title t JOIN movie_info mi ON mi.id = t.production_year;
