package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legend's words for runs side by side, named "#N part, part, ...": what every run's name
 * says, once, and for each run its number and the parts that differ ("#1 racy counter" beside
 * "#2 atomic counter", under "1,000 calls / 100 threads").
 *
 * @param shared  the parts every name has, in the first name's order, joined by ", "; empty if none
 * @param entries each name's number and its other parts; the names as they are when one has no number
 */
record RunNames(String shared, List<String> entries) {

    private static final Pattern NUMBERED = Pattern.compile("(#\\d+) (.+)");
    private static final String SEPARATOR = ", ";

    RunNames {
        entries = List.copyOf(entries);
    }

    static RunNames of(List<String> names) {
        List<String> numbers = new ArrayList<>();
        List<List<String>> parts = new ArrayList<>();
        for (String name : names) {
            Matcher numbered = NUMBERED.matcher(name);
            if (!numbered.matches()) {
                return new RunNames("", names);
            }
            numbers.add(numbered.group(1));
            parts.add(Arrays.asList(numbered.group(2).split(SEPARATOR)));
        }
        if (parts.isEmpty()) {
            return new RunNames("", names);
        }
        List<String> shared = parts.getFirst().stream().filter(part -> parts.stream().allMatch(each -> each.contains(part)))
                .toList();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> own = parts.get(i).stream().filter(part -> !shared.contains(part)).toList();
            entries.add(own.isEmpty() ? numbers.get(i) : numbers.get(i) + " " + String.join(SEPARATOR, own));
        }
        return new RunNames(String.join(SEPARATOR, shared), entries);
    }
}
