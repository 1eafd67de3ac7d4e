package io.authbench.emulator.model;

/** What a session records about the client's User-Agent (Appwrite fills these from DeviceDetector; {@code ""} = unknown). */
public record ClientInfo(
        String osCode,
        String osName,
        String osVersion,
        String clientType,
        String clientCode,
        String clientName,
        String clientVersion,
        String clientEngine,
        String clientEngineVersion,
        String deviceName,
        String deviceBrand,
        String deviceModel) {

    public static final ClientInfo UNKNOWN = new ClientInfo("", "", "", "", "", "", "", "", "", "", "", "");
}
