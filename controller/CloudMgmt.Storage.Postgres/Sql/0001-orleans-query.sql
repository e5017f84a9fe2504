-- The Orleans ADO.NET providers (clustering, persistence, reminders) run only the SQL they read
-- from this table at start-up: QueryKey -> QueryText. The texts are ours, written for PostgreSQL
-- against the providers' contract: the parameter names they bind (@DeploymentId, @Version, ...)
-- and the column names they read back (case-insensitively).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
