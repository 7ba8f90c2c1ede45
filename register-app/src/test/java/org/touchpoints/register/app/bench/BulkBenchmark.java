package org.touchpoints.register.app.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touchpoints.register.app.Api;

/**
 * The part {@code import} of the benchmark (issue 16, item 6), on the running application:
 * <ul>
 *   <li>a register's first import of a generated 5,000-row CSV (the shared CSV's headers, one process, 5,000 distinct
 *       touchpoints): seconds from sending the file to the answer, then until the register's rows are all there
 *       (goal &lt; 5 s);</li>
 *   <li>a change package of 500 operations (additions) on that register initiated, approved by the head of the
 *       division and by the deputy: seconds from the first request until the change is {@code APPROVED} with its rows
 *       in the register (goal &lt; 2 s).</li>
 * </ul>
 * Each figure is measured {@code bench.bulkRounds} times (default 3) on registers of its own, and the median is
 * compared with the goal.
 */
final class BulkBenchmark {
    static final int IMPORT_ROWS = Integer.getInteger("bench.importRows", 5_000);
    static final int PACKAGE_OPERATIONS = Integer.getInteger("bench.packageOperations", 500);
    private static final int ROUNDS = Integer.getInteger("bench.bulkRounds", 3);

    private BulkBenchmark() {}

    static void run(BenchmarkApp app) throws Exception {
        Api admin = app.api.as("admin");
        Api auditor = app.api.as("auditor");
        byte[] csv = csv(IMPORT_ROWS);
        List<Double> imports = new ArrayList<>();
        List<Double> answers = new ArrayList<>();
        List<Double> packages = new ArrayList<>();
        BenchmarkApp.CpuTimes before = app.cpu();
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            String register =
                    RegisterBenchmark.register(app.api, "bulk-" + System.nanoTime() % 1_000_000 + "-" + round);
            long start = System.nanoTime();
            Api.Response r = admin.postMultipart("/api/v1/registers/" + register + "/import", "bench.csv", csv);
            double answered = (System.nanoTime() - start) / 1e9;
            RegisterBenchmark.check(r);
            if (r.json().get("imported").asInt() != IMPORT_ROWS) {
                throw new IllegalStateException(
                        "Imported " + r.json().get("imported") + " rows, expected " + IMPORT_ROWS);
            }
            waitForRows(auditor, register, IMPORT_ROWS);
            double imported = (System.nanoTime() - start) / 1e9;
            double packaged = approvePackage(app.api, register);
            waitForRows(auditor, register, IMPORT_ROWS + PACKAGE_OPERATIONS);
            if (round > 0) {
                answers.add(answered);
                imports.add(imported);
                packages.add(packaged);
            }
            System.out.printf(
                    "bulk round %d%s: import answered in %.2f s, rows in the register after %.2f s; package of %d "
                            + "operations initiated and approved in %.2f s%n",
                    round, round == 0 ? " (warm-up)" : "", answered, imported, PACKAGE_OPERATIONS, packaged);
        }
        System.out.printf("bulk cpu: %s%n", app.cpu().since(before));
        double importMedian = RegisterBenchmark.pct(imports, 50);
        System.out.printf(
                "import of a %,d-row register (CSV, %d KiB): median %.2f s to every row in the register (answer "
                        + "after %.2f s) over %d rounds  goal < 5 s: %s%n",
                IMPORT_ROWS,
                csv.length / 1024,
                importMedian,
                RegisterBenchmark.pct(answers, 50),
                imports.size(),
                goal(importMedian, 5));
        double packageMedian = RegisterBenchmark.pct(packages, 50);
        System.out.printf(
                "package of %d operations initiated, approved by the division head and the deputy: median %.2f s "
                        + "over %d rounds  goal < 2 s: %s%n",
                PACKAGE_OPERATIONS, packageMedian, packages.size(), goal(packageMedian, 2));
    }

    static String goal(double value, double goal) {
        return value < goal ? "met" : String.format("missed by %.2f s", value - goal);
    }

    /** Seconds from initiating the package to the deputy's approval answered (the rows are in the register then). */
    private static double approvePackage(Api root, String register) {
        List<Map<String, Object>> operations = new ArrayList<>();
        for (int i = 0; i < PACKAGE_OPERATIONS; i++) {
            operations.add(Map.of(
                    "kind",
                    "ADD",
                    "row",
                    Map.of(
                            "direction",
                            "Предоставление государственных услуг",
                            "process",
                            RegisterBenchmark.PROCESS,
                            "touchpoint",
                            Map.of(
                                    "name",
                                    "Пакетная точка " + i,
                                    "channel",
                                    "DIGITAL",
                                    "address",
                                    "https://example.gov.ru/package/" + i),
                            "needs",
                            List.of(1, 2))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "NEW_TOUCHPOINT");
        body.put("operations", operations);
        long start = System.nanoTime();
        Api.Response initiated = root.as("initiator").post("/api/v1/registers/" + register + "/changes", body);
        RegisterBenchmark.check(initiated);
        String change = initiated.json().get("changeId").asString();
        RegisterBenchmark.check(
                root.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        Api.Response approved = root.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}");
        RegisterBenchmark.check(approved);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!approved.body().contains("APPROVED")) {
            throw new IllegalStateException("Not approved: " + approved);
        }
        return seconds;
    }

    private static void waitForRows(Api auditor, String register, int rows) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            Api.Response r = auditor.get("/api/v1/registers/" + register + "/rows");
            if (r.status() == 200 && r.json().size() >= rows) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The register " + register + " did not get its " + rows + " rows");
    }

    /** A register file of {@code rows} distinct touchpoints of one process, in the shared CSV's columns. */
    static byte[] csv(int rows) {
        StringBuilder out = new StringBuilder("group_no,direction,process,touchpoint,interaction,features\n");
        for (int i = 0; i < rows; i++) {
            out.append("1,Предоставление государственных услуг,")
                    .append(RegisterBenchmark.PROCESS)
                    .append(",Точка взаимодействия № ")
                    .append(i)
                    .append(" https://example.gov.ru/point/")
                    .append(i)
                    .append(
                            ",\"Получение информации клиентом, направление обращения клиентом\",Взаимодействие в цифровой точке\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
