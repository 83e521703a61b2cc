package org.teletherapy.sessions.roster;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Flux;

@RestController
class CareTeamController {

    private final RosterStore roster;

    CareTeamController(RosterStore roster) {
        this.roster = roster;
    }

    @GetMapping("/api/v1/care-team")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<CareTeamMember> careTeam(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        return caller.is(Role.THERAPIST) ? roster.clientsOf(caller.id()) : roster.therapistsOf(caller.id());
    }
}
