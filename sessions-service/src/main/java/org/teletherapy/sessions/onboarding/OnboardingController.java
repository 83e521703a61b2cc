package org.teletherapy.sessions.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
class OnboardingController {

    private final Onboarding onboarding;

    OnboardingController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    record PersonRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
                         @NotBlank @Email @Size(max = 254) String email) {

        /** Trimmed before validation: " ana@example.org " pasted from a mail is a valid address. */
        PersonRequest {
            email = email == null ? null : email.strip();
        }

        Accounts.NewPerson toNewPerson() {
            return new Accounts.NewPerson(firstName.strip(), lastName.strip(), email.strip().toLowerCase());
        }
    }

    record Invited(UUID clientId, String name) {
    }

    record Created(UUID therapistId, String name) {
    }

    /** A therapist invites a new client: an account that asks for a password and e-mail check on first login. */
    @ProblemTypes(conflict = "account-exists", unavailable = "identity-unavailable")
    @PostMapping("/api/v1/roster/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<Invited> invite(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PersonRequest request) {
        Caller therapist = Caller.from(jwt);
        Accounts.NewPerson client = request.toNewPerson();
        return onboarding.inviteClient(therapist.id(), therapistName(jwt), client)
                .map(id -> new Invited(id, client.displayName()));
    }

    @ProblemTypes(notFound = "client-not-found")
    @DeleteMapping("/api/v1/roster/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID clientId) {
        return onboarding.removeClient(Caller.from(jwt).id(), clientId);
    }

    /** An operator creates a therapist's account. */
    @ProblemTypes(conflict = "account-exists", unavailable = "identity-unavailable")
    @PostMapping("/api/v1/accounts/therapists")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<Created> createTherapist(@Valid @RequestBody PersonRequest request) {
        Accounts.NewPerson therapist = request.toNewPerson();
        return onboarding.createTherapist(therapist).map(id -> new Created(id, therapist.displayName()));
    }

    /** The therapist's name as their clients will see it on the care team, from their own token. */
    private static String therapistName(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return name == null || name.isBlank() ? "Your therapist" : name;
    }
}
