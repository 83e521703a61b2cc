package org.teletherapy.web.console;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** One page of notes-service's AuditEvent Bundle, and the pages put together as one Bundle. */
record ExportPage(JsonNode bundle, int entries, long lastSequence, boolean full) {

    static ExportPage of(JsonNode bundle, int pageSize) {
        long last = 0;
        int entries = 0;
        for (JsonNode entry : bundle.path("entry")) {
            entries++;
            for (JsonNode entity : entry.path("resource").path("entity")) {
                for (JsonNode detail : entity.path("detail")) {
                    if ("sequence".equals(detail.path("type").asString(""))) {
                        last = Math.max(last, Long.parseLong(detail.path("valueString").asString("0")));
                    }
                }
            }
        }
        return new ExportPage(bundle, entries, last, entries == pageSize && last > 0);
    }

    /** The first page's Bundle with every page's entries, in chain order. */
    static JsonNode bundle(List<ExportPage> pages, JsonMapper json) {
        ObjectNode whole = pages.get(0).bundle().deepCopy() instanceof ObjectNode copy ? copy : json.createObjectNode();
        ArrayNode entries = json.createArrayNode();
        pages.forEach(page -> page.bundle().path("entry").forEach(entries::add));
        whole.set("entry", entries);
        return whole;
    }
}
