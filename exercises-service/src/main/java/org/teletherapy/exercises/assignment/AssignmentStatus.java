package org.teletherapy.exercises.assignment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * An assignment's life cycle: assigned → in progress (a draft was saved) → submitted → reviewed. Past its due time
 * and not submitted it is overdue (and can still be handed in late). Withdrawn when the client was erased.
 */
public enum AssignmentStatus {
    ASSIGNED("assigned"),
    IN_PROGRESS("in-progress"),
    SUBMITTED("submitted"),
    REVIEWED("reviewed"),
    OVERDUE("overdue"),
    WITHDRAWN("withdrawn");

    /** The states in which the client can still work on it and hand it in. */
    public static final Set<AssignmentStatus> OPEN = Set.of(ASSIGNED, IN_PROGRESS, OVERDUE);

    private final String wire;

    AssignmentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public static Optional<AssignmentStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(status -> status.wire.equals(value)).findFirst();
    }
}
