package io.authbench.serverbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authbench.reports.results.JmhResult;
import io.authbench.serverbench.jmh.JmhSampleFigure;
import io.authbench.serverbench.load.LadderResult;
import io.authbench.serverbench.load.LadderStep;
import io.authbench.serverbench.load.LoadOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * {@code server-bench/server-cost.json}: the phase's full result for the standalone CLI and for readers who want
 * more than results.json keeps (JIT share per step, sample-time percentiles, planned/not-sent counts). Units in key
 * names.
 */
final class ServerCostJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ServerCostJson() {}

    static void write(ServerCostResult result, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", "authbench-server-cost/1");
        root.put("settings", result.settingsName());
        ObjectNode described = root.putObject("settingsDescribed");
        new TreeMap<>(result.settings()).forEach(described::put);
        root.put("jmhResultFile", result.jmhResultFile());
        ArrayNode notes = root.putArray("notes");
        result.notes().forEach(notes::add);
        ArrayNode jmh = root.putArray("jmh");
        for (JmhResult r : result.jmh()) {
            ObjectNode n = jmh.addObject();
            n.put("benchmark", r.benchmark())
                    .put("variant", r.variant())
                    .put("mode", r.mode())
                    .put("threads", r.threads())
                    .put("score", r.score())
                    .put("scoreError", r.scoreError())
                    .put("unit", r.unit())
                    .put("serverCpuAppMsPerOp", r.serverCpuAppMsPerOp())
                    .put("serverCpuAppwriteMsPerOp", r.serverCpuAppwriteMsPerOp());
        }
        ArrayNode samples = root.putArray("jmhSamples");
        for (JmhSampleFigure s : result.jmhSamples()) {
            samples.addObject()
                    .put("benchmark", s.benchmark())
                    .put("threads", s.threads())
                    .put("p50Ms", s.p50Ms())
                    .put("p90Ms", s.p90Ms())
                    .put("p99Ms", s.p99Ms())
                    .put("samples", s.samples());
        }
        ArrayNode ladders = root.putArray("ladders");
        for (LadderResult ladder : result.ladders()) {
            ObjectNode l = ladders.addObject();
            l.put("variant", ladder.variant())
                    .put("stopReason", ladder.stopReason())
                    .put("stoppedByFault", ladder.stoppedByFault())
                    .put("highestSustainedPerSecond", ladder.highestSustainedPerSecond());
            ArrayNode steps = l.putArray("steps");
            for (LadderStep step : ladder.steps()) {
                LoadOutcome o = step.outcome();
                ObjectNode s = steps.addObject();
                s.put("target", step.target())
                        .put("offeredPerSecond", o.settings().ratePerSecond())
                        .put("achievedPerSecond", o.achievedPerSecond())
                        .put("planned", o.planned())
                        .put("sent", o.sent())
                        .put("succeeded", o.succeeded())
                        .put("notSent", o.notSent())
                        .put("hardLimitHit", o.hardLimitHit())
                        .put("p50Ms", o.percentileMillis(50))
                        .put("p90Ms", o.percentileMillis(90))
                        .put("p99Ms", o.percentileMillis(99))
                        .put("p999Ms", o.percentileMillis(99.9))
                        .put("maxMs", o.maxMillis())
                        .put("appCpuMsPerView", step.appCpuMsPerView())
                        .put("appwriteCpuMsPerView", step.appwriteCpuMsPerView())
                        .put("appJitMsPerView", step.appJitMsPerView())
                        .put("appwriteJitMsPerView", step.appwriteJitMsPerView())
                        .put("sustained", step.sustained())
                        .put("histogramFile", step.histogramFile());
                ObjectNode errors = s.putObject("errors");
                step.errorsByKind().forEach(errors::put);
                ObjectNode first = s.putObject("firstErrors");
                o.firstErrors().forEach((kind, message) -> first.put(kind.key(), message));
            }
        }
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new ServerBenchException("Cannot write " + file + " (" + e.getMessage() + ").", e);
        }
    }
}
