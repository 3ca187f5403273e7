package dev.postventa.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue, the records and {@link Topics} must tell the same story. */
class EventCatalogTest {

    @Test
    void everyTypeIsVersionedAndListedOnce() {
        assertThat(EventCatalog.types().values()).doesNotHaveDuplicates();
        EventCatalog.entries().forEach((type, entry) -> {
            assertThat(type).as(entry.eventClass().getSimpleName()).matches("postventa\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(EventCatalog.typeOf(entry.eventClass())).isEqualTo(type);
            assertThat(EventCatalog.isKnown(type)).isTrue();
        });
        assertThat(EventCatalog.isKnown("storefront.order.placed")).isFalse();
        assertThat(EventCatalog.isKnown(null)).isFalse();
    }

    @Test
    void everyTopicIsAPlatformTopic() throws Exception {
        List<String> topics = stringConstants(Topics.class);
        EventCatalog.types().keySet().forEach(type -> assertThat(EventCatalog.topicOf(type)).isIn(topics)
                .isNotEqualTo(Topics.STOREFRONT_ORDERS));
    }

    /** Uses the golden samples as instances: what a record says of itself comes from the catalogue. */
    @Test
    void catalogueAgreesWithEachRecord() {
        List<DomainEvent> events = EventSamples.all().values().stream().filter(DomainEvent.class::isInstance)
                .map(DomainEvent.class::cast).toList();
        assertThat(events).hasSize(EventCatalog.types().size());
        assertThat(events).extracting(DomainEvent::eventType).doesNotHaveDuplicates();
        for (DomainEvent event : events) {
            assertThat(EventCatalog.classOf(event.eventType())).contains(event.getClass());
            assertThat(EventCatalog.topicOf(event.eventType())).as(event.eventType()).isEqualTo(event.topic());
            assertThat(event.aggregateId()).isNotBlank();
        }
    }

    /** A new DomainEvent record that nobody added to the catalogue fails here rather than in a consumer. */
    @Test
    void everyDomainEventRecordIsCatalogued() throws Exception {
        Path classes = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isDirectory(classes), "runs against target/classes");
        Set<Class<?>> records;
        try (Stream<Path> files = Files.walk(classes)) {
            records = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(EventCatalogTest::load)
                    .filter(c -> DomainEvent.class.isAssignableFrom(c) && c.isRecord())
                    .collect(Collectors.toSet());
        }
        assertThat(records).isNotEmpty().containsExactlyInAnyOrderElementsOf(EventCatalog.types().values());
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertThat(EventCatalog.classOf("postventa.return.requested.v2")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.topicOf("order.placed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order.placed");
        assertThatThrownBy(() -> EventCatalog.types().put("x", DomainEvent.class))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> EventCatalog.typeOf(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    private static List<String> stringConstants(Class<?> holder) throws IllegalAccessException {
        List<String> values = new java.util.ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
