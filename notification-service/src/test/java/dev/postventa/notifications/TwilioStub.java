package dev.postventa.notifications;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server on a free loopback port standing in for Twilio's Messages API, shared by the JVM's test classes
 * (a {@code @QuarkusTestResource} applies to every test of the module, so it adds no application restart).
 */
public class TwilioStub implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "ACtest0000000000000000000000000000";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "twilio-stub-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("postventa.sms.twilio.base-url", "http://127.0.0.1:" + server().port());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped when the JVM exits.
    }
}
