package org.teletherapy.service.openapi;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The realm roles a handler's {@code @PreAuthorize} admits, read from its {@code hasRole}/{@code hasAnyRole} calls. */
public final class OperationRoles {

    private static final Pattern ROLE_CALL = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private OperationRoles() {
    }

    /** The expression guarding the handler: on the method, else on its class; empty when the operation is open. */
    public static Optional<String> expression(HandlerMethod handler) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        PreAuthorize guard = onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        return Optional.ofNullable(guard).map(PreAuthorize::value);
    }

    /** Lower-case realm role names, in the order the expression names them. */
    public static List<String> of(String expression) {
        Set<String> roles = new LinkedHashSet<>();
        Matcher call = ROLE_CALL.matcher(expression);
        while (call.find()) {
            Matcher role = QUOTED.matcher(call.group(1));
            while (role.find()) {
                roles.add(role.group(1).replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(roles);
    }
}
