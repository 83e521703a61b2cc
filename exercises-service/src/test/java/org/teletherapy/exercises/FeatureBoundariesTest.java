package org.teletherapy.exercises;

import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.FeatureBoundaries;

/** Features form no cycle, use each other through their package's public types, and keep to their own tables. */
class FeatureBoundariesTest {

    @Test
    void featuresKeepTheirBoundaries() {
        FeatureBoundaries.of(ExercisesApplication.class)
                .owns("assignment", "assignment", "completed_session")
                .owns("template", "exercise_template")
                .owns("submission", "submission")
                .owns("measure", "measure")
                .owns("safety", "safety_alert")
                .owns("roster", "roster_link")
                .owns("session", "known_session")
                .owns("erasure", "erased_client")
                // Erasure depends on roster and session (it forgets their rows), so they cannot ask it without a cycle.
                .reads("roster", "erased_client", "a late roster event for an erased client is dropped in one statement")
                .reads("session", "erased_client", "a late session event for an erased client is dropped in one statement")
                .verify();
    }
}
