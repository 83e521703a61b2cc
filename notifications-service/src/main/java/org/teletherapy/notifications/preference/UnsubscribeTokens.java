package org.teletherapy.notifications.preference;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The token of an unsubscribe link: who and which category, signed (HMAC-SHA256), so that the link works without
 * signing in (RFC 8058 one-click) and cannot be made for someone else. It names an id and a category, nothing more.
 */
@Component
public class UnsubscribeTokens {

    private final SecretKeySpec key;

    UnsubscribeTokens(UnsubscribeProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(UUID userId, Category category) {
        String claim = userId + "." + category.wireName();
        return claim + "." + signature(claim);
    }

    record Unsubscribe(UUID userId, Category category) {
    }

    Optional<Unsubscribe> verify(String token) {
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        String claim = token.substring(0, last);
        byte[] expected = signature(claim).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            UUID user = UUID.fromString(token.substring(0, first));
            return Category.of(token.substring(first + 1, last)).map(category -> new Unsubscribe(user, category));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private String signature(String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
