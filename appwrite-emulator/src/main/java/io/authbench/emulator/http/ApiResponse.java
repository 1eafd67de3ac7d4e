package io.authbench.emulator.http;

import java.util.ArrayList;
import java.util.List;

/** A successful API answer: status, JSON body (or none for 204) and extra headers such as Set-Cookie. */
public final class ApiResponse {
    public record Header(String name, String value) {}

    private final int status;
    private final byte[] json;
    private final List<Header> headers = new ArrayList<>(4);

    private ApiResponse(int status, byte[] json) {
        this.status = status;
        this.json = json;
    }

    public static ApiResponse json(int status, byte[] json) {
        return new ApiResponse(status, json);
    }

    /** 204 with an empty body and no Content-Type, as Utopia's {@code noContent()} sends it. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    public ApiResponse header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return json;
    }

    public List<Header> headers() {
        return headers;
    }
}
