package ai.zelto.app.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variable that sets a setting, declared beside its field. {@link EnvironmentOverrides} finds
 * every one by reflection, so a new setting is its field, this annotation and its README row; a test fails when a
 * setting has no variable or the README's table lacks one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Env {
    /** The variable's name, {@code ZELTO_…}. */
    String value();
}
