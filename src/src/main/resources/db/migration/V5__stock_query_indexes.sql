-- GET /api/v1/stock?q=...: StockQueries.stock filters items with lower(sku) like '%q%' or lower(name) like '%q%',
-- which no b-tree index can serve; with 100,000 items both the page and the count query read the whole item table
-- (about 200 ms on 2 cores, see docs/benchmarks.md). Trigram indexes answer such infix matches. pg_trgm ships
-- with PostgreSQL (the embedded server has it) and is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;
create index item_sku_trgm on item using gin (lower(sku) gin_trgm_ops);
create index item_name_trgm on item using gin (lower(name) gin_trgm_ops);
