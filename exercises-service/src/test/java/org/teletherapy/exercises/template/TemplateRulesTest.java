package org.teletherapy.exercises.template;

import org.junit.jupiter.api.Test;
import org.teletherapy.service.problem.FieldProblem;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRulesTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void questionsWithoutIdsAreNumberedAroundTheGivenOnes() {
        TemplateDraft draft = draft(
                question(null, QuestionType.TEXT, null, null, null),
                question("q1", QuestionType.YES_NO, null, null, null),
                question(null, QuestionType.SCALE, 0, 5, null));

        assertThat(TemplateRules.check(draft)).isEmpty();
        assertThat(TemplateRules.questions(draft)).extracting(Question::id).containsExactly("q2", "q1", "q3");
        assertThat(TemplateRules.questions(draft)).allSatisfy(question -> assertThat(question.required()).isTrue());
    }

    @Test
    void scalesNeedARangeAndChoicesDistinctOptions() {
        TemplateDraft draft = draft(
                question("a", QuestionType.SCALE, 5, 5, null),
                question("b", QuestionType.SCALE, null, 3, null),
                question("c", QuestionType.SINGLE_CHOICE, null, null, List.of(option("x"))),
                question("d", QuestionType.SINGLE_CHOICE, null, null, List.of(option("x"), option("x"))),
                question("a", QuestionType.TEXT, null, null, null),
                question("Bad Id", QuestionType.TEXT, null, null, null));

        assertThat(TemplateRules.check(draft)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("questions[0].max", "invalid-range"),
                org.assertj.core.groups.Tuple.tuple("questions[1]", "missing-range"),
                org.assertj.core.groups.Tuple.tuple("questions[2].options", "invalid-options"),
                org.assertj.core.groups.Tuple.tuple("questions[3].options[1].value", "duplicate-option"),
                org.assertj.core.groups.Tuple.tuple("questions[4].id", "duplicate-id"),
                org.assertj.core.groups.Tuple.tuple("questions[5].id", "invalid-id"));
    }

    private static TemplateDraft draft(TemplateDraft.QuestionDraft... questions) {
        return new TemplateDraft("Gratitude log", "Note three things.", List.of(questions));
    }

    private static TemplateDraft.QuestionDraft question(String id, QuestionType type, Integer min, Integer max,
                                                        List<TemplateDraft.OptionDraft> options) {
        return new TemplateDraft.QuestionDraft(id, type, "Prompt", null, min, max, null, null, null, options);
    }

    private static TemplateDraft.OptionDraft option(String value) {
        return new TemplateDraft.OptionDraft(NODES.stringNode(value), value);
    }
}
