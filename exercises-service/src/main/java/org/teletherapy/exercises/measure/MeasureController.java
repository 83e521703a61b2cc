package org.teletherapy.exercises.measure;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.exercises.scoring.Instruments;
import org.teletherapy.exercises.roster.Roster;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.UUID;

/** Score history for a chart: a client's own, or a client's on the therapist's roster. */
@RestController
@RequestMapping("/api/v1/measures")
class MeasureController {

    private final Measures measures;
    private final Roster roster;

    MeasureController(Measures measures, Roster roster) {
        this.measures = measures;
        this.roster = roster;
    }

    @ProblemTypes(badRequest = {"unknown-instrument", "client-required"}, notFound = "client-not-found")
    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<MeasureRecord> history(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable UUID clientId,
                                @RequestParam(required = false) @Nullable String instrument) {
        Caller caller = Caller.from(jwt);
        Instrument wanted = instrument == null ? null
                : Instruments.byName(instrument).orElseThrow(UnknownInstrumentException::new);
        if (!caller.is(Role.THERAPIST)) {
            // A client's chart is their own; asking for someone else's finds nothing, as if it did not exist.
            return clientId == null || clientId.equals(caller.id())
                    ? measures.history(caller.id(), wanted)
                    : Flux.error(new ClientNotFoundException());
        }
        if (clientId == null) {
            return Flux.error(new ClientRequiredException());
        }
        return roster.isOnRoster(caller.id(), clientId)
                .flatMapMany(onRoster -> onRoster ? measures.history(clientId, wanted) : Flux.error(new ClientNotFoundException()));
    }

    static final class UnknownInstrumentException extends ProblemException {
        UnknownInstrumentException() {
            super(HttpStatus.BAD_REQUEST, "unknown-instrument", "Unknown instrument", "instrument must be PHQ-9 or GAD-7.",
                    List.of(new FieldProblem("instrument", "unknown", "PHQ-9 or GAD-7.")));
        }
    }

    static final class ClientRequiredException extends ProblemException {
        ClientRequiredException() {
            super(HttpStatus.BAD_REQUEST, "client-required", "Client required",
                    "Name the client whose scores you want to see.",
                    List.of(new FieldProblem("clientId", "required", "Required for therapists.")));
        }
    }

    static final class ClientNotFoundException extends ProblemException {
        ClientNotFoundException() {
            super(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", "There is no such client of yours.");
        }
    }
}
