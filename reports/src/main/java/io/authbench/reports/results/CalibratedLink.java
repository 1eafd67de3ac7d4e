package io.authbench.reports.results;

/**
 * The calibration of one link under one profile: what it was configured to do and what it measurably did.
 *
 * @param profile                   profile name
 * @param link                      which link
 * @param configured                the profile's settings for it
 * @param measuredRttMs             median round trip of small ping-pongs through the link
 * @param measuredDownBitsPerSecond bulk transfer rate toward the connecting side; null if not measured
 * @param measuredUpBitsPerSecond   bulk transfer rate toward the target; null if not measured
 */
public record CalibratedLink(
        String profile,
        NetworkLink link,
        LinkSettings configured,
        Double measuredRttMs,
        Long measuredDownBitsPerSecond,
        Long measuredUpBitsPerSecond) {}
