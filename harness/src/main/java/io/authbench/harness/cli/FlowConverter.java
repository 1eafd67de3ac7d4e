package io.authbench.harness.cli;

import io.authbench.harness.flow.Flow;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns a flow name on the command line into a {@link Flow}; an unknown name fails with the list of known ones
 * (picocli reports it as a usage error, exit code 2). A blank value converts to null, which the command reads as
 * "the default": Maven passes an empty value for a property that was not set.
 */
final class FlowConverter implements ITypeConverter<Flow> {
    @Override
    public Flow convert(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        return Flow.byCode(code)
                .orElseThrow(
                        () -> new TypeConversionException("unknown flow '" + code + "'; known flows: " + Flow.codes()));
    }

    /** The A/A cell's flow as {@code --aa-flow} gives it; a null flow is {@code none}, no A/A cell. */
    record AaChoice(Flow flow) {}

    /** {@code --aa-flow}: a flow or {@code none}; blank converts to null (the default). */
    static final class AaFlow implements ITypeConverter<AaChoice> {
        @Override
        public AaChoice convert(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String code = value.strip();
            if (code.equals("none")) {
                return new AaChoice(null);
            }
            return Flow.byCode(code)
                    .map(AaChoice::new)
                    .orElseThrow(() -> new TypeConversionException(
                            "unknown flow '" + code + "'; use one of " + Flow.codes() + " or 'none'"));
        }
    }
}
