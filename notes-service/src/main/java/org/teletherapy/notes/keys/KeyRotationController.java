package org.teletherapy.notes.keys;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.crypto.KeyringStatus;
import org.teletherapy.crypto.MasterKeyRewrapper;
import org.teletherapy.crypto.SubjectKeyring;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditTrail;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Master key rotation for operators: figures only (how many client keys, how many still under an old master key
 * version), never a key or a client. A rotation makes a new master key version current; the client keys are
 * rewrapped under it in the background while notes are read and written.
 */
@RestController
@RequestMapping("/api/v1/notes/keys")
@PreAuthorize("hasRole('OPERATOR')")
class KeyRotationController {

    private final SubjectKeyring keyring;
    private final ObjectProvider<MasterKeyRewrapper> rewrapper;
    private final AuditTrail audit;

    KeyRotationController(SubjectKeyring keyring, ObjectProvider<MasterKeyRewrapper> rewrapper, AuditTrail audit) {
        this.keyring = keyring;
        this.rewrapper = rewrapper;
        this.audit = audit;
    }

    @GetMapping
    Mono<KeysStatus> status() {
        return keyring.status().map(KeysStatus::of);
    }

    /** 202: the new version is current at once, the rewrapping follows (watch {@code pendingRewrap}). */
    @ApiResponse(responseCode = "202", description = "Rotated; rewrapping follows", useReturnTypeSchema = true)
    @ProblemTypes(conflict = "rotation-managed-externally")
    @PostMapping("/rotation")
    Mono<ResponseEntity<KeysStatus>> rotate(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request) {
        AuditContext context = AuditContext.of(Caller.from(jwt), Role.OPERATOR, RequestIdWebFilter.requestId(request));
        // Rotating writes a key file or calls a key management system: blocking work, off the event loop.
        Mono<KeyringStatus> rotated = Mono.fromCallable(() -> keyring.masterKeys().rotate())
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(UnsupportedOperationException.class, e -> new RotationManagedElsewhere())
                .then(keyring.status())
                .doOnNext(status -> rewrapper.ifAvailable(MasterKeyRewrapper::trigger));
        return audit.audited(context, AuditAction.EXECUTE, "master-key.rotate", null, rotated, status -> null)
                .map(status -> ResponseEntity.status(HttpStatus.ACCEPTED).body(KeysStatus.of(status)));
    }

    record KeysStatus(String masterKeyVersion, long activeKeysets, long pendingRewrap, long destroyedKeysets,
                      double rewrapProgress) {

        static KeysStatus of(KeyringStatus status) {
            return new KeysStatus(status.masterKeyVersion(), status.activeKeysets(), status.pendingRewrap(),
                    status.destroyedKeysets(), status.rewrapProgress());
        }
    }

    static final class RotationManagedElsewhere extends ProblemException {
        RotationManagedElsewhere() {
            super(HttpStatus.CONFLICT, "rotation-managed-externally",
                    "Rotation is managed by the key management system", "Rotate the master key in the KMS; the "
                            + "client keys are rewrapped under its new version by themselves.");
        }
    }
}
