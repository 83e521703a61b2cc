package org.teletherapy.exercises.vault;

/** The client was erased: their key is gone, so nothing of theirs can be read or written. Names no client. */
public final class ClientErasedException extends RuntimeException {

    public ClientErasedException(Throwable cause) {
        super("the client's key was destroyed", cause);
    }
}
