package org.teletherapy.service.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types an operation answers beyond the ones every operation has (malformed request, validation,
 * unauthorized, forbidden, not found for a path id), by status, as the kind of {@code urn:teletherapy:problem:<kind>}.
 * The OpenAPI document lists them under the operation's responses.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemTypes {

    /** 400 */
    String[] badRequest() default {};

    /** 403, besides the role check's {@code forbidden} */
    String[] forbidden() default {};

    /** 404 */
    String[] notFound() default {};

    /** 409 */
    String[] conflict() default {};

    /** 410 */
    String[] gone() default {};

    /** 413 */
    String[] contentTooLarge() default {};

    /** 422 */
    String[] unprocessable() default {};

    /** 500, where the operation says more than that something failed, e.g. a failed integrity check */
    String[] serverError() default {};

    /** 503 */
    String[] unavailable() default {};
}
