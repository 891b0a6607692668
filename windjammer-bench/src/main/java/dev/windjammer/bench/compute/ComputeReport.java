package dev.windjammer.bench.compute;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the JMH JSON of the compute suite into the ratio tables of
 * {@code docs/benchmarks/compute.md} and a PNG of speedup over the sequential loop against input
 * size. Java2D and ImageIO only, and a small JSON reader, so the bench module needs no extra
 * dependency.
 *
 * <pre>
 * java -cp windjammer-bench/target/benchmarks.jar dev.windjammer.bench.compute.ComputeReport \
 *     target/compute.json docs/benchmarks/compute-results.md docs/benchmarks/compute-speedup.png
 * </pre>
 */
public final class ComputeReport {

    private static final List<String> PEERS = List.of("sequential", "parallelStream", "parallelStreamFjp2", "oracle");
    private static final List<String> VARIANTS = List.of("sequential", "parallelStream", "parallelStreamFjp2",
            "windjammer", "oracle");

    private ComputeReport() {
    }

    /**
     * Reads a JMH JSON result file and writes the Markdown tables and the plot.
     *
     * @param args the JSON file, the Markdown output, the PNG output
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ComputeReport <jmh.json> <out.md> <out.png>");
            System.exit(2);
        }
        Map<String, Map<String, Double>> cases = read(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), table(cases));
        plot(cases, Path.of(args[2]));
    }

    /** Maps "Workload (params)" to variant to average time, in the order JMH ran them. */
    static Map<String, Map<String, Double>> read(Path json) throws IOException {
        Object parsed = new Json(Files.readString(json)).value();
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        for (Object entry : (List<?>) parsed) {
            Map<?, ?> run = (Map<?, ?>) entry;
            String benchmark = (String) run.get("benchmark");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String workload = benchmark.substring(0, benchmark.lastIndexOf('.'));
            workload = workload.substring(workload.lastIndexOf('.') + 1).replace("Bench", "");
            Map<?, ?> params = (Map<?, ?>) run.get("params");
            String key = workload + (params == null ? "" : " " + params.values());
            double score = ((Number) ((Map<?, ?>) run.get("primaryMetric")).get("score")).doubleValue();
            String unit = (String) ((Map<?, ?>) run.get("primaryMetric")).get("scoreUnit");
            cases.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(method, score);
            cases.get(key).put("unit:" + unit, 0.0);
        }
        return cases;
    }

