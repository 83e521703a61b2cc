package org.teletherapy.events.erasure;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a service kept its part of a client's data, as a code the operator's status page can explain. */
public enum ErasureRefusal {
    /** A legal retention period (e.g. signed clinical records kept ten years) has not ended for some of the data. */
    @JsonProperty("retention-period") RETENTION_PERIOD,
    /** Also what a consumer reads for a code added after it was built, so new codes do not break it. */
    @JsonEnumDefaultValue @JsonProperty("other") OTHER
}
