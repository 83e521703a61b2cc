package org.teletherapy.sessions.erasure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a client is erased, as a code (the same codes as notes-service's own erasure): free text could name anyone. */
enum ErasureReason {
    @JsonProperty("client-request") CLIENT_REQUEST,
    @JsonProperty("consent-withdrawn") CONSENT_WITHDRAWN,
    @JsonProperty("legal-obligation") LEGAL_OBLIGATION;

    String code() {
        return name().toLowerCase().replace('_', '-');
    }

    static ErasureReason ofCode(String code) {
        return valueOf(code.toUpperCase().replace('-', '_'));
    }
}
