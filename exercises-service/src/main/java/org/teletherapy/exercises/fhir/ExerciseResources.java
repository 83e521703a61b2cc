package org.teletherapy.exercises.fhir;

import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.exercises.measure.MeasureRecord;
import org.teletherapy.exercises.scoring.Instruments;
import org.teletherapy.exercises.submission.SubmittedAnswers.Response;
import org.teletherapy.exercises.template.ChoiceOption;
import org.teletherapy.exercises.template.ExerciseTemplate;
import org.teletherapy.exercises.template.Question;
import org.teletherapy.service.fhir.Fhir;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.teletherapy.service.fhir.Fhir.ordered;

/** Homework answers and questionnaire scores as FHIR R4 QuestionnaireResponse and Observation, built by hand. */
final class ExerciseResources {

    static final String LOINC = "http://loinc.org";
    static final String SEVERITY_SYSTEM = "urn:teletherapy:severity";
    /** Marks a hand-in listed without its answers, which failed their integrity check (a reader can tell why). */
    static final Map<String, Object> UNREADABLE_TAG = Fhir.coding("urn:teletherapy:record-state", "answers-unreadable",
            "The stored answers failed their integrity check and are left out");

    /**
     * The LOINC codes of one instrument. {@code panel} is the questionnaire's code (PHQ-9 44249-1, GAD-7 69737-5,
     * the codes DESIGN.md §12 names); {@code total} the code of its total score (44261-6, 70274-6), which is what an
     * Observation of the score is. A search by either finds the score.
     */
    record Loinc(String panel, String panelDisplay, String total, String totalDisplay) {

        static Loinc of(Instrument instrument) {
            return switch (instrument) {
                case PHQ_9 -> new Loinc("44249-1", "PHQ-9 quick depression assessment panel",
                        "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]");
                case GAD_7 -> new Loinc("69737-5", "Generalized anxiety disorder 7 item (GAD-7)",
                        "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]");
            };
        }
    }

    private ExerciseResources() {
    }

    /**
     * The canonical of the questionnaire answered: LOINC's form for the standard instruments (as LOINC publishes
     * them, {@code http://loinc.org/q/<code>}), the platform's template otherwise.
     */
    static String questionnaireCanonical(ExerciseTemplate template, String baseUrl) {
        return template.instrument() != null ? LOINC + "/q/" + Loinc.of(template.instrument()).panel()
                : baseUrl + "/Questionnaire/" + template.id();
    }

    static Map<String, Object> questionnaireResponse(Response response, ExerciseTemplate template, String baseUrl) {
        Map<String, Object> patient = Fhir.reference("Patient", response.clientId(), null);
        return ordered("resourceType", "QuestionnaireResponse", "id", response.id().toString(),
                "meta", response.unreadable() ? ordered("tag", List.of(UNREADABLE_TAG)) : null,
                "questionnaire", questionnaireCanonical(template, baseUrl),
                "status", "completed",
                "subject", patient,
                "authored", Fhir.instant(response.submittedAt()),
                "author", patient,
                "source", patient,
                "item", response.answers().map(answers -> items(template, answers)).orElse(List.of()));
    }

    private static List<Map<String, Object>> items(ExerciseTemplate template, Map<String, JsonNode> answers) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Question question : template.questions()) {
            JsonNode answer = answers.get(question.id());
            if (answer == null || answer.isNull()) {
                continue;
            }
            answer(question, answer).ifPresent(value -> items.add(ordered("linkId", question.id(),
                    "text", question.prompt(), "answer", List.of(value))));
        }
        return items;
    }

    private static Optional<Map<String, Object>> answer(Question question, JsonNode answer) {
        return switch (question.type()) {
            case TEXT -> answer.isString() && !answer.asString().isBlank()
                    ? Optional.of(ordered("valueString", answer.asString())) : Optional.empty();
            case SCALE -> answer.isIntegralNumber() ? Optional.of(ordered("valueInteger", answer.asInt())) : Optional.empty();
            case YES_NO -> answer.isBoolean() ? Optional.of(ordered("valueBoolean", answer.asBoolean())) : Optional.empty();
            // The option's value is the code (the item score 0–3 for the questionnaires), its label the display.
            case SINGLE_CHOICE -> Optional.of(ordered("valueCoding", Fhir.coding("urn:teletherapy:answer:" + question.id(),
                    answer.asString(),
                    question.choices().stream().filter(option -> option.value().equals(answer))
                            .map(ChoiceOption::label).findFirst().orElse(null))));
        };
    }

    /** A score as an Observation of its total, with its severity band as the interpretation. */
    static Map<String, Object> observation(MeasureRecord measure) {
        Instrument instrument = Instruments.byName(measure.instrument()).orElseThrow();
        Loinc loinc = Loinc.of(instrument);
        Map<String, Object> patient = Fhir.reference("Patient", measure.clientId(), null);
        return ordered("resourceType", "Observation", "id", measure.responseId().toString(),
                "status", "final",
                "category", List.of(Fhir.concept("http://terminology.hl7.org/CodeSystem/observation-category",
                        "survey", "Survey", null)),
                "code", Fhir.concept(LOINC, loinc.total(), loinc.totalDisplay(), measure.instrument() + " total score"),
                "subject", patient,
                "effectiveDateTime", Fhir.instant(measure.measuredAt()),
                "issued", Fhir.instant(measure.measuredAt()),
                "performer", List.of(patient),
                "valueInteger", measure.totalScore(),
                "interpretation", List.of(Fhir.concept(SEVERITY_SYSTEM, measure.severity(), null,
                        bandText(instrument, measure.severity()))),
                "note", measure.needsFollowUp()
                        ? List.of(ordered("text", "The answer to item 9 asked for the therapist's follow-up.")) : null,
                "derivedFrom", List.of(Fhir.reference("QuestionnaireResponse", measure.responseId(), null)));
    }

    static String bandText(Instrument instrument, String band) {
        String severity = switch (band) {
            case "minimal" -> "Minimal";
            case "mild" -> "Mild";
            case "moderate" -> "Moderate";
            case "moderately-severe" -> "Moderately severe";
            case "severe" -> "Severe";
            default -> band;
        };
        return severity + (instrument == Instrument.PHQ_9 ? " depression" : " anxiety") + " symptoms";
    }
}
