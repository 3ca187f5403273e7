package dev.postventa.tracking.carriers;

/** The carrier will not issue this label whatever the retries (an unsupported country, an unknown carrier). */
public class LabelRefusedException extends RuntimeException {

    public LabelRefusedException(String message) {
        super(message);
    }
}
