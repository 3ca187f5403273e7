package dev.postventa.notifications.messages;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the customer messages ({@code postventa.messages.*}). */
@ConfigMapping(prefix = "postventa.messages")
public interface MessagesConfig {

    /** The shop's name, in the HTML emails' header, title and signature (env {@code SHOP_NAME}). */
    @WithDefault("Postventa")
    String shopName();
}
