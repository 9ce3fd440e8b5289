package io.creditguard.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A company's registration and VAT numbers hold by the rules of its country ({@link CompanyIds}:
 * a Swedish organisationsnummer's Luhn digit, a KvK number's eight digits, a VAT number that
 * matches the organisationsnummer). Class-level: the rules depend on the country field. An absent
 * or malformed country is the country field's own constraint to report; absent numbers are valid.
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ValidCompanyNumbers.Validator.class)
public @interface ValidCompanyNumbers {

    String message() default "{io.creditguard.validation.ValidCompanyNumbers.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A company as a request names it. */
    interface Company {
        String country();

        String registrationNumber();

        /** The VAT number, where the type has one. */
        default String vatNumber() {
            return null;
        }
    }

    final class Validator implements ConstraintValidator<ValidCompanyNumbers, Company> {
        @Override
        public boolean isValid(Company company, ConstraintValidatorContext context) {
            if (company == null || company.country() == null || !company.country().matches("[A-Z]{2}")) {
                return true;
            }
            boolean valid = true;
            CompanyIds.Checked id = company.registrationNumber() == null || company.registrationNumber().isBlank()
                    ? null : CompanyIds.registrationNumber(company.country(), company.registrationNumber());
            if (id != null && !id.valid()) {
                Violations.add(context, id.broken().template(), "registrationNumber");
                valid = false;
            }
            if (company.vatNumber() != null && !company.vatNumber().isBlank()) {
                CompanyIds.Rule vat = CompanyIds.vatNumberError(company.country(), company.vatNumber(), id);
                if (vat != null) {
                    Violations.add(context, vat.template(), "vatNumber");
                    valid = false;
                }
            }
            return valid;
        }
    }
}
