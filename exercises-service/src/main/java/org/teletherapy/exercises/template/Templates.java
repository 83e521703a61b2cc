package org.teletherapy.exercises.template;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.FieldProblem;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What other features need of the template library. */
@Service
public class Templates {

    private final TemplateStore store;

    Templates(TemplateStore store) {
        this.store = store;
    }

    /** The template of an existing assignment (whoever wrote it). */
    public Mono<ExerciseTemplate> find(UUID templateId) {
        return store.find(templateId);
    }

    /** The templates of existing assignments, by id (whoever wrote them). */
    public Mono<Map<UUID, ExerciseTemplate>> find(Collection<UUID> templateIds) {
        if (templateIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return store.find(templateIds).collectMap(ExerciseTemplate::id);
    }

    /** A template the therapist may assign: built in, or their own. */
    public Mono<ExerciseTemplate> usableBy(UUID templateId, UUID therapistId) {
        return store.find(templateId)
                .filter(template -> template.usableBy(therapistId))
                .switchIfEmpty(Mono.error(UnknownTemplateException::new));
    }

    /** The template id of an assignment named no template the therapist can use. */
    public static final class UnknownTemplateException extends ProblemException {
        UnknownTemplateException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-template", "Unknown template",
                    "There is no exercise template with this id that you can assign.",
                    List.of(new FieldProblem("templateId", "unknown",
                            "No such template among the built-in ones and your own.")));
        }
    }
}
