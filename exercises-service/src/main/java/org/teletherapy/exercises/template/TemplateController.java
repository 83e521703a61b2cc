package org.teletherapy.exercises.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.exercises.scoring.Instruments;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The homework library: the built-in templates and each therapist's own. */
@RestController
@RequestMapping("/api/v1/exercise-templates")
class TemplateController {

    private final TemplateStore store;

    TemplateController(TemplateStore store) {
        this.store = store;
    }

    @GetMapping
    @PreAuthorize("hasRole('THERAPIST')")
    Flux<TemplateView> library(@AuthenticationPrincipal Jwt jwt) {
        return store.usableBy(Caller.from(jwt).id()).map(TemplateView::of);
    }

    @ProblemTypes(notFound = "template-not-found")
    @GetMapping("/{id}")
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<TemplateView> one(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        UUID therapist = Caller.from(jwt).id();
        return store.find(id)
                .filter(template -> template.usableBy(therapist))
                .map(TemplateView::of)
                .switchIfEmpty(Mono.error(TemplateNotFoundException::new));
    }

    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemTypes(unprocessable = "invalid-template")
    @PostMapping
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<ResponseEntity<TemplateView>> write(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TemplateDraft draft) {
        List<FieldProblem> problems = TemplateRules.check(draft);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidTemplateException(problems));
        }
        ExerciseTemplate template = new ExerciseTemplate(UUID.randomUUID(), null, Caller.from(jwt).id(),
                TemplateKind.EXERCISE, null, draft.title().strip(), draft.instructions().strip(),
                TemplateRules.questions(draft), null);
        return store.insert(template).thenReturn(ResponseEntity
                .created(URI.create("/api/v1/exercise-templates/" + template.id()))
                .body(TemplateView.of(template)));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TemplateView(UUID id, String key, boolean builtIn, TemplateKind kind, String instrument, String title,
                        String instructions, List<Question> questions, String attribution) {

        static TemplateView of(ExerciseTemplate template) {
            return new TemplateView(template.id(), template.key(), template.isBuiltIn(), template.kind(),
                    template.instrument() == null ? null : Instruments.name(template.instrument()),
                    template.title(), template.instructions(), template.questions(), template.attribution());
        }
    }

    static final class TemplateNotFoundException extends ProblemException {
        TemplateNotFoundException() {
            super(HttpStatus.NOT_FOUND, "template-not-found", "Template not found",
                    "There is no such template among the built-in ones and your own.");
        }
    }

    static final class InvalidTemplateException extends ProblemException {
        InvalidTemplateException(List<FieldProblem> problems) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-template", "Invalid template",
                    "Some questions of the template are not usable as written.", problems);
        }
    }
}
