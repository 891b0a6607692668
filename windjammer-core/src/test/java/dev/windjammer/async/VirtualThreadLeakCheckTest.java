package dev.windjammer.async;

import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector the other tests rely on sees a running virtual thread, and no longer once it ended. */
@ExtendWith(VirtualThreadLeakCheck.class)
class VirtualThreadLeakCheckTest {

    @Test
    void seesALiveVirtualThreadAndNotAnEndedOne() throws Exception {
        Set<String> before = Set.copyOf(VirtualThreadLeakCheck.liveVirtualThreads().keySet());
        CountDownLatch release = new CountDownLatch(1);
        try (TestThreads threads = new TestThreads()) {
            threads.startVirtual(() -> Bodies.await(release));
            try {
                var during = VirtualThreadLeakCheck.liveVirtualThreads();
                during.keySet().removeAll(before);
                assertThat(during).hasSize(1);
                assertThat(during.values().iterator().next()).contains("test-vthread-0");
            } finally {
                release.countDown();
            }
        }
        var after = VirtualThreadLeakCheck.liveVirtualThreads();
        after.keySet().removeAll(before);
        assertThat(after).isEmpty();
    }
}
