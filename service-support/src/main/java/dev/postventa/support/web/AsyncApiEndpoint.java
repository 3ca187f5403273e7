package dev.postventa.support.web;

import dev.postventa.events.asyncapi.AsyncApiDocument;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves the platform's AsyncAPI document (every topic, its messages, producer and consumers; generated in
 * shared-events) beside OpenAPI on the management interface: {@code /q/asyncapi} and {@code /q/asyncapi.json}.
 * Every service serves the same document, since integrators look for the topics where they find the API.
 */
@Singleton
public class AsyncApiEndpoint {

    private static final Logger LOG = Logger.getLogger(AsyncApiEndpoint.class);

    private final String rootPath;

    AsyncApiEndpoint(@ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q") String rootPath) {
        // Routes on the management router are absolute: the extensions' /q prefix is not added to them.
        this.rootPath = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
    }

    void register(@Observes ManagementInterface management) {
        Buffer document = Buffer.buffer(read());
        for (String path : new String[] {rootPath + "/asyncapi", rootPath + "/asyncapi.json"}) {
            management.router().get(path).handler(context -> context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(document));
        }
        LOG.debugf("AsyncAPI document served at %s/asyncapi on the management interface", rootPath);
    }

    /** The document from the shared-events jar; a build without it is broken, so startup fails rather than 404s. */
    static byte[] read() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(AsyncApiDocument.RESOURCE + " is not on the classpath (shared-events jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
