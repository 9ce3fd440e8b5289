package io.creditguard.rates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV the publishers answer in (ECB {@code csvdata}: commas; Bundesbank SDMX-CSV and Statistics
 * Denmark: semicolons), read by header name because the column order is theirs to change. Quoted
 * cells may hold the separator, doubled quotes and line breaks; a leading byte-order mark is dropped.
 */
final class Csv {

    private Csv() {
    }

    /**
     * @return one map per data line, header name to cell; blank lines are skipped
     * @throws FeedException when a line has more cells than the header or a quote is left open
     */
    static List<Map<String, String>> parse(String text, char separator) throws FeedException {
        List<List<String>> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text, separator);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.size() > header.size()) {
                throw new FeedException("CSV line " + (i + 1) + " has " + cells.size() + " cells, the header " + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                row.put(header.get(c).strip(), cells.get(c).strip());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> lines(String text, char separator) throws FeedException {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(lines, cells, cell);
                cells = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new FeedException("CSV ends inside a quoted cell");
        }
        end(lines, cells, cell);
        return lines;
    }

    private static void end(List<List<String>> lines, List<String> cells, StringBuilder cell) {
        cells.add(cell.toString());
        cell.setLength(0);
        if (!(cells.size() == 1 && cells.get(0).isBlank())) {
            lines.add(cells);
        }
    }
}
