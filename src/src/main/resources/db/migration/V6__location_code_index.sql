-- GET /api/v1/stock?under=<location> lists a subtree bin by bin (order by location code): this index lets
-- the database walk the bins in that order and stop after one page.
create index location_code on location (code);
