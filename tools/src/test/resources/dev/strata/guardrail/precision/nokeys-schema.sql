-- Fixture: a schema that declares primary keys but no foreign key at all, named like the Join Order Benchmark's
-- IMDB schema (movie_id is a title's id): naming conventions are the only evidence for a join.
CREATE TABLE title (id integer PRIMARY KEY, title text NOT NULL, kind_id integer, production_year integer);
CREATE TABLE kind_type (id integer PRIMARY KEY, kind text);
CREATE TABLE company_name (id integer PRIMARY KEY, name text NOT NULL, country_code text);
CREATE TABLE movie_companies (id integer PRIMARY KEY, movie_id integer NOT NULL, company_id integer NOT NULL,
    note text);
CREATE TABLE info_type (id integer PRIMARY KEY, info text NOT NULL);
CREATE TABLE movie_info (id integer PRIMARY KEY, movie_id integer NOT NULL, info_type_id integer NOT NULL,
    info text NOT NULL);
