package io.authbench.harness.flow;

/** An iteration that did not reach its correct end state; the message is the sample's failure reason. */
final class FlowFailure extends RuntimeException {
    FlowFailure(String message) {
        super(message, null, false, false);
    }
}
