package org.teletherapy.service.problem;

/**
 * One offending field of a request, listed in a problem's {@code errors[]}: its name (such as {@code answers.item9})
 * and what is wrong with it. Never the value itself, which may be what a client wrote.
 */
public record FieldProblem(String field, String code, String message) {
}
