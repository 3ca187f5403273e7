package dev.postventa.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose JSON value may be {@code null} (a guest's customer id, a first scan's previous
 * status, an order not yet delivered). Every other component of a contract is always set. Read at run time by the
 * AsyncAPI generator, which makes the component's schema accept {@code null}; Jackson ignores it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MayBeNull {
}
