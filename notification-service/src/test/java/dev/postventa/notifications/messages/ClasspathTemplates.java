package dev.postventa.notifications.messages;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Qute as Quarkus sets it up for the message templates, for plain unit tests: defaults, strict rendering, classpath. */
final class ClasspathTemplates {

    private ClasspathTemplates() {
    }

    static Engine engine() {
        return Engine.builder().addDefaults().strictRendering(true).removeStandaloneLines(true)
                .addLocator(id -> {
                    InputStream in = ClasspathTemplates.class.getResourceAsStream("/templates/" + id);
                    if (in == null) {
                        return Optional.empty();
                    }
                    return Optional.of(new TemplateLocation() {
                        @Override
                        public Reader read() {
                            return new InputStreamReader(in, StandardCharsets.UTF_8);
                        }

                        @Override
                        public Optional<Variant> getVariant() {
                            return Optional.empty();
                        }
                    });
                }).build();
    }
}
