-- The audit trail: append-only records in one hash chain (see IAuditStore), and one row anchoring
-- the chain: where it starts after retention pruned older records, and where it ends. Appending
-- locks that row, so the nodes of a cluster take turns and the chain keeps one order.
CREATE TABLE cloudmgmt_audit_records
(
    id           bigint      NOT NULL,
    at           timestamptz NOT NULL,
    actor_kind   text        NOT NULL,
    actor_id     text,
    actor_name   text,
    actor_role   text,
    actor_tenant text,
    actor_pool   text,
    source       text,
    request_id   text,
    action       text        NOT NULL,
    target       text,
    outcome      integer     NOT NULL,
    detail       text,
    scope_path   text        NOT NULL,
    scope_tenant text,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL,
    CONSTRAINT pk_cloudmgmt_audit_records PRIMARY KEY (id)
);

CREATE INDEX ix_cloudmgmt_audit_records_at ON cloudmgmt_audit_records (at);

CREATE TABLE cloudmgmt_audit_chain
(
    singleton       integer NOT NULL CHECK (singleton = 1),
    first_id        bigint  NOT NULL,
    first_prev_hash text    NOT NULL,
    last_id         bigint  NOT NULL,
    last_hash       text    NOT NULL,
    CONSTRAINT pk_cloudmgmt_audit_chain PRIMARY KEY (singleton)
);

INSERT INTO cloudmgmt_audit_chain VALUES (1, 1, repeat('0', 64), 0, repeat('0', 64));
