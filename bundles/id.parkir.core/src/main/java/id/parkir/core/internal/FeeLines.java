package id.parkir.core.internal;

import id.parkir.api.FeeLine;
import java.util.ArrayList;
import java.util.List;

/** Stores a receipt's fee lines in one text column: one "amount<TAB>label" per line. */
final class FeeLines {
    private FeeLines() {
    }

    static String encode(List<FeeLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (FeeLine l : lines) {
            sb.append(l.amount()).append('\t').append(l.label().replace('\n', ' ').replace('\t', ' ')).append('\n');
        }
        return sb.toString();
    }

    static List<FeeLine> decode(String text) {
        List<FeeLine> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    lines.add(new FeeLine(line.substring(tab + 1), Long.parseLong(line.substring(0, tab))));
                }
            }
        }
        return lines;
    }
}
