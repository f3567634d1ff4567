package org.loumen.notify;

/** A delivery that did not go through; the platform retries it with backoff, then lists it as a dead letter. */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
