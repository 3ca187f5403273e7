package dev.postventa.returns.request;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Issues RMA numbers a person can read over the phone: {@code RMA-YYMMDD-XXXXXX} (no 0/O/1/I look-alikes). */
@ApplicationScoped
public class RmaNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RmaNumbers(Clock clock) {
        this.clock = clock;
    }

    /** A fresh RMA number dated today (UTC). */
    public String next() {
        StringBuilder rma = new StringBuilder("RMA-").append(DAY.format(clock.instant())).append('-');
        for (int i = 0; i < 6; i++) {
            rma.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return rma.toString();
    }
}
