package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 250 loopback clients send a request body to {@code /login} a byte a second for 20 seconds (reconnecting, at most
 * every 5 seconds each, when the service cuts them off), while a normal client keeps reading: every one of its
 * answers comes within a second. Bounded in count and time, loopback only, every socket closed at the end.
 */
class SlowClientsIT extends ApplicationIT {
    private static final int SLOW_CLIENTS = 250;
    private static final Duration ATTACK = Duration.ofSeconds(20);

    /** One slow client: a socket sending a long form body, and when it may reconnect after being cut off. */
    private final class Slow {
        Socket socket;
        long reconnectAfter;

        void drip(long now, AtomicInteger cutOff) {
            try {
                if (socket == null) {
                    if (now < reconnectAfter) {
                        return;
                    }
                    socket = new Socket();
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                    OutputStream out = socket.getOutputStream();
                    out.write(
                            ("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                            + "Content-Length: 100000\r\n\r\nusername=")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                if (socket.getInputStream().available() > 0) {
                    throw new IOException("answered: refused or cut off");
                }
                socket.getOutputStream().write('a');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                cutOff.incrementAndGet();
                close();
                reconnectAfter = now + 5_000;
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    @Test
    void slowBodiesDoNotStopTheServiceForOthers() throws Exception {
        List<Slow> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(new Slow());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger cutOff = new AtomicInteger();
        Thread dripper = new Thread(
                () -> {
                    while (running.get()) {
                        long now = System.currentTimeMillis();
                        for (Slow s : slow) {
                            s.drip(now, cutOff);
                        }
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "slow-clients");
        HttpClient normal =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // the pages are rendered once before, so their first rendering is not measured
            for (String path : new String[] {"/api/v1/calendar/2025", "/public", "/login"}) {
                normal.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        dripper.start();
        try {
            Thread.sleep(2000); // the slow clients are connected and sending
            long end = System.currentTimeMillis() + ATTACK.toMillis();
            while (System.currentTimeMillis() < end) {
                for (String path : new String[] {"/api/v1/calendar/2025", "/public", "/login"}) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = normal.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    answers.add(millis);
                }
                Api.Response signedIn = api.as("auditor").get("/api/v1/registers");
                assertThat(signedIn.status()).isEqualTo(200);
                Thread.sleep(200);
            }
        } finally {
            running.set(false);
            dripper.interrupt();
            dripper.join(10_000);
            slow.forEach(Slow::close);
        }
        assertThat(answers).hasSizeGreaterThan(30);
        assertThat(answers)
                .as("every answer to the normal client within a second")
                .allMatch(ms -> ms < 1000);
        assertThat(cutOff.get())
                .as("the service refused or cut off slow bodies")
                .isGreaterThan(SLOW_CLIENTS / 2);
    }
}
