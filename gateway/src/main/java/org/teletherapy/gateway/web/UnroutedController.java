package org.teletherapy.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.fhir.Fhir;
import org.teletherapy.service.fhir.OperationOutcomes;
import org.teletherapy.service.problem.Problems;

import java.util.Map;

/**
 * API paths that no service owns. Without this the catch-all route would hand them to the web app, and a script
 * that mistyped a path would get an HTML page instead of a problem detail.
 */
@RestController
class UnroutedController {

    @RequestMapping("/unrouted")
    ResponseEntity<ProblemDetail> unrouted() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No API operation has this path."));
    }

    /** A FHIR resource type (or path) no service serves. */
    @RequestMapping("/unrouted-fhir")
    ResponseEntity<Map<String, Object>> unroutedFhir() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(Fhir.MEDIA_TYPE)
                .body(OperationOutcomes.of(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "No service of this platform serves this FHIR resource type.")));
    }
}
