package org.teletherapy.sessions.erasure;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An erasure as the operator sees it: ids, codes and times, never a name. {@code status} is {@code in-progress}
 * until every part has answered, then {@code done} if every part is done, or {@code done-with-refusals} if a part was
 * refused (its {@code reasonCode} says why, e.g. {@code retention-period}); the rest was erased either way.
 *
 * @param parts {@code sessions} (this service: account, sessions, roster), {@code notes}, {@code exercises},
 *              {@code notifications}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErasureView(UUID id, UUID clientId, String status, String reason, @Nullable String reference,
                   Instant requestedAt, @Nullable Instant completedAt, Map<String, PartView> parts) {

    static final String IN_PROGRESS = "in-progress";
    static final String DONE = "done";
    static final String DONE_WITH_REFUSALS = "done-with-refusals";

    /**
     * One part. {@code step}, {@code attempts} and {@code problem} are the sessions part's progress while it is
     * pending: the step it is at, how often it was tried, and why the last attempt failed (e.g.
     * {@code identity-unavailable} while Keycloak is away; it is tried again).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartView(String status, @Nullable String reasonCode, @Nullable Instant answeredAt, @Nullable String step,
                    @Nullable Integer attempts, @Nullable String problem) {
    }

    static ErasureView of(ErasureStore.Erasure erasure, List<ErasureStore.Part> parts) {
        Map<String, PartView> views = new LinkedHashMap<>();
        boolean sessionsDone = erasure.step() == Step.DONE;
        views.put("sessions", sessionsDone
                ? new PartView(DONE, null, erasure.completedAt(), null, null, null)
                : new PartView("pending", null, null, erasure.step().code(), erasure.attempts(), erasure.lastProblem()));
        Instant last = erasure.completedAt();
        boolean allAnswered = sessionsDone;
        boolean refused = false;
        for (ErasureStore.Part part : parts) {
            views.put(part.part(), new PartView(part.status(), part.reasonCode(), part.answeredAt(), null, null, null));
            allAnswered &= !"pending".equals(part.status());
            refused |= "refused".equals(part.status());
            if (part.answeredAt() != null && (last == null || part.answeredAt().isAfter(last))) {
                last = part.answeredAt();
            }
        }
        String status = !allAnswered ? IN_PROGRESS : refused ? DONE_WITH_REFUSALS : DONE;
        return new ErasureView(erasure.id(), erasure.clientId(), status, erasure.reason(), erasure.reference(),
                erasure.requestedAt(), allAnswered ? last : null, views);
    }
}
