package org.teletherapy.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the API answers a therapist, as its services write it: sessions, the caseload, availability. */
public final class TherapistFixtures {

    public static final String CLARA = "5f1c0000-0000-4000-8000-000000000003";
    public static final String CHIDI = "5f1c0000-0000-4000-8000-000000000004";

    private TherapistFixtures() {
    }

    /** GET /api/v1/care-team of a therapist: their clients. */
    public static String caseload() {
        return "[{\"clientId\":\"" + CLARA + "\",\"name\":\"Clara Meyer\"},"
                + "{\"clientId\":\"" + CHIDI + "\",\"name\":\"Chidi Nwosu\"}]";
    }

    /**
     * One entry of GET /api/v1/sessions as sessions-service writes it for the therapist: {@code closableFrom} while
     * booked, {@code videoUrl} only when given.
     */
    public static String session(UUID id, String clientId, String status, Instant start, String videoUrl) {
        Instant end = start.plus(50, ChronoUnit.MINUTES);
        return """
                {"id":"%s","therapistId":"%s","clientId":"%s","start":"%s","end":"%s","status":"%s",
                 "videoUrl":%s,"videoJoinOpensAt":"%s","videoJoinClosesAt":"%s","roomProtected":true%s}
                """.formatted(id, SignedInPageTest.THERAPIST, clientId, start, end, status,
                videoUrl == null ? "null" : "\"" + videoUrl + "\"", start.minus(10, ChronoUnit.MINUTES), end,
                "booked".equals(status) ? ",\"closableFrom\":\"" + start + "\"" : "");
    }

    public static String list(List<String> entries) {
        return entries.stream().collect(Collectors.joining(",", "[", "]"));
    }

    /** GET /api/v1/availability in {@code zone}; sessions-service writes a time with its seconds (14:00:00). */
    public static String availability(String zone) {
        return """
                {"timeZone":"%s","sessionMinutes":50,"bufferMinutes":10,"weekly":[
                 {"day":"MONDAY","start":"09:00","end":"17:00"},{"day":"WEDNESDAY","start":"09:00","end":"12:00"},
                 {"day":"WEDNESDAY","start":"14:00:00","end":"18:00:00"}],
                 "timeOff":[{"from":"2026-12-24","to":"2026-12-31"}]}
                """.formatted(zone);
    }

    public static String slot(Instant start) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + start.plus(50, ChronoUnit.MINUTES) + "\"}";
    }
}
