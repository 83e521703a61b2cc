package org.teletherapy.notes;

import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.FeatureBoundaries;

/** Features form no cycle, use each other through their package's public types, and keep to their own tables. */
class FeatureBoundariesTest {

    @Test
    void featuresKeepTheirBoundaries() {
        FeatureBoundaries.of(NotesApplication.class)
                .owns("note", "note", "note_addendum")
                .owns("caseload", "caseload_session", "caseload_roster")
                .owns("erasure", "client_erasure")
                .owns("audit", "audit_entry", "audit_chain_head")
                .verify();
    }
}
