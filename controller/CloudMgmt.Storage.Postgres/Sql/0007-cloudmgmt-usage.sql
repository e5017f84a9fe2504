-- Metering (see IUsageStore): series name a grant on a cloud once; grant-hours are the bulk (one
-- row per grant and hour, keyed by series then hour, figures in a compact bytea); days per tenant,
-- pool, cloud and resource and each grant's month are sums that a closed hour adds to only when its
-- grant-hour row is first stored; hours in progress let a restarted silo continue them.
CREATE TABLE cloudmgmt_usage_series
(
    series     bigint NOT NULL,
    cloud      text   NOT NULL,
    allocation text   NOT NULL,
    tenant     text   NOT NULL,
    pool       text   NOT NULL,
    first_hour bigint NOT NULL,
    CONSTRAINT pk_cloudmgmt_usage_series PRIMARY KEY (series)
);
CREATE INDEX ix_cloudmgmt_usage_series_tenant ON cloudmgmt_usage_series (tenant);

CREATE TABLE cloudmgmt_usage_hourly
(
    series  bigint NOT NULL,
    hour    bigint NOT NULL,
    payload bytea  NOT NULL,
    CONSTRAINT pk_cloudmgmt_usage_hourly PRIMARY KEY (series, hour)
);

CREATE TABLE cloudmgmt_usage_open
(
    series  bigint NOT NULL,
    cloud   text   NOT NULL,
    hour    bigint NOT NULL,
    payload bytea  NOT NULL,
    CONSTRAINT pk_cloudmgmt_usage_open PRIMARY KEY (series)
);
CREATE INDEX ix_cloudmgmt_usage_open_cloud ON cloudmgmt_usage_open (cloud);

CREATE TABLE cloudmgmt_usage_days
(
    day        integer NOT NULL,
    month      integer NOT NULL,
    cloud      text    NOT NULL,
    tenant     text    NOT NULL,
    pool       text    NOT NULL,
    resource   text    NOT NULL,
    granted_ms bigint  NOT NULL,
    used_ms    bigint  NOT NULL,
    held_ms    bigint  NOT NULL,
    CONSTRAINT pk_cloudmgmt_usage_days PRIMARY KEY (day, cloud, tenant, pool, resource)
);
CREATE INDEX ix_cloudmgmt_usage_days_tenant ON cloudmgmt_usage_days (tenant, day);

CREATE TABLE cloudmgmt_usage_grant_months
(
    month       integer NOT NULL,
    series      bigint  NOT NULL,
    resource    text    NOT NULL,
    granted_ms  bigint  NOT NULL,
    used_ms     bigint  NOT NULL,
    held_hours  integer NOT NULL,
    idle_hours  integer NOT NULL,
    max_eff_ppm bigint  NOT NULL,
    CONSTRAINT pk_cloudmgmt_usage_grant_months PRIMARY KEY (month, series, resource)
);

CREATE TABLE cloudmgmt_usage_reclaims
(
    at_ms      bigint NOT NULL,
    allocation text   NOT NULL,
    cloud      text   NOT NULL,
    tenant     text   NOT NULL,
    pool       text   NOT NULL,
    payload    bytea  NOT NULL,
    reason     text   NOT NULL,
    CONSTRAINT pk_cloudmgmt_usage_reclaims PRIMARY KEY (at_ms, allocation)
);
