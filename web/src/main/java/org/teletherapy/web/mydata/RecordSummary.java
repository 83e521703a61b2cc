package org.teletherapy.web.mydata;

import org.teletherapy.web.page.Viewer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.teletherapy.web.mydata.MyRecord.map;
import static org.teletherapy.web.mydata.MyRecord.maps;

/**
 * The record for people to read and print: the same resources as the download, in words and in the reader's time
 * zone. Read from the FHIR resources themselves, so the page cannot say something the file does not.
 */
record RecordSummary(String name, String email, List<SessionLine> sessions, List<ResponseLine> responses,
                     List<ScoreLine> scores, List<NoteLine> notes, int unreadable) {

    /** The tag exercises-service puts on a hand-in it lists without its answers (they failed their check). */
    static final String UNREADABLE = "answers-unreadable";

    record SessionLine(String when, String therapist, String status, String reason) {
    }

    record ResponseLine(String when, String questionnaire, List<Answer> answers, boolean unreadable) {
    }

    record Answer(String question, String answer) {
    }

    record ScoreLine(String when, String measure, String score, String band) {
    }

    record NoteLine(String when, String author, String text) {
    }

    static RecordSummary of(MyRecord.Parts parts, Viewer viewer) {
        Map<String, String> therapists = new HashMap<>();
        for (Map<String, Object> practitioner : parts.practitioners()) {
            therapists.put("Practitioner/" + practitioner.get("id"), nameOf(practitioner));
        }
        List<SessionLine> sessions = new ArrayList<>();
        for (Map<String, Object> appointment : parts.appointments().resources()) {
            String therapist = maps(appointment.get("participant")).stream()
                    .map(participant -> participant.get("actor"))
                    .filter(actor -> MyRecord.referenced(actor, "Practitioner/").isPresent())
                    .map(actor -> therapists.getOrDefault(String.valueOf(map(actor).get("reference")), ""))
                    .findFirst().orElse("");
            Object reason = appointment.get("cancelationReason");
            sessions.add(new SessionLine(when(appointment.get("start"), viewer), therapist,
                    String.valueOf(appointment.get("status")),
                    reason instanceof Map<?, ?> concept ? String.valueOf(concept.get("text")) : ""));
        }
        List<ResponseLine> responses = new ArrayList<>();
        for (Map<String, Object> response : parts.responses().resources()) {
            List<Answer> answers = new ArrayList<>();
            for (Map<String, Object> item : maps(response.get("item"))) {
                answers.add(new Answer(String.valueOf(item.getOrDefault("text", item.get("linkId"))),
                        maps(item.get("answer")).stream().map(RecordSummary::answerText).findFirst().orElse("")));
            }
            responses.add(new ResponseLine(when(response.get("authored"), viewer),
                    questionnaire(String.valueOf(response.get("questionnaire"))), answers, tagged(response, UNREADABLE)));
        }
        List<ScoreLine> scores = new ArrayList<>();
        for (Map<String, Object> observation : parts.observations().resources()) {
            Object code = observation.get("code");
            String band = maps(observation.get("interpretation")).stream()
                    .map(concept -> String.valueOf(concept.get("text"))).findFirst().orElse("");
            scores.add(new ScoreLine(when(observation.get("effectiveDateTime"), viewer),
                    code instanceof Map<?, ?> concept ? String.valueOf(concept.get("text")) : "",
                    String.valueOf(observation.get("valueInteger")), band));
        }
        List<NoteLine> notes = new ArrayList<>();
        for (Map<String, Object> document : parts.documents().resources()) {
            String author = maps(document.get("author")).stream()
                    .map(reference -> therapists.getOrDefault(String.valueOf(reference.get("reference")), ""))
                    .findFirst().orElse("");
            notes.add(new NoteLine(when(document.get("date"), viewer), author, text(document)));
        }
        int unreadable = (int) responses.stream().filter(ResponseLine::unreadable).count();
        return new RecordSummary(nameOf(parts.patient()), emailOf(parts.patient()), sessions, responses, scores, notes,
                unreadable);
    }

    private static boolean tagged(Map<String, Object> resource, String code) {
        return resource.get("meta") instanceof Map<?, ?> meta
                && maps(meta.get("tag")).stream().anyMatch(tag -> code.equals(tag.get("code")));
    }

    static String nameOf(Map<String, Object> person) {
        return maps(person.get("name")).stream().map(name -> name.get("text")).filter(String.class::isInstance)
                .map(String.class::cast).findFirst().orElse("");
    }

    private static String emailOf(Map<String, Object> person) {
        return maps(person.get("telecom")).stream().filter(telecom -> "email".equals(telecom.get("system")))
                .map(telecom -> String.valueOf(telecom.get("value"))).findFirst().orElse("");
    }

    private static String when(Object instant, Viewer viewer) {
        if (!(instant instanceof String text)) {
            return "";
        }
        try {
            return viewer.dateTime(Instant.parse(text));
        } catch (RuntimeException unreadable) {
            return text;
        }
    }

    /** LOINC's forms of the two questionnaires by name; other homework by what it is. */
    private static String questionnaire(String canonical) {
        if (canonical.endsWith("/q/44249-1")) {
            return "PHQ-9";
        }
        if (canonical.endsWith("/q/69737-5")) {
            return "GAD-7";
        }
        return "";
    }

    private static String answerText(Map<String, Object> answer) {
        if (answer.get("valueCoding") instanceof Map<?, ?> coding) {
            return String.valueOf(coding.get("display") != null ? coding.get("display") : coding.get("code"));
        }
        for (String key : List.of("valueString", "valueInteger", "valueBoolean")) {
            if (answer.containsKey(key)) {
                Object value = answer.get(key);
                return value instanceof Boolean yes ? (yes ? "Yes" : "No") : String.valueOf(value);
            }
        }
        return "";
    }

    private static String text(Map<String, Object> document) {
        for (Map<String, Object> content : maps(document.get("content"))) {
            if (content.get("attachment") instanceof Map<?, ?> attachment && attachment.get("data") instanceof String data) {
                try {
                    return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException unreadable) {
                    return "";
                }
            }
        }
        return "";
    }
}
