package dev.postventa.notifications.messages;

import dev.postventa.events.CustomerContact;
import dev.postventa.events.Money;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a message from its Qute text template {@code messages/<template>/<language>.txt} in the customer's
 * language ({@link MessageLanguage}); the template's first line is the subject. The HTML alternative comes from
 * {@code messages/<template>/<language>.html}, inside the shared layout {@value #LAYOUT}; Qute escapes every value
 * of an {@code .html} template, and a value named {@code *Url} reaches it only when it is an http(s) URL
 * ({@link WebLinks}), blank otherwise. Amounts are written the customer's
 * way ({@link LocalMoney}), instants as dates on their calendar ({@link LocalDates}), also inside lists and maps (the
 * lines of a message). Values come from partners' events and print on one line: line breaks and other control
 * characters in them become spaces, so no value can end the subject line early or start a header-like line.
 */
@ApplicationScoped
public class MessageRenderer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    /** The HTML layout every HTML message template includes (lang attribute, title, shop name, signature). */
    public static final String LAYOUT = "layouts/email.html";

    private final Engine engine;
    private final String shopName;

    @Inject
    MessageRenderer(Engine engine, MessagesConfig config) {
        this(engine, config.shopName());
    }

    /** For tests: the default shop name. */
    MessageRenderer(Engine engine) {
        this(engine, "Postventa");
    }

    MessageRenderer(Engine engine, String shopName) {
        this.engine = engine;
        this.shopName = shopName;
    }

    /** Subject, text and HTML of a message, and the template language used. */
    public record Rendered(String language, String subject, String body, String html) {
    }

    public Rendered render(String template, CustomerContact customer, Map<String, Object> data) {
        String language = MessageLanguage.of(customer.locale());
        String base = "messages/" + template + "/" + language;
        TemplateInstance textInstance = instance(base + ".txt");
        data.forEach((key, value) -> textInstance.data(key, printable(value, customer)));
        textInstance.data("shop", oneLine(shopName));
        String text = textInstance.render().strip();
        int firstBreak = text.indexOf('\n');
        if (firstBreak < 0) {
            throw new IllegalStateException("template " + base + ".txt has a subject line but no body");
        }
        String subject = text.substring(0, firstBreak).strip();
        TemplateInstance htmlInstance = instance(base + ".html");
        data.forEach((key, value) -> htmlInstance.data(key, key.endsWith("Url") && !WebLinks.isWebLink(value)
                ? "" : printable(value, customer)));
        // The layout's values: what the customer's mail client shows as the language, title and sender.
        htmlInstance.data("lang", language).data("subject", subject).data("shop", oneLine(shopName));
        return new Rendered(language, subject, text.substring(firstBreak + 1).strip() + "\n",
                htmlInstance.render().strip() + "\n");
    }

    private TemplateInstance instance(String id) {
        Template t = engine.getTemplate(id);
        if (t == null) {
            throw new IllegalStateException("no template " + id);
        }
        return t.instance();
    }

    /** A value as the template prints it: money and dates the customer's way, text on one line, lists and maps alike. */
    static Object printable(Object value, CustomerContact customer) {
        if (value instanceof Money money) {
            return LocalMoney.format(money, customer.locale(), customer.country());
        }
        if (value instanceof Instant instant) {
            return LocalDates.format(instant, customer.locale(), customer.country());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> printable(item, customer)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> printed = new LinkedHashMap<>();
            map.forEach((key, item) -> printed.put(key, printable(item, customer)));
            return printed;
        }
        return oneLine(value);
    }

    /** A text value on one line; other values as they are. */
    static Object oneLine(Object value) {
        return value instanceof CharSequence text ? CONTROL.matcher(text).replaceAll(" ") : value;
    }
}