    static String table(Map<String, Map<String, Double>> cases) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | Windjammer time | vs sequential | vs parallel stream | vs stream in FJP(2) | vs oracle |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Double>> c : cases.entrySet()) {
            Map<String, Double> v = c.getValue();
            Double ours = v.get("windjammer");
            if (ours == null) {
                continue;
            }
            String unit = v.keySet().stream().filter(k -> k.startsWith("unit:")).findFirst().orElse("unit:?").substring(5);
            out.append("| ").append(c.getKey()).append(" | ").append(format(ours)).append(' ').append(unit);
            for (String peer : PEERS) {
                Double theirs = v.get(peer);
                out.append(" | ").append(theirs == null ? "–" : String.format(Locale.ROOT, "%.2f", theirs / ours));
            }
            out.append(" |\n");
        }
        boolean header = false;
        for (Map.Entry<String, Map<String, Double>> c : cases.entrySet()) {
            Double adaptive = c.getValue().get("windjammer");
            Double fixed = c.getValue().get("windjammerStaticSplit");
            if (adaptive == null || fixed == null) {
                continue;
            }
            if (!header) {
                out.append("\nSplitting policy, same run: static (JDK, n / 4p leaves) time ÷ adaptive (rayon) time,"
                        + " > 1.0 = adaptive faster\n\n| workload | static ÷ adaptive |\n|---|---:|\n");
                header = true;
            }
            out.append("| ").append(c.getKey()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", fixed / adaptive)).append(" |\n");
        }
        return out.toString();
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    /** One panel per size-parameterised workload: speedup over sequential against N, log scale. */
    static void plot(Map<String, Map<String, Double>> cases, Path png) throws IOException {
        Map<String, TreeMap<Double, Map<String, Double>>> series = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> c : cases.entrySet()) {
            String key = c.getKey();
            int bracket = key.indexOf(" [");
            if (bracket < 0) {
                continue;
            }
            String size = key.substring(bracket + 2, key.length() - 1);
            if (!size.matches("\\d+")) {
                continue;
            }
            series.computeIfAbsent(key.substring(0, bracket), k -> new TreeMap<>())
                    .put(Double.parseDouble(size), c.getValue());
        }
        series.values().removeIf(s -> s.size() < 2);
        int panels = Math.max(1, series.size());
        int cols = Math.min(2, panels);
        int rows = (panels + cols - 1) / cols;
        int pw = 560;
        int ph = 380;
        BufferedImage image = new BufferedImage(cols * pw, rows * ph + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        Color[] colors = {Color.GRAY, new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), Color.BLACK};
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int legendX = 10;
        for (int i = 0; i < VARIANTS.size(); i++) {
            g.setColor(colors[i]);
            g.fillRect(legendX, 14, 14, 4);
            g.drawString(VARIANTS.get(i), legendX + 18, 20);
            legendX += 30 + g.getFontMetrics().stringWidth(VARIANTS.get(i));
        }
        int index = 0;
        for (Map.Entry<String, TreeMap<Double, Map<String, Double>>> s : series.entrySet()) {
            int x0 = (index % cols) * pw + 60;
            int y0 = 40 + (index / cols) * ph + 30;
            int w = pw - 90;
            int h = ph - 80;
            index++;
            double maxSpeedup = 2.5;
            double minN = Math.log10(s.getValue().firstKey());
            double maxN = Math.log10(s.getValue().lastKey());
            g.setColor(Color.BLACK);
            g.drawString(s.getKey() + ": speedup over the sequential loop", x0, y0 - 10);
            g.drawRect(x0, y0, w, h);
            g.setColor(Color.LIGHT_GRAY);
            for (double tick = 0.5; tick <= maxSpeedup; tick += 0.5) {
                int y = y0 + h - (int) (tick / maxSpeedup * h);
                g.drawLine(x0, y, x0 + w, y);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.1fx", tick), x0 - 40, y + 5);
                g.setColor(Color.LIGHT_GRAY);
            }
            g.setColor(Color.BLACK);
            for (double n : s.getValue().keySet()) {
                int x = x0 + (int) ((Math.log10(n) - minN) / Math.max(1e-9, maxN - minN) * w);
                g.drawString("N=" + (long) n, x - 20, y0 + h + 18);
            }
            g.setStroke(new BasicStroke(2f));
            for (int v = 0; v < VARIANTS.size(); v++) {
                List<int[]> points = new ArrayList<>();
                for (Map.Entry<Double, Map<String, Double>> p : s.getValue().entrySet()) {
                    Double seq = p.getValue().get("sequential");
                    Double t = p.getValue().get(VARIANTS.get(v));
                    if (seq == null || t == null) {
                        continue;
                    }
                    double speedup = Math.min(maxSpeedup, seq / t);
                    int x = x0 + (int) ((Math.log10(p.getKey()) - minN) / Math.max(1e-9, maxN - minN) * w);
                    int y = y0 + h - (int) (speedup / maxSpeedup * h);
                    points.add(new int[] {x, y});
                }
                g.setColor(colors[v]);
                for (int i = 0; i < points.size(); i++) {
                    int[] p = points.get(i);
                    g.fillOval(p[0] - 3, p[1] - 3, 6, 6);
                    if (i > 0) {
                        int[] q = points.get(i - 1);
                        g.drawLine(q[0], q[1], p[0], p[1]);
                    }
                }
            }
            g.setStroke(new BasicStroke(1f));
        }
        g.dispose();
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new UncheckedIOException(new IOException("no PNG writer"));
        }
    }

    /** A minimal JSON reader for JMH's result files: objects, arrays, strings, numbers, literals. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    at++;
                    skip();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        at++; // ':'
                        map.put(key, value());
                        skip();
                        if (text.charAt(at++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    at++;
                    skip();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skip();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = at;
                    while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                        at++;
                    }
                    String literal = text.substring(start, at);
                    return switch (literal) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        case "NaN" -> Double.NaN;
                        default -> Double.parseDouble(literal);
                    };
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
