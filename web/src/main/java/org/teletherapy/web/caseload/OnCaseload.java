package org.teletherapy.web.caseload;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** A client of the signed-in therapist by id, as their care team lists them; anyone else is not found (404 page). */
public final class OnCaseload {

    private OnCaseload() {
    }

    public static Mono<CareTeamMember> client(Api api, UUID clientId) {
        return api.list("/api/v1/care-team", CareTeamMember.class)
                .flatMap(team -> Mono.justOrEmpty(team.stream().filter(member -> clientId.equals(member.clientId()))
                        .findFirst()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
