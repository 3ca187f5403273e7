package dev.postventa.refunds;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A WireMock server on a free loopback port standing in for the payment provider's HTTP API. */
public class WireMockProvider implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(20));
        server.start();
        return Map.of("postventa.refunds.http.url", "http://127.0.0.1:" + server.port() + "/v1/",
                "postventa.refunds.http.api-key", "test-provider-key");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
