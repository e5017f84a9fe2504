-- The rows of the states that grow with the number of allocations (a pool's reservations, a
-- tenant's allocation index): see ILedgerStore. A change writes only the rows it touches.
CREATE TABLE cloudmgmt_ledger_rows
(
    ledger  text  NOT NULL,
    key     text  NOT NULL,
    payload bytea NOT NULL,
    CONSTRAINT pk_cloudmgmt_ledger_rows PRIMARY KEY (ledger, key)
);
