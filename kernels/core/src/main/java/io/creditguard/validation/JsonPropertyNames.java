package io.creditguard.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Property names as the JSON has them: a record component Jackson writes unwrapped ({@link JsonUnwrapped},
 * an invoice's terms) has no field of its own in the document, so its node has no name and the
 * fields below it sit at the enclosing object ({@code $.interestRate}, not {@code $.terms.interestRate}).
 */
final class JsonPropertyNames implements PropertyNodeNameProvider {

    private final Map<Class<?>, Map<String, Boolean>> unwrapped = new ConcurrentHashMap<>();

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean && isUnwrapped(bean.getDeclaringClass(), property.getName())) {
            return "";
        }
        return property.getName();
    }

    private boolean isUnwrapped(Class<?> type, String name) {
        return unwrapped.computeIfAbsent(type, k -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> {
            try {
                // On a record component the annotation lands on the field: its target has no RECORD_COMPONENT.
                return type.getDeclaredField(n).isAnnotationPresent(JsonUnwrapped.class);
            } catch (NoSuchFieldException e) {
                return false;
            }
        });
    }
}
