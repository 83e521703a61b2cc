package org.teletherapy.exercises.assignment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/assignments")
class AssignmentController {

    private final AssignmentRepository assignments;

    AssignmentController(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    /** A client's homework, or the homework a therapist assigned; soonest due first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<AssignmentView> mine(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        Flux<Assignment> mine = caller.is(Role.THERAPIST)
                ? assignments.findByTherapistIdOrderByDueAtAsc(caller.id())
                : assignments.findByClientIdOrderByDueAtAsc(caller.id());
        return mine.map(AssignmentView::of);
    }

    record AssignmentView(UUID id, UUID clientId, UUID therapistId, UUID templateId, String status, Instant dueAt) {

        static AssignmentView of(Assignment assignment) {
            return new AssignmentView(assignment.id(), assignment.clientId(), assignment.therapistId(),
                    assignment.templateId(), assignment.status(), assignment.dueAt());
        }
    }
}
