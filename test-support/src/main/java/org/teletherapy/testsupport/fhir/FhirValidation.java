package org.teletherapy.testsupport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A third party's judgement of the FHIR the platform emits: HAPI FHIR's validator against the base R4 specification
 * (its structure definitions and value sets, from {@code hapi-fhir-validation-resources-r4}), offline. Code systems
 * it cannot know (LOINC without a terminology server, the platform's own {@code urn:teletherapy:*}) are warnings,
 * as FHIR allows local codes; anything at error level fails the test.
 *
 * <p>Needs HAPI on the test class path: the service's POM declares {@code hapi-fhir-validation},
 * {@code hapi-fhir-structures-r4}, {@code hapi-fhir-validation-resources-r4} and {@code hapi-fhir-caching-caffeine}
 * at test scope (versions in the root POM).
 */
public final class FhirValidation {

    /** Building the validator loads the whole specification (some seconds): once per test JVM. */
    private static volatile FhirValidator validator;

    private FhirValidation() {
    }

    /** The validator's messages at error level or worse, each with its location. */
    public static List<String> errors(String json) {
        return messages(json, true);
    }

    /** Every message, warnings and information included, for a test to print what the validator said. */
    public static List<String> all(String json) {
        return messages(json, false);
    }

    /** Fails with the validator's errors, if it has any, and gives its warnings. */
    public static List<String> assertValid(String json) {
        assertThat(errors(json)).as("HAPI FHIR validator errors").isEmpty();
        return all(json);
    }

    private static List<String> messages(String json, boolean errorsOnly) {
        ValidationResult result = validator().validateWithResult(json);
        return result.getMessages().stream()
                .filter(message -> !errorsOnly || message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }

    private static FhirValidator validator() {
        FhirValidator built = validator;
        if (built == null) {
            synchronized (FhirValidation.class) {
                built = validator;
                if (built == null) {
                    validator = built = build();
                }
            }
        }
        return built;
    }

    private static FhirValidator build() {
        FhirContext context = FhirContext.forR4Cached();
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        return context.newValidator().registerValidatorModule(instanceValidator);
    }
}
