package org.teletherapy.service.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Puts the request id, carried in the Reactor context, into the logging MDC of whichever thread handles the request
 * at the moment, so every log line of a request names it (next to the trace and span ids tracing adds).
 * Registered with Micrometer's context propagation through {@code META-INF/services}.
 */
public final class RequestIdLogField implements ThreadLocalAccessor<String> {

    /** The key in the Reactor context. */
    public static final String CONTEXT_KEY = "teletherapy.request-id";
    /** The key in the MDC, hence the field name in JSON log lines. */
    public static final String MDC_KEY = "requestId";

    @Override
    public Object key() {
        return CONTEXT_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(MDC_KEY);
    }
}
