package org.teletherapy.notes.audit;

/** The action codes of FHIR's AuditEvent (create, read, update, delete, execute). */
public enum AuditAction {
    CREATE("C"), READ("R"), UPDATE("U"), DELETE("D"), EXECUTE("E");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
