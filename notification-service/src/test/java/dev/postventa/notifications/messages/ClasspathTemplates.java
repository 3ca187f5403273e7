package dev.postventa.notifications.messages;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Qute as Quarkus sets it up for the message templates, for plain unit tests: defaults, strict rendering, classpath,
 * and, as Quarkus does for an {@code .html} template, its values HTML-escaped.
 */
final class ClasspathTemplates {

    private ClasspathTemplates() {
    }

    static Engine engine() {
        return Engine.builder().addDefaults().strictRendering(true).removeStandaloneLines(true)
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(id -> {
                    InputStream in = ClasspathTemplates.class.getResourceAsStream("/templates/" + id);
                    if (in == null) {
                        return Optional.empty();
                    }
                    Optional<Variant> variant = id.endsWith(".html")
                            ? Optional.of(Variant.forContentType(Variant.TEXT_HTML))
                            : Optional.empty();
                    return Optional.of(new TemplateLocation() {
                        @Override
                        public Reader read() {
                            return new InputStreamReader(in, StandardCharsets.UTF_8);
                        }

                        @Override
                        public Optional<Variant> getVariant() {
                            return variant;
                        }
                    });
                }).build();
    }
}
