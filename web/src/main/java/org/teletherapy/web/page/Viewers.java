package org.teletherapy.web.page;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.WebProperties;

/** The {@link Viewer} of a request, with the deployment's time zone for browsers that did not tell theirs. */
@Component
public class Viewers {

    private final WebProperties properties;

    Viewers(WebProperties properties) {
        this.properties = properties;
    }

    public Viewer of(ServerWebExchange exchange) {
        return Viewer.of(exchange, properties.defaultTimeZone());
    }
}
