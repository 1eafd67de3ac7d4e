package io.authbench.reports.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The codec of {@code results.json}: the only class that knows Jackson. Reading validates the schema version and
 * turns every kind of bad file into a {@link ResultsFormatException} with one clear sentence.
 */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(codedEnumsAndMetrics())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Same results, same bytes: maps (timeouts, settings, sdks) are written in key order.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Forward compatible within a major version: newer writers may add fields.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // No skipped flows, no recorded checks, no variant list: left out, as null is (files without them stay as
            // they were).
            .addMixIn(Sample.class, OmitEmptyChecks.class)
            .addMixIn(RunConfig.class, OmitEmptySkippedFlows.class)
            .build();

    private interface OmitEmptyChecks {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> checks();
    }

    private interface OmitEmptySkippedFlows {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> skippedFlows();

        // Not recorded = ssr and csr (RunConfig.variantsRun): files of two-variant runs stay as they were.
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<String> variants();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, VariantApp> apps();
    }

    private ResultsJson() {}

    /** The JSON text of {@code results}. */
    public static String toJson(RunResults results) {
        try {
            return MAPPER.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results could not be serialised: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads and validates a results file.
     *
     * @throws ResultsFormatException naming the file and the problem if it is missing, empty, truncated, not
     *                                JSON, of another schema, or missing a required field
     */
    public static RunResults read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file + ": file not found. Pass the run folder that holds results.json"
                    + " (the harness prints it at the end of a run), or run the benchmark first: mvn verify -Pbench.");
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        return parse(text, file.toString());
    }

    /** Parses results JSON text; {@code source} names it in error messages (usually the file path). */
    public static RunResults parse(String text, String source) {
        if (text.isBlank()) {
            throw new ResultsFormatException(source + ": the file is empty; the run wrote no results."
                    + " Re-run the benchmark (its log says why it stopped).");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonEOFException e) {
            throw new ResultsFormatException(
                    source + ": the JSON ends early (truncated at " + where(e.getLocation())
                            + "); the file was cut off. Re-run the benchmark or restore the file.",
                    e);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                // Cut right after a complete value ("scriptMs" : 1): Jackson reports that as a parse error, not EOF.
                throw new ResultsFormatException(
                        source + ": the JSON ends early (truncated at " + where(e.getLocation())
                                + "); the file was cut off. Re-run the benchmark or restore the file.",
                        e);
            }
            throw new ResultsFormatException(
                    source + ": not valid JSON ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + " at " + where(e.getLocation())
                            + ").",
                    e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ResultsFormatException(source + ": expected a JSON object with a \"schema\" field," + " found "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()) + ".");
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new ResultsFormatException(source + ": no \"schema\" field; this is not an AuthBench results file"
                    + " (expected \"schema\": \"" + RunResults.SCHEMA + "\").");
        }
        if (!RunResults.SCHEMA.equals(schema.asText())) {
            throw new ResultsFormatException(source + ": schema \"" + schema.asText() + "\" is not supported; this"
                    + " version reads \"" + RunResults.SCHEMA + "\". Use the AuthBench version that wrote the file.");
        }
        try {
            return MAPPER.treeToValue(tree, RunResults.class);
        } catch (JsonMappingException e) {
            throw new ResultsFormatException(source + ": problem at " + path(e) + ": " + rootMessage(e) + ".", e);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(source + ": " + e.getOriginalMessage() + ".", e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResultsFormatException(source + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * Writes {@code results} to {@code file} atomically: a temporary file in the same folder, flushed to disk,
     * then renamed over the target, so a reader (or a crash) never sees a half-written file.
     */
    public static void writeAtomically(RunResults results, Path file) {
        byte[] bytes = toJson(results).getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            makeReadable(tmp);
            try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // survives a power cut too, not only a crash of the JVM
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
            throw new UncheckedIOException("could not write " + file + ": " + e, e);
        }
    }

    /** Temporary files are created owner-only; the results are meant to be shared like any other output. */
    private static void makeReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String where(JsonLocation location) {
        return location == null
                ? "unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the top level" : path.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonMappingException m ? m.getOriginalMessage() : root.getMessage();
        if (message == null) {
            return root instanceof NullPointerException
                    ? "a required value is missing or null"
                    : root.getClass().getSimpleName();
        }
        if (message.startsWith("Cannot map `null` into type")) {
            return "a required value is missing or null";
        }
        return message.lines().findFirst().orElse(message);
    }

    private static SimpleModule codedEnumsAndMetrics() {
        SimpleModule module = new SimpleModule("authbench-results");
        addCoded(module, RunStatus.class);
        addCoded(module, NetworkLink.class);
        module.addSerializer(Metrics.class, new MetricsSerializer());
        module.addDeserializer(Metrics.class, new MetricsDeserializer());
        return module;
    }

    private static <E extends Enum<E> & Coded> void addCoded(SimpleModule module, Class<E> type) {
        module.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.code());
            }
        });
        module.addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return Coded.fromCode(type, p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage());
                }
            }
        });
    }

    /** Metrics as a flat object {"timeToContentMs": 123.4, "contentWithoutJs": true, ...}; unmeasured = absent. */
    private static final class MetricsSerializer extends JsonSerializer<Metrics> {
        @Override
        public void serialize(Metrics metrics, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            for (Map.Entry<Metric, Object> entry : metrics.asMap().entrySet()) {
                gen.writeFieldName(entry.getKey().key());
                if (entry.getValue() instanceof Boolean flag) {
                    gen.writeBoolean(flag);
                } else {
                    double value = (Double) entry.getValue();
                    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                        gen.writeNumber((long) value); // counts and bytes read as integers
                    } else {
                        gen.writeNumber(value);
                    }
                }
            }
            for (Map.Entry<String, Object> entry : metrics.unknown().entrySet()) {
                gen.writeObjectField(entry.getKey(), entry.getValue());
            }
            gen.writeEndObject();
        }
    }

    private static final class MetricsDeserializer extends JsonDeserializer<Metrics> {
        @Override
        public Metrics deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (!node.isObject()) {
                throw JsonMappingException.from(p, "metrics must be an object of metric keys to values");
            }
            Metrics.Builder builder = Metrics.builder();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue; // null = not measured
                }
                var metric = Metric.byKey(field.getKey());
                if (metric.isEmpty()) {
                    builder.unknown(field.getKey(), MAPPER.treeToValue(value, Object.class));
                } else if (metric.get().isFlag()) {
                    if (!value.isBoolean()) {
                        throw JsonMappingException.from(
                                p, "metric " + field.getKey() + " must be true or false, got " + value);
                    }
                    builder.set(metric.get(), value.booleanValue());
                } else {
                    if (!value.isNumber()) {
                        throw JsonMappingException.from(
                                p, "metric " + field.getKey() + " must be a number, got " + value);
                    }
                    builder.set(metric.get(), value.doubleValue());
                }
            }
            return builder.build();
        }
    }
}
