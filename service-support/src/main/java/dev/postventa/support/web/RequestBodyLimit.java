package dev.postventa.support.web;

import dev.postventa.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over its endpoint's maximum ({@link HttpLimitsConfig}) with 413 problem+json, before the
 * body is parsed or anything is written.
 *
 * <p>A declared {@code Content-Length} is judged before a byte of the body is read. A body of unknown length
 * ({@code Transfer-Encoding: chunked}) is read here, at most up to the maximum, and handed to the endpoint from
 * memory: left to Quarkus, such a body is cut only at {@code quarkus.http.limits.max-body-size} (one limit for
 * every endpoint), with a bare 413 and no problem body, and only once it outgrows the 10K input buffer.
 */
public class RequestBodyLimit {

    static final String TYPE = "body-too-large";

    private final HttpLimitsConfig config;

    RequestBodyLimit(HttpLimitsConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        long max = config.maxBytesFor(path);
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            // Vert.x has already refused a Content-Length that is not a number.
            long length = Long.parseLong(declared.trim());
            return Uni.createFrom().item(length > max ? tooLarge(request, max, "declares " + length + " bytes") : null);
        }
        if (request.getHeaderString("Transfer-Encoding") == null) {
            return Uni.createFrom().nullItem();
        }
        return readAtMost(routing.request(), max).map(body -> {
            if (body == null) {
                // The rest of the body is never read: the connection cannot carry another request after it.
                routing.response().endHandler(ended -> routing.request().connection().close());
                return Response.fromResponse(tooLarge(request, max, "sent more (chunked)"))
                        .header("Connection", "close").build();
            }
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
            return null;
        });
    }

    /** The whole body, or {@code null} as soon as it grows past {@code max} bytes. */
    private static Uni<Buffer> readAtMost(HttpServerRequest request, long max) {
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            request.handler(chunk -> {
                if (body.length() + (long) chunk.length() > max) {
                    request.handler(null);
                    request.endHandler(null);
                    request.pause();
                    emitter.complete(null);
                } else {
                    body.appendBuffer(chunk);
                }
            });
            request.endHandler(ended -> emitter.complete(body));
            request.exceptionHandler(emitter::fail);
            request.resume();
        });
    }

    private static Response tooLarge(ContainerRequestContext request, long max, String what) {
        String path = request.getUriInfo().getPath();
        ProblemException problem = new ProblemException(413, TYPE, "Request body too large",
                "a request body of " + request.getMethod() + " " + path + " is at most " + max
                        + " bytes; this one " + what, List.of());
        return Response.status(413).type(dev.postventa.support.problem.Problem.MEDIA_TYPE)
                .entity(problem.toProblem(path)).build();
    }
}
