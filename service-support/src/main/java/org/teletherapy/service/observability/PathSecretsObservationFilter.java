package org.teletherapy.service.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Request paths name clients, sessions and notes by id, and a private calendar feed's path is its secret. Spans keep
 * the path's shape for operators, with those parts replaced, so a trace store never holds them.
 */
public final class PathSecretsObservationFilter implements ObservationFilter {

    private static final Set<String> URL_KEYS = Set.of("http.url", "http.uri", "uri", "url.full", "url.path",
            "http.target");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern FEED_TOKEN = Pattern.compile("(/calendar/feeds/)[^/?#]+");

    @Override
    public Observation.Context map(Observation.Context context) {
        for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
            if (URL_KEYS.contains(keyValue.getKey())) {
                context.addHighCardinalityKeyValue(KeyValue.of(keyValue.getKey(), mask(keyValue.getValue())));
            }
        }
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            if (URL_KEYS.contains(keyValue.getKey())) {
                context.addLowCardinalityKeyValue(KeyValue.of(keyValue.getKey(), mask(keyValue.getValue())));
            }
        }
        return context;
    }

    static String mask(String url) {
        String withoutFeedToken = FEED_TOKEN.matcher(url).replaceAll("$1{token}");
        return UUID.matcher(withoutFeedToken).replaceAll("{id}");
    }
}
