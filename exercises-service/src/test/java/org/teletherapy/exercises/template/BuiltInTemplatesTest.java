package org.teletherapy.exercises.template;

import org.junit.jupiter.api.Test;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.exercises.scoring.QuestionnaireScoring;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInTemplatesTest {

    static final List<ExerciseTemplate> LIBRARY = BuiltInTemplates.load(JsonMapper.builder().build());

    @Test
    void theLibraryShipsBothQuestionnairesAndTheFourTrustBuildingExercises() {
        assertThat(LIBRARY).extracting(ExerciseTemplate::key).containsExactlyInAnyOrder("phq-9", "gad-7",
                "open-communication-journal", "consistency-tracker", "apology-and-forgiveness-letter",
                "boundaries-worksheet");
        assertThat(LIBRARY).extracting(ExerciseTemplate::id).doesNotHaveDuplicates();
        assertThat(LIBRARY).allSatisfy(template -> {
            assertThat(template.ownerId()).isNull();
            assertThat(template.title()).isNotBlank();
            assertThat(template.instructions()).isNotBlank();
            assertThat(template.questions()).isNotEmpty();
            assertThat(template.questions()).extracting(Question::id).doesNotHaveDuplicates();
            template.questions().forEach(question -> assertThat(question.id()).matches(AnswerCheck.QUESTION_ID));
        });
    }

    @Test
    void phq9HasItsPublishedWordingAndResponseOptions() {
        ExerciseTemplate phq9 = byKey("phq-9");

        assertThat(phq9.id()).isEqualTo(UUID.fromString("7b1f0000-0000-4000-8000-000000000009"));
        assertThat(phq9.kind()).isEqualTo(TemplateKind.QUESTIONNAIRE);
        assertThat(phq9.instrument()).isEqualTo(Instrument.PHQ_9);
        assertThat(phq9.instructions())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
        assertThat(scoredPrompts(phq9, Instrument.PHQ_9)).containsExactly(
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
                "Trouble concentrating on things, such as reading the newspaper or watching television",
                "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety "
                        + "or restless that you have been moving around a lot more than usual",
                "Thoughts that you would be better off dead or of hurting yourself in some way");
        assertResponseOptions(phq9, Instrument.PHQ_9);
        assertThat(phq9.attribution()).contains("Spitzer").contains("Kroenke").contains("No permission required");
    }

    @Test
    void gad7HasItsPublishedWordingAndResponseOptions() {
        ExerciseTemplate gad7 = byKey("gad-7");

        assertThat(gad7.instrument()).isEqualTo(Instrument.GAD_7);
        assertThat(gad7.instructions())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
        assertThat(scoredPrompts(gad7, Instrument.GAD_7)).containsExactly(
                "Feeling nervous, anxious or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it is hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid as if something awful might happen");
        assertResponseOptions(gad7, Instrument.GAD_7);
    }

    @Test
    void theClosingDifficultyQuestionIsOptionalAndNotScored() {
        for (String key : List.of("phq-9", "gad-7")) {
            Question difficulty = byKey(key).question("difficulty").orElseThrow();
            assertThat(difficulty.required()).isFalse();
            assertThat(QuestionnaireScoring.itemIds(byKey(key).instrument())).doesNotContain("difficulty");
        }
    }

    @Test
    void theTrustExercisesUseEveryKindOfQuestion() {
        assertThat(LIBRARY.stream().filter(template -> template.kind() == TemplateKind.EXERCISE)
                .flatMap(template -> template.questions().stream()).map(Question::type).distinct())
                .containsExactlyInAnyOrder(QuestionType.values());
        assertThat(LIBRARY.stream().filter(template -> template.kind() == TemplateKind.EXERCISE))
                .allSatisfy(template -> assertThat(template.instrument()).isNull());
    }

    private static void assertResponseOptions(ExerciseTemplate template, Instrument instrument) {
        for (String item : QuestionnaireScoring.itemIds(instrument)) {
            Question question = template.question(item).orElseThrow();
            assertThat(question.required()).as("%s is required: a questionnaire is never prorated", item).isTrue();
            assertThat(question.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
            assertThat(question.choices().stream().collect(Collectors.toMap(option -> option.value().asInt(),
                    ChoiceOption::label))).isEqualTo(Map.of(0, "Not at all", 1, "Several days",
                    2, "More than half the days", 3, "Nearly every day"));
        }
    }

    private static List<String> scoredPrompts(ExerciseTemplate template, Instrument instrument) {
        return QuestionnaireScoring.itemIds(instrument).stream()
                .map(item -> template.question(item).orElseThrow().prompt()).toList();
    }

    private static ExerciseTemplate byKey(String key) {
        return LIBRARY.stream().filter(template -> key.equals(template.key())).findFirst().orElseThrow();
    }
}
