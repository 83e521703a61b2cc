package org.teletherapy.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How README rows are read, so the README check in PlatformTest compares what a reader sees. */
class ApiTablesTest {

    @Test
    void optionalSegmentsAlternativesSiblingsAndSeparateMethodsAreAllRead() {
        String readme = """
                | path | service | who |
                |---|---|---|
                | `PUT`/`GET /api/v1/availability` | sessions | a therapist's weekly windows |
                | `GET /api/v1/therapists/{id}/slots?from=&to=` | sessions | free slots |
                | `POST /api/v1/sessions/{id}/complete`, `/no-show` | sessions | the session's therapist |
                | `POST /api/v1/notes` `{sessionId, kind, content}`, `GET /api/v1/notes[/{id}]` | notes-service | |
                | `GET /api/v1/notes/{id}/audit`; `GET /api/v1/notes/audit[/verification\\|/fhir]` | notes-service | |
                | `GET /api/v1/safety-alerts?status=open\\|acknowledged&clientId=` | therapist | alerts |
                | `teletherapy.notes.max-content-bytes` | `65536` | not an operation |
                """;

        assertThat(ApiTables.operations(readme)).containsExactlyInAnyOrder(
                "PUT /api/v1/availability", "GET /api/v1/availability",
                "GET /api/v1/therapists/{}/slots",
                "POST /api/v1/sessions/{}/complete", "POST /api/v1/sessions/{}/no-show",
                "POST /api/v1/notes", "GET /api/v1/notes", "GET /api/v1/notes/{}",
                "GET /api/v1/notes/{}/audit", "GET /api/v1/notes/audit", "GET /api/v1/notes/audit/verification",
                "GET /api/v1/notes/audit/fhir",
                "GET /api/v1/safety-alerts");
    }
}
