package dev.strata.sql;

/**
 * Coarse statement kind, decided from a statement's leading tokens by {@link StatementClassifier}.
 * Several spellings share a kind: {@code START TRANSACTION} is {@link #BEGIN}, {@code END} is
 * {@link #COMMIT}, {@code ABORT} is {@link #ROLLBACK}, {@code ANALYSE} is {@link #ANALYZE}.
 * Anything not recognised is {@link #UNKNOWN}, which is never read-only.
 */
public enum StatementKind {
    SELECT(Category.QUERY),
    VALUES(Category.QUERY),
    /** {@code TABLE name}, shorthand for {@code SELECT * FROM name}. */
    TABLE(Category.QUERY),
    WITH(Category.QUERY),
    EXPLAIN(Category.QUERY),
    SHOW(Category.QUERY),

    INSERT(Category.DML),
    UPDATE(Category.DML),
    DELETE(Category.DML),
    MERGE(Category.DML),
    COPY(Category.DML),

    CREATE(Category.DDL),
    ALTER(Category.DDL),
    DROP(Category.DDL),
    TRUNCATE(Category.DDL),
    COMMENT(Category.DDL),
    GRANT(Category.DDL),
    REVOKE(Category.DDL),
    SECURITY_LABEL(Category.DDL),
    /** {@code IMPORT FOREIGN SCHEMA}. */
    IMPORT(Category.DDL),

    /** {@code BEGIN} or {@code START TRANSACTION}. */
    BEGIN(Category.TRANSACTION),
    /** {@code COMMIT} or {@code END}. */
    COMMIT(Category.TRANSACTION),
    /** {@code ROLLBACK} (including {@code ROLLBACK TO SAVEPOINT}) or {@code ABORT}. */
    ROLLBACK(Category.TRANSACTION),
    SAVEPOINT(Category.TRANSACTION),
    RELEASE(Category.TRANSACTION),
    PREPARE_TRANSACTION(Category.TRANSACTION),
    COMMIT_PREPARED(Category.TRANSACTION),
    ROLLBACK_PREPARED(Category.TRANSACTION),
    LOCK(Category.TRANSACTION),

    SET(Category.SESSION),
    RESET(Category.SESSION),
    /** {@code SET [LOCAL|SESSION] TRANSACTION ...}. */
    SET_TRANSACTION(Category.SESSION),
    /** {@code SET SESSION CHARACTERISTICS AS TRANSACTION ...}. */
    SET_SESSION_CHARACTERISTICS(Category.SESSION),
    DISCARD(Category.SESSION),
    LOAD(Category.SESSION),
    LISTEN(Category.SESSION),
    NOTIFY(Category.SESSION),
    UNLISTEN(Category.SESSION),

    DO(Category.PROCEDURAL),
    CALL(Category.PROCEDURAL),
    PREPARE(Category.PROCEDURAL),
    EXECUTE(Category.PROCEDURAL),
    DEALLOCATE(Category.PROCEDURAL),
    DECLARE(Category.PROCEDURAL),
    FETCH(Category.PROCEDURAL),
    MOVE(Category.PROCEDURAL),
    CLOSE(Category.PROCEDURAL),

    VACUUM(Category.MAINTENANCE),
    ANALYZE(Category.MAINTENANCE),
    CLUSTER(Category.MAINTENANCE),
    REINDEX(Category.MAINTENANCE),
    REFRESH(Category.MAINTENANCE),
    CHECKPOINT(Category.MAINTENANCE),

    /** A psql backslash command; never sent to the server. */
    PSQL_META(Category.CLIENT),
    UNKNOWN(Category.UNKNOWN);

    /** Grouping for policy decisions and messages. */
    public enum Category {
        /** Statements that may be read-only; {@link StatementClassifier.Classification#readOnly()} decides. */
        QUERY,
        DML,
        DDL,
        TRANSACTION,
        SESSION,
        /** Runs code or prepared/cursor statements whose effect the text does not show. */
        PROCEDURAL,
        MAINTENANCE,
        CLIENT,
        UNKNOWN
    }

    private final Category category;

    StatementKind(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
