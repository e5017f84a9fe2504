-- Ledger keys compare byte by byte (collation "C"), so that a page of a ledger in key order
-- (ILedgerStore.ReadPageAsync: a tenant's allocations) is ordinal, as the API pages them, and is
-- read from the primary key's index instead of sorting the whole ledger. Rebuilds that index.
ALTER TABLE cloudmgmt_ledger_rows ALTER COLUMN key TYPE text COLLATE "C";
