package org.teletherapy.exercises.template;

import org.junit.jupiter.api.Test;
import org.teletherapy.service.problem.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerCheckTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<Question> QUESTIONS = List.of(
            new Question("moment", QuestionType.TEXT, "What happened?", true, null, null, null, null, 20, null),
            new Question("safety", QuestionType.SCALE, "How safe?", true, 1, 10, "not", "fully", null, null),
            new Question("kept", QuestionType.SINGLE_CHOICE, "Kept?", true, null, null, null, null, null,
                    List.of(new ChoiceOption(NODES.stringNode("kept"), "Yes"), new ChoiceOption(NODES.stringNode("not-kept"), "No"))),
            new Question("score", QuestionType.SINGLE_CHOICE, "Item", false, null, null, null, null, null,
                    List.of(new ChoiceOption(NODES.numberNode(0), "Not at all"), new ChoiceOption(NODES.numberNode(3), "Nearly every day"))),
            new Question("said-it", QuestionType.YES_NO, "Did you?", false, null, null, null, null, null, null));

    @Test
    void fittingAnswersPass() {
        assertThat(check("""
                {"moment": "we talked", "safety": 7, "kept": "kept", "score": 3, "said-it": true}""", AnswerCheck.Mode.SUBMISSION))
                .isEmpty();
    }

    @Test
    void requiredQuestionsNeedAnAnswerOnlyWhenHandingIn() {
        assertThat(check("{}", AnswerCheck.Mode.SUBMISSION)).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("answers.moment", "required"),
                        org.assertj.core.groups.Tuple.tuple("answers.safety", "required"),
                        org.assertj.core.groups.Tuple.tuple("answers.kept", "required"));
        assertThat(check("{}", AnswerCheck.Mode.DRAFT)).isEmpty();
    }

    @Test
    void blankTextAndNullCountAsUnanswered() {
        assertThat(check("""
                {"moment": "   ", "safety": null, "kept": "kept"}""", AnswerCheck.Mode.SUBMISSION))
                .extracting(FieldProblem::field).containsExactly("answers.moment", "answers.safety");
    }

    @Test
    void scaleAnswersMustBeWholeNumbersWithinTheRange() {
        assertThat(codes("""
                {"moment": "x", "safety": 11, "kept": "kept"}""")).containsExactly("answers.safety:out-of-range");
        assertThat(codes("""
                {"moment": "x", "safety": 0, "kept": "kept"}""")).containsExactly("answers.safety:out-of-range");
        assertThat(codes("""
                {"moment": "x", "safety": 7.5, "kept": "kept"}""")).containsExactly("answers.safety:wrong-type");
        assertThat(codes("""
                {"moment": "x", "safety": "7", "kept": "kept"}""")).containsExactly("answers.safety:wrong-type");
        assertThat(codes("""
                {"moment": "x", "safety": 7.0, "kept": "kept"}""")).isEmpty();
    }

    @Test
    void choicesMustBeOneOfTheOptionsAsWritten() {
        assertThat(codes("""
                {"moment": "x", "safety": 5, "kept": "maybe"}""")).containsExactly("answers.kept:not-an-option");
        assertThat(codes("""
                {"moment": "x", "safety": 5, "kept": "kept", "score": "3"}""")).containsExactly("answers.score:not-an-option");
        assertThat(codes("""
                {"moment": "x", "safety": 5, "kept": "kept", "score": 2}""")).containsExactly("answers.score:not-an-option");
        assertThat(codes("""
                {"moment": "x", "safety": 5, "kept": ["kept"]}""")).containsExactly("answers.kept:wrong-type");
    }

    @Test
    void answersOfTheWrongTypeAreNamed() {
        assertThat(codes("""
                {"moment": 42, "safety": 5, "kept": "kept", "said-it": "yes"}"""))
                .containsExactly("answers.moment:wrong-type", "answers.said-it:wrong-type");
    }

    @Test
    void textLongerThanTheQuestionAllowsIsRefused() {
        assertThat(codes("""
                {"moment": "a very long answer indeed", "safety": 5, "kept": "kept"}""")).containsExactly("answers.moment:too-long");
    }

    @Test
    void unknownQuestionsAreNamedOnlyWhenTheirNameIsPlain() {
        assertThat(codes("""
                {"moment": "x", "safety": 5, "kept": "kept", "extra": 1, "My secret, Jane Doe": 2}"""))
                .containsExactlyInAnyOrder("answers.extra:unknown-question", "answers:unknown-question");
    }

    @Test
    void problemsNeverQuoteTheAnswers() {
        List<FieldProblem> problems = check("""
                {"moment": "I told him about the affair, it went badly", "safety": 99, "kept": "secretvalue"}""",
                AnswerCheck.Mode.SUBMISSION);
        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.toString())
                .doesNotContain("affair").doesNotContain("99").doesNotContain("secretvalue"));
    }

    @Test
    void anIncompleteQuestionnaireIsItsOwnProblem() {
        ExerciseTemplate questionnaire = BuiltInTemplates.load(JSON).stream()
                .filter(template -> "phq-9".equals(template.key())).findFirst().orElseThrow();
        Map<String, JsonNode> answers = answers("""
                {"item1": 0, "item2": 0, "item3": 0, "item5": 0, "item6": 0, "item7": 0, "item8": 0, "item9": 0}""");

        assertThatThrownBy(() -> AnswerCheck.require(questionnaire, answers, AnswerCheck.Mode.SUBMISSION))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> {
                    assertThat(e.getBody().getType().toString()).isEqualTo("urn:teletherapy:problem:incomplete-questionnaire");
                    assertThat(e.getBody().getStatus()).isEqualTo(422);
                });
    }

    private static List<String> codes(String json) {
        return check(json, AnswerCheck.Mode.SUBMISSION).stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    private static List<FieldProblem> check(String json, AnswerCheck.Mode mode) {
        return AnswerCheck.check(QUESTIONS, answers(json), mode);
    }

    private static Map<String, JsonNode> answers(String json) {
        Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(entry -> answers.put(entry.getKey(), entry.getValue()));
        return answers;
    }
}
