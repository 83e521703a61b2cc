package org.teletherapy.exercises.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * What {@code POST /api/v1/assignments} takes.
 *
 * @param instructions the therapist's words for this client (sealed under the client's key)
 * @param sessionId    the session the homework belongs to: the client sees it once that session took place
 */
record AssignRequest(@NotNull UUID clientId, @NotNull UUID templateId, @Nullable @Size(max = 4000) String instructions,
                     @NotNull Instant dueAt, @Nullable @Valid Recurrence recurrence, @Nullable UUID sessionId) {
}
