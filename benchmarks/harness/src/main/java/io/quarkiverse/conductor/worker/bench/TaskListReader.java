package io.quarkiverse.conductor.worker.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the ideal client needs from a batch poll's answer, a JSON array of tasks: each task's {@code taskId},
 * {@code workflowInstanceId} and {@code inputData.n}, skipping everything else without building it. Hand-written, so
 * that the ideal client's cost is the HTTP exchange and nothing a JSON library adds.
 */
final class TaskListReader {

    record PolledTask(String taskId, String workflowInstanceId, long n) {
    }

    private final String json;
    private int position;

    private TaskListReader(String json) {
        this.json = json;
    }

    static List<PolledTask> read(String json) {
        return new TaskListReader(json).tasks();
    }

    private List<PolledTask> tasks() {
        List<PolledTask> tasks = new ArrayList<>();
        expect('[');
        if (peek() == ']') {
            position++;
            return tasks;
        }
        do {
            tasks.add(task());
        } while (next(',', ']'));
        return tasks;
    }

    private PolledTask task() {
        String taskId = null;
        String workflowInstanceId = null;
        long n = 0;
        expect('{');
        do {
            String key = string();
            expect(':');
            switch (key) {
                case "taskId" -> taskId = string();
                case "workflowInstanceId" -> workflowInstanceId = string();
                case "inputData" -> n = inputN();
                default -> skipValue();
            }
        } while (next(',', '}'));
        if (taskId == null || workflowInstanceId == null) {
            throw new IllegalArgumentException("a task without taskId or workflowInstanceId at " + position);
        }
        return new PolledTask(taskId, workflowInstanceId, n);
    }

    /** {@code inputData.n}, 0 when absent. */
    private long inputN() {
        long n = 0;
        expect('{');
        if (peek() == '}') {
            position++;
            return n;
        }
        do {
            String key = string();
            expect(':');
            if (key.equals("n") && peek() != '"') {
                n = number();
            } else {
                skipValue();
            }
        } while (next(',', '}'));
        return n;
    }

    /** After a member or an element: true on {@code separator}, false on {@code end}. */
    private boolean next(char separator, char end) {
        char c = peek();
        position++;
        if (c == separator) {
            return true;
        }
        if (c == end) {
            return false;
        }
        throw new IllegalArgumentException("expected '" + separator + "' or '" + end + "' at " + (position - 1));
    }

    private long number() {
        skipWhitespace();
        int start = position;
        while (position < json.length() && "+-0123456789.eE".indexOf(json.charAt(position)) >= 0) {
            position++;
        }
        String text = json.substring(start, position);
        return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0 ? Long.parseLong(text)
                : (long) Double.parseDouble(text);
    }

    private String string() {
        expect('"');
        StringBuilder value = null;
        int start = position;
        while (true) {
            char c = json.charAt(position++);
            if (c == '"') {
                return value == null ? json.substring(start, position - 1) : value.toString();
            }
            if (c == '\\') {
                if (value == null) {
                    value = new StringBuilder(json.substring(start, position - 1));
                }
                char escaped = json.charAt(position++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(position, position + 4), 16));
                        position += 4;
                    }
                    default -> value.append(escaped);
                }
            } else if (value != null) {
                value.append(c);
            }
        }
    }

    /** Skips a value of any kind: strings are walked through so that a bracket inside one does not count. */
    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
            return;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            do {
                c = json.charAt(position);
                if (c == '"') {
                    string();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                position++;
            } while (depth > 0);
            return;
        }
        // a number, true, false or null
        while (position < json.length() && ",}] \t\r\n".indexOf(json.charAt(position)) < 0) {
            position++;
        }
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw new IllegalArgumentException("expected '" + expected + "' at " + position);
        }
        position++;
    }

    /** The next character that is not white space, without consuming it. */
    private char peek() {
        skipWhitespace();
        if (position >= json.length()) {
            throw new IllegalArgumentException("unexpected end of the JSON at " + position);
        }
        return json.charAt(position);
    }

    private void skipWhitespace() {
        while (position < json.length() && Character.isWhitespace(json.charAt(position))) {
            position++;
        }
    }
}
