package org.teletherapy.exercises.vault;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Seals and opens the texts and answer sets the features store, through the {@link AnswerVault}. */
@Component
public class ClientContent {

    private static final TypeReference<LinkedHashMap<String, JsonNode>> ANSWERS = new TypeReference<>() {
    };

    private final AnswerVault vault;
    private final JsonMapper json;

    ClientContent(AnswerVault vault, JsonMapper json) {
        this.vault = vault;
        this.json = json;
    }

    /** Empty text is not stored at all. */
    public Mono<byte[]> sealText(UUID clientId, String purpose, UUID recordId, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return Mono.empty();
        }
        return vault.seal(clientId, purpose, recordId, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when nothing was stored. */
    public Mono<String> openText(UUID clientId, String purpose, UUID recordId, byte @Nullable [] sealed) {
        if (sealed == null) {
            return Mono.empty();
        }
        return vault.open(clientId, purpose, recordId, sealed).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public Mono<byte[]> sealAnswers(UUID clientId, String purpose, UUID recordId, Map<String, JsonNode> answers) {
        return vault.seal(clientId, purpose, recordId, json.writeValueAsBytes(answers));
    }

    public Mono<Map<String, JsonNode>> openAnswers(UUID clientId, String purpose, UUID recordId, byte @Nullable [] sealed) {
        if (sealed == null) {
            return Mono.empty();
        }
        return vault.open(clientId, purpose, recordId, sealed).map(bytes -> json.readValue(bytes, ANSWERS));
    }
}
