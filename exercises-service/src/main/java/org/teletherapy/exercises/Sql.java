package org.teletherapy.exercises;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/** Small helpers for R2DBC statements. */
public final class Sql {

    private Sql() {
    }

    /** Binds a value that may be absent; SQL {@code null} then carries its type, so PostgreSQL can plan the statement. */
    public static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name,
                                                         @Nullable Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
