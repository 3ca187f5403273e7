package dev.postventa.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest}'s mailer at a real SMTP server ({@link #inbox()}), shared by the JVM's test classes. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static SmtpInbox inbox;

    public static synchronized SmtpInbox inbox() {
        if (inbox == null) {
            inbox = SmtpInbox.onFreePort();
            Runtime.getRuntime().addShutdownHook(new Thread(inbox::stop, "smtp-inbox-stop"));
        }
        return inbox;
    }

    @Override
    public Map<String, String> start() {
        SmtpInbox server = inbox();
        return Map.of("quarkus.mailer.host", server.host(), "quarkus.mailer.port", String.valueOf(server.port()));
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped when the JVM exits.
    }
}
