package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaywrightErrorsTest {
    /** Shape of Playwright 1.62's error for a browser binary that exits at once (flags shortened). */
    private static final String LAUNCH_FAILURE = """
            Error {
              message='Target page, context or browser has been closed
            Browser logs:

            <launching> /tmp/broken-chrome --disable-field-trial-config --headless --no-sandbox
            <launched> pid=17490
            [pid=17490][err] libnss3.so: cannot open shared object file
              name='TargetClosedError
            }
            Call log:
            -   - <launched> pid=17490
            -   - [pid=17490][err] libnss3.so: cannot open shared object file
            -   - [pid=17490] <process did exit: exitCode=127, signal=null>
            """;

    @Test
    void launch_failure_is_summarized_with_message_exit_code_and_browser_stderr() {
        assertThat(PlaywrightErrors.summarize(LAUNCH_FAILURE))
                .isEqualTo("Target page, context or browser has been closed;"
                        + " the browser exited with code 127; its stderr: libnss3.so: cannot open shared object file");
    }

    @Test
    void browser_killed_by_a_signal_is_named() {
        assertThat(PlaywrightErrors.summarize("Error {\n  message='Browser closed.\n}\n"
                        + "[pid=5] <process did exit: exitCode=null, signal=SIGSEGV>"))
                .isEqualTo("Browser closed.; the browser was killed by SIGSEGV");
    }

    @Test
    void plain_message_keeps_its_first_line() {
        assertThat(PlaywrightErrors.summarize("Failed to create driver\nat somewhere"))
                .isEqualTo("Failed to create driver");
        assertThat(PlaywrightErrors.summarize(null)).isEqualTo("(no message)");
    }
}
