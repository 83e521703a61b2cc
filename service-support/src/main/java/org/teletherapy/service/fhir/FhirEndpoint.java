package org.teletherapy.service.fhir;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of FHIR endpoints: its errors leave as FHIR {@code OperationOutcome}s
 * ({@link FhirExceptionHandler}) instead of problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FhirEndpoint {
}
