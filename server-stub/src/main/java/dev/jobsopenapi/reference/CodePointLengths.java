package dev.jobsopenapi.reference;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.server.validation.ValidationConfig;
import org.hibernate.validator.internal.constraintvalidators.bv.size.SizeValidatorForCharSequence;

/**
 * String lengths as JSON Schema counts them: in code points. The generated models carry {@code @Size} from the
 * spec's {@code minLength}/{@code maxLength}, which Bean Validation counts in UTF-16 units, so a 64-character
 * description holding an emoji (two units) would be refused though the spec allows it. Jersey's validation is
 * given a validator factory that answers Hibernate Validator's request for its {@code @Size} validator of
 * strings with one that counts code points; every other validator is the default one.
 */
final class CodePointLengths implements ContextResolver<ValidationConfig> {

    private final ConstraintValidatorFactory defaults =
            Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return new ValidationConfig().constraintValidatorFactory(new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == SizeValidatorForCharSequence.class ? key.cast(new CodePointSize()) : defaults.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
                defaults.releaseInstance(instance);
            }
        });
    }

    /** {@code @Size} of a string, counted in code points. */
    static final class CodePointSize extends SizeValidatorForCharSequence {
        private int min;
        private int max;

        @Override
        public void initialize(Size parameters) {
            super.initialize(parameters);
            min = parameters.min();
            max = parameters.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = Character.codePointCount(value, 0, value.length());
            return length >= min && length <= max;
        }
    }
}
