package org.teletherapy.bench;

/** Entry point of {@code bench/run}: each benchmark prints its numbers; none asserts a speed. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "outbox" : args[0];
        switch (name) {
            case "outbox" -> OutboxLatencyBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 60,
                    args.length > 2 ? Integer.parseInt(args[2]) : 100);
            case "booking" -> BookingBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 20,
                    args.length > 2 ? Integer.parseInt(args[2]) : 220);
            case "pages" -> PageTimeBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 10,
                    args.length > 2 ? Integer.parseInt(args[2]) : 60,
                    args.length > 3 ? Integer.parseInt(args[3]) : 180);
            case "notifications" -> NotificationsBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 60,
                    args.length > 2 ? Integer.parseInt(args[2]) : 50,
                    args.length > 3 ? Integer.parseInt(args[3]) : 5000);
            case "workspace" -> PageTimeBench.runWorkspace(
                    args.length > 1 ? Integer.parseInt(args[1]) : 10,
                    args.length > 2 ? Integer.parseInt(args[2]) : 60,
                    args.length > 3 ? Integer.parseInt(args[3]) : 180);
            case "safety-banner" -> SafetyBannerBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 50);
            case "gateway-tracing" -> GatewayTracingBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    args.length > 2 ? Integer.parseInt(args[2]) : 32);
            case "gateway-vs-nginx" -> GatewayVsNginxBench.run(
                    args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    args.length > 2 ? Integer.parseInt(args[2]) : 32);
            default -> {
                System.err.println("usage: bench/run outbox [seconds] [events-per-second] | booking [racers] [slots]"
                        + " | gateway-tracing [seconds-per-mode] [in-flight] | pages [signed-in-users] [seconds] [warm-up-seconds]"
                        + " | notifications [seconds] [events-per-second] [reminders] | safety-banner [alerts]"
                        + " | workspace [signed-in-therapists] [seconds] [warm-up-seconds]"
                        + " | gateway-vs-nginx [seconds] [connections]");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
