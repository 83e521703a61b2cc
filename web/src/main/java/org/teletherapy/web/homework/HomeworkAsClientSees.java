package org.teletherapy.web.homework;

import org.springframework.context.MessageSource;
import org.teletherapy.web.api.ApiProblem.FieldError;
import org.teletherapy.web.homework.HomeworkViews.Assignment;
import org.teletherapy.web.homework.HomeworkViews.Submission;
import org.teletherapy.web.homework.HomeworkViews.Template;
import org.teletherapy.web.page.Viewer;

import java.util.List;
import java.util.Map;

/**
 * Homework as its client sees it, for the therapist's pages: a template being written previewed as the client's form,
 * a hand-in shown as the client's answers with the API's score and band. The same page model and the same fragments
 * ({@code homework/questions}) as the client's own pages, so what the therapist sees is what the client gets.
 */
public final class HomeworkAsClientSees {

    private HomeworkAsClientSees() {
    }

    /** The form the client would get for {@code template}, nothing answered; render with {@code homework/questions :: questions}. */
    public static Object form(Template template, Viewer viewer, MessageSource messages) {
        Assignment unassigned = new Assignment(null, template.title(), template.kind(), template.instrument(), "assigned",
                null, null, null, false, null, null, null, template, null);
        return HomeworkPage.form(unassigned, Map.of(), List.<FieldError>of(), null, null, viewer,
                HomeworkPage.Wording.of(messages, viewer.locale()));
    }

    /**
     * A handed-in assignment with its answers and result, or with the answers marked unavailable when
     * {@code submission} is null; render with {@code homework/questions :: answers}; its
     * {@code result} holds the score and band.
     */
    public static Object handedIn(Assignment assignment, Submission submission, Viewer viewer, MessageSource messages) {
        return HomeworkPage.handedIn(assignment, submission, submission == null, viewer,
                HomeworkPage.Wording.of(messages, viewer.locale()));
    }
}
