package io.creditguard.validation;

import java.util.Map;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Reports a broken rule between fields at the field it is about, so a class-level constraint names
 * {@code $.debts[2].dueDate} rather than the record as a whole.
 */
public final class Violations {

    private Violations() {
    }

    /**
     * Adds a violation with {@code template} (a message key such as
     * {@code {io.creditguard.receivables.Invoice.openAboveAmount}}) at {@code path} below the
     * validated value, and drops the constraint's default violation on the value itself.
     *
     * @param parameters values the message names in braces ({@code {amount}})
     * @param path property names, each optionally followed by the index of the element it names in
     *     that list: {@code "debts", 2, "dueDate"} is {@code debts[2].dueDate}
     */
    public static void add(ConstraintValidatorContext context, String template, Map<String, Object> parameters,
            Object... path) {
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        parameters.forEach(hibernate::addMessageParameter);
        var builder = hibernate.buildConstraintViolationWithTemplate(template);
        NodeBuilderCustomizableContext open = builder.addPropertyNode(name(path, 0));
        NodeBuilderDefinedContext indexed = null;
        for (int i = 1; i < path.length; i++) {
            if (path[i] instanceof Integer index) {
                // Bean Validation marks the element of a list on the node after it: debts[2].dueDate
                // is "dueDate", in iterable at 2, below "debts".
                String element = name(path, ++i);
                indexed = (indexed != null ? indexed.addPropertyNode(element) : open.addPropertyNode(element))
                        .inIterable().atIndex(index);
                open = null;
            } else {
                open = indexed != null ? indexed.addPropertyNode(name(path, i)) : open.addPropertyNode(name(path, i));
                indexed = null;
            }
        }
        if (indexed != null) {
            indexed.addConstraintViolation();
        } else {
            open.addConstraintViolation();
        }
    }

    /** {@link #add(ConstraintValidatorContext, String, Map, Object...)} for a message without parameters. */
    public static void add(ConstraintValidatorContext context, String template, Object... path) {
        add(context, template, Map.of(), path);
    }

    private static String name(Object[] path, int i) {
        if (i >= path.length || !(path[i] instanceof String name)) {
            throw new IllegalArgumentException("a path names a property after each index: " + java.util.Arrays.toString(path));
        }
        return name;
    }
}
